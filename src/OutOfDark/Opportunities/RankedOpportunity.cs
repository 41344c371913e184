namespace OutOfDark;

/// <summary>An opportunity with its priority and place in the ranking.</summary>
/// <param name="Opportunity">The opportunity.</param>
/// <param name="Priority">Its priority by the formula used, or <see langword="null"/> while unscored.</param>
/// <param name="Rank">Its place, from 1 (highest priority); unscored opportunities come after every scored one.</param>
public sealed record RankedOpportunity(Opportunity Opportunity, decimal? Priority, int Rank);
