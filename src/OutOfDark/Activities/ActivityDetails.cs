using NodaTime;

namespace OutOfDark;

/// <summary>The descriptive fields of an activity: text, channels, ownership, status, schedule and tags.</summary>
/// <remarks>Immutable; use <c>with</c> to derive a changed copy. Thread-safe.</remarks>
public sealed record ActivityDetails
{
    /// <summary>Details with every field empty and the status <see cref="ActivityStatus.Planned"/>.</summary>
    public static ActivityDetails Empty { get; } = new();

    /// <summary>What the activity is, in Markdown, if described.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The channels the activity uses, for example "email" or "web", each at most once: at most 50, each a name (1–500
    /// characters with a visible one); a longer list is refused with <see cref="JourneyRuleException"/> (<c>invalid-value</c>).
    /// </summary>
    public ValueList<string> Channels { get; init; } = ValueList<string>.Empty;

    /// <summary>The person accountable for the activity, if any.</summary>
    public string? Owner { get; init; }

    /// <summary>The team that runs the activity, if any.</summary>
    public string? Team { get; init; }

    /// <summary>Where the activity stands.</summary>
    public ActivityStatus Status { get; init; } = ActivityStatus.Planned;

    /// <summary>The planned first day, if scheduled.</summary>
    public LocalDate? PlannedStart { get; init; }

    /// <summary>The planned last day, if scheduled; never before <see cref="PlannedStart"/>.</summary>
    public LocalDate? PlannedEnd { get; init; }

    /// <summary>
    /// Free tags, each at most once: at most 50, each a name (1–500 characters with a visible one); a longer list is
    /// refused with <see cref="JourneyRuleException"/> (<c>invalid-value</c>).
    /// </summary>
    public ValueList<string> Tags { get; init; } = ValueList<string>.Empty;
}
