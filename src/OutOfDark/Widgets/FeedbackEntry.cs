using NodaTime;

namespace OutOfDark;

/// <summary>One piece of voice-of-customer feedback.</summary>
/// <param name="Source">Where it came from, for example "App Store review" or "NPS survey".</param>
/// <param name="Quote">What the customer said, verbatim.</param>
/// <param name="Sentiment">Its tone.</param>
/// <param name="Date">When it was given.</param>
public sealed record FeedbackEntry(string Source, string Quote, Sentiment Sentiment, LocalDate Date);
