namespace OutOfDark;

/// <summary>
/// A journey's link to its counterpart (as-is to to-be, or to-be to as-is) and the explicit matches between their
/// activities, which <see cref="Comparison.JourneyComparison"/> uses first.
/// </summary>
/// <remarks>
/// The journey that holds the pairing checks its own side (the activity exists; each counterpart activity is matched
/// once); it cannot see the other journey, so a match whose counterpart activity no longer exists is ignored when
/// comparing. Immutable and thread-safe.
/// </remarks>
/// <param name="Counterpart">The paired journey.</param>
/// <param name="Matches">The explicit activity matches, in the order they were made.</param>
public sealed record JourneyPairing(JourneyId Counterpart, ValueList<ActivityMatch> Matches);

/// <summary>An explicit match between an activity of a journey and an activity of its paired journey.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Activity">The activity of the journey that holds the pairing.</param>
/// <param name="Counterpart">The activity of the paired journey.</param>
public sealed record ActivityMatch(ActivityId Activity, ActivityId Counterpart);
