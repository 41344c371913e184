namespace OutOfDark.Events;

/// <summary>The journey was placed under a parent journey of its workspace, moved to another, or made a top-level journey.</summary>
/// <param name="ParentJourneyId">The parent journey now, or <see langword="null"/> for a top-level journey.</param>
/// <remarks>
/// The journey checks only that it is not its own parent; that the parent exists in the same workspace and that no cycle
/// forms are facts about other journeys, which <see cref="Portfolio.JourneyPortfolio"/> checks before it records this.
/// </remarks>
public sealed record JourneyParentChanged(JourneyId? ParentJourneyId) : JourneyEvent;

/// <summary>An activity was linked to the sub-journey that details it, linked to another, or unlinked.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="SubJourneyId">The journey of the same workspace that details the activity, or <see langword="null"/> for none.</param>
public sealed record SubJourneyLinked(ActivityId ActivityId, JourneyId? SubJourneyId) : JourneyEvent;
