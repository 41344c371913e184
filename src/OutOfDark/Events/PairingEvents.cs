namespace OutOfDark.Events;

/// <summary>
/// The journey was paired with its counterpart: the as-is journey of a to-be one, or the other way round. Replaces an
/// earlier pairing; the journey records an <see cref="ActivityUnmatched"/> event for each match it drops just before this
/// event (a match still held when the event is applied is dropped too).
/// </summary>
/// <param name="Counterpart">The other journey of the pair, in the same workspace; never this journey.</param>
public sealed record JourneyPaired(JourneyId Counterpart) : JourneyEvent;

/// <summary>The journey's pairing was removed; the journey records an <see cref="ActivityUnmatched"/> event for each of
/// its matches just before this event.</summary>
public sealed record JourneyUnpaired : JourneyEvent;

/// <summary>
/// An activity of the journey was matched with an activity of the paired journey: the same step before and after the
/// change. Replaces the activity's earlier match.
/// </summary>
/// <param name="ActivityId">The activity of this journey.</param>
/// <param name="Counterpart">The activity of the paired journey it corresponds to; never an activity of this journey.</param>
/// <param name="Previous">The counterpart activity this match replaces, or <see langword="null"/> when the activity had no
/// match; always the activity's match just before the event (a journey refuses the event otherwise).</param>
public sealed record ActivityMatched(ActivityId ActivityId, ActivityId Counterpart, ActivityId? Previous = null) : JourneyEvent;

/// <summary>An activity's match with the paired journey was removed.</summary>
/// <param name="ActivityId">The activity of this journey.</param>
public sealed record ActivityUnmatched(ActivityId ActivityId) : JourneyEvent;
