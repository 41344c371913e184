using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// What an opportunity addresses: an activity, a pain point (an emotion widget), one feedback entry or a warning.
/// Build one with <see cref="ToActivity"/>, <see cref="ToPainPoint"/>, <see cref="ToFeedback"/> or
/// <see cref="ToWarning"/>; exactly the members of its <see cref="Kind"/> are set.
/// </summary>
/// <remarks>
/// A link always names something the journey holds: linking to a missing object is refused, and removing the object
/// (an activity with everything on it, a widget, a phase a warning is about) removes the links to it
/// (see <see cref="Journey.RemoveActivity"/>). A warning link names the warning's subject, which must exist; the warning
/// itself need not be open. Immutable and thread-safe.
/// </remarks>
/// <param name="Kind">What the link points at.</param>
/// <param name="Activity">The activity, for <see cref="OpportunityLinkKind.Activity"/>.</param>
/// <param name="Widget">The emotion or feedback widget, for <see cref="OpportunityLinkKind.PainPoint"/> and <see cref="OpportunityLinkKind.Feedback"/>.</param>
/// <param name="Entry">The feedback entry's index in its widget, from 0, for <see cref="OpportunityLinkKind.Feedback"/>.</param>
/// <param name="Warning">The warning, for <see cref="OpportunityLinkKind.Warning"/>.</param>
public sealed record OpportunityLink(OpportunityLinkKind Kind, ActivityId? Activity, WidgetId? Widget, int? Entry, WarningKey? Warning)
{
    /// <summary>A link to an activity.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The link.</returns>
    public static OpportunityLink ToActivity(ActivityId activity) => new(OpportunityLinkKind.Activity, activity, null, null, null);

    /// <summary>A link to a pain point: an emotion widget.</summary>
    /// <param name="emotionWidget">The emotion widget.</param>
    /// <returns>The link.</returns>
    public static OpportunityLink ToPainPoint(WidgetId emotionWidget) => new(OpportunityLinkKind.PainPoint, null, emotionWidget, null, null);

    /// <summary>A link to one feedback entry.</summary>
    /// <param name="feedbackWidget">The feedback widget.</param>
    /// <param name="entry">The entry's index in the widget's entries, from 0.</param>
    /// <returns>The link.</returns>
    public static OpportunityLink ToFeedback(WidgetId feedbackWidget, int entry) => new(OpportunityLinkKind.Feedback, null, feedbackWidget, entry, null);

    /// <summary>A link to a warning.</summary>
    /// <param name="warning">The warning's key.</param>
    /// <returns>The link.</returns>
    public static OpportunityLink ToWarning(WarningKey warning) => new(OpportunityLinkKind.Warning, null, null, null, warning);

    /// <summary>Says why the members do not fit the kind, or nothing when they do.</summary>
    /// <returns>The sentence, or <see langword="null"/>.</returns>
    public string? ShapeProblem() => Kind switch
    {
        OpportunityLinkKind.Activity when Activity is not null && Widget is null && Entry is null && Warning is null => null,
        OpportunityLinkKind.PainPoint when Activity is null && Widget is not null && Entry is null && Warning is null => null,
        OpportunityLinkKind.Feedback when Activity is null && Widget is not null && Entry is >= 0 && Warning is null => null,
        OpportunityLinkKind.Warning when Activity is null && Widget is null && Entry is null && Warning is not null => null,
        OpportunityLinkKind.Activity or OpportunityLinkKind.PainPoint or OpportunityLinkKind.Feedback or OpportunityLinkKind.Warning =>
            $"An opportunity link of kind {Kind} must set exactly {Kind switch { OpportunityLinkKind.Activity => "Activity", OpportunityLinkKind.PainPoint => "Widget", OpportunityLinkKind.Feedback => "Widget and Entry (0 or more)", _ => "Warning" }}; build it with OpportunityLink.To{Kind}(…).",
        _ => $"{Kind} is not a valid opportunity link kind.",
    };
}
