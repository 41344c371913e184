using NodaTime;

namespace OutOfDark.Events;

/// <summary>
/// Something that happened to a journey. A journey is the fold of its events: history, time travel and
/// concurrency all come from them. Events are immutable records compared by content.
/// </summary>
/// <remarks>
/// Every event names the journey, the instant it happened, the actor who caused it and, optionally, why.
/// Events of one kind carry the ids of what they touch (phase, activity, widget, …). Commands stamp the journey id,
/// instant, actor and reason; an event built by hand without them is refused when applied.
/// </remarks>
public abstract record JourneyEvent
{
    /// <summary>The journey the event happened to.</summary>
    public JourneyId JourneyId { get; init; }

    /// <summary>When it happened, from the journey's clock.</summary>
    public Instant OccurredAt { get; init; }

    /// <summary>Who caused it: a person's name or id, or a system such as "crm-sync".</summary>
    public string Actor { get; init; } = "";

    /// <summary>Why, if the actor said.</summary>
    public string? Reason { get; init; }
}
