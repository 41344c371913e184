using NodaTime;

namespace OutOfDark;

/// <summary>
/// Something the company does towards the customer — a touchpoint, a milestone or another action — placed in a phase
/// and in the activity map's tree, with the widgets of its Detail view.
/// </summary>
/// <remarks>
/// Activities are immutable snapshots of the journey's state; the journey replaces them as events apply.
/// Thread-safe.
/// </remarks>
public sealed record Activity
{
    /// <summary>The activity's id, unique in the journey.</summary>
    public required ActivityId Id { get; init; }

    /// <summary>The phase the activity lives in.</summary>
    public required PhaseId PhaseId { get; init; }

    /// <summary>The parent activity in the activity map, or <see langword="null"/> for a top-level activity.</summary>
    public ActivityId? ParentId { get; init; }

    /// <summary>The activity's name, for example "Welcome email".</summary>
    public required string Name { get; init; }

    /// <summary>What sort of action the activity is.</summary>
    public ActivityKind Kind { get; init; }

    /// <summary>The descriptive fields: channels, owner, team, status, schedule, tags.</summary>
    public ActivityDetails Details { get; init; } = ActivityDetails.Empty;

    /// <summary>The journey of the same workspace that details this activity (its sub-journey), or <see langword="null"/> for none.</summary>
    public JourneyId? SubJourneyId { get; init; }
    /// <summary>
    /// The service-blueprint lane the activity sits in. <see cref="LaneId.Frontstage"/> unless moved with
    /// <see cref="Journey.SetActivityLane"/>: an activity is something the company does towards the customer, which the
    /// customer sees. A document written before lanes existed reads as frontstage too.
    /// </summary>
    public LaneId Lane { get; init; } = LaneId.Frontstage;

    /// <summary>The widgets of the Detail view, in display order.</summary>
    public ValueList<Widget> Widgets { get; init; } = ValueList<Widget>.Empty;

    /// <summary>When the activity was added.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When the activity or one of its widgets last changed.</summary>
    public required Instant LastChangedAt { get; init; }
}
