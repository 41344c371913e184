namespace OutOfDark.Events;

/// <summary>
/// The journey was paired with its counterpart: the as-is journey of a to-be one, or the other way round. Replaces an
/// earlier pairing, and with it every activity match.
/// </summary>
/// <param name="Counterpart">The other journey of the pair, in the same workspace; never this journey.</param>
public sealed record JourneyPaired(JourneyId Counterpart) : JourneyEvent;

/// <summary>The journey's pairing was removed, with every activity match.</summary>
public sealed record JourneyUnpaired : JourneyEvent;

/// <summary>
/// An activity of the journey was matched with an activity of the paired journey: the same step before and after the
/// change. Replaces the activity's earlier match.
/// </summary>
/// <param name="ActivityId">The activity of this journey.</param>
/// <param name="Counterpart">The activity of the paired journey it corresponds to.</param>
public sealed record ActivityMatched(ActivityId ActivityId, ActivityId Counterpart) : JourneyEvent;

/// <summary>An activity's match with the paired journey was removed.</summary>
/// <param name="ActivityId">The activity of this journey.</param>
public sealed record ActivityUnmatched(ActivityId ActivityId) : JourneyEvent;
