using NodaTime;
using OutOfDark.Events;

namespace OutOfDark;

/// <summary>One change in a journey's history, with a sentence a person can read.</summary>
/// <param name="Version">The journey's version after the change.</param>
/// <param name="Event">The event.</param>
/// <param name="Description">What changed, for example <c>Renamed activity "Newsletter" to "Weekly newsletter"</c>.</param>
public sealed record HistoryEntry(long Version, JourneyEvent Event, string Description)
{
    /// <summary>When the change happened.</summary>
    public Instant At => Event.OccurredAt;

    /// <summary>Who made it.</summary>
    public string Actor => Event.Actor;

    /// <summary>Why, if they said.</summary>
    public string? Reason => Event.Reason;

    /// <summary>Returns <c>v12 2026-10-01T09:00:00Z ana: Renamed … (why)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"v{Version} {At} {Actor}: {Description}" + (Reason is null ? "" : $" ({Reason})");
}
