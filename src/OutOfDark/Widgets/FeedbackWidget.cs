using System;

namespace OutOfDark;

/// <summary>Voice-of-customer feedback collected at this activity.</summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The widget's title.</param>
/// <param name="Entries">The feedback, in the order it was recorded.</param>
[WidgetKind("feedback")]
public sealed record FeedbackWidget(WidgetId Id, string Title, ValueList<FeedbackEntry> Entries) : Widget(Id, Title)
{
    /// <summary>Creates a feedback widget with no entries yet.</summary>
    /// <param name="id">The widget's id.</param>
    /// <param name="title">The widget's title.</param>
    public FeedbackWidget(WidgetId id, string title)
        : this(id, title, ValueList<FeedbackEntry>.Empty)
    {
    }

    /// <summary>Creates a feedback widget with a new id and no entries yet.</summary>
    /// <param name="title">The widget's title.</param>
    public FeedbackWidget(string title)
        : this(WidgetId.New(), title, ValueList<FeedbackEntry>.Empty)
    {
    }

    /// <inheritdoc />
    protected internal override string? Validate()
    {
        if (Entries is null)
        {
            return "The feedback entries must not be missing.";
        }

        foreach (var entry in Entries)
        {
            if (CheckEntry(entry) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Checks one feedback entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>What is wrong, or <see langword="null"/>.</returns>
    public static string? CheckEntry(FeedbackEntry? entry) =>
        entry is null ? "A feedback entry must not be missing."
        : string.IsNullOrWhiteSpace(entry.Source) ? "A feedback entry needs a source."
        : Internal.Text.CharacterCount(entry.Source) > Internal.JourneyGuards.MaxNameLength ? "A feedback entry's source must be at most 500 characters."
        : entry.Quote is null ? "A feedback entry needs a quote."
        : Internal.Text.CharacterCount(entry.Quote) > Internal.JourneyGuards.MaxTextLength ? "A feedback entry's quote is too long."
        : !Enum.IsDefined(entry.Sentiment) ? $"{entry.Sentiment} is not a valid sentiment."
        : Internal.JourneyGuards.NonIsoProblem(entry.Date, "A feedback entry's date");
}
