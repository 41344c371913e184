using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// A journey's whole state at one version, as plain immutable data compared by content. Serializers write it as the
/// journey document; stores keep it so that loading need not replay from the first event.
/// </summary>
/// <remarks>Collections are in the journey's order: phases by position, the others in the order they were added.</remarks>
public sealed record JourneySnapshot
{
    /// <summary>The journey's id.</summary>
    public required JourneyId Id { get; init; }

    /// <summary>The workspace it belongs to.</summary>
    public required WorkspaceId WorkspaceId { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Its owner, if any.</summary>
    public string? Owner { get; init; }

    /// <summary>Whether the map is as-is, to-be or research.</summary>
    public JourneyState State { get; init; }

    /// <summary>The parent journey in the workspace's portfolio, or <see langword="null"/> for a top-level journey.</summary>
    public JourneyId? ParentJourneyId { get; init; }

    /// <summary>The number of events the state folds.</summary>
    public required long Version { get; init; }

    /// <summary>When the journey was created.</summary>
    public required Instant CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required Instant LastChangedAt { get; init; }

    /// <summary>The phases, in order.</summary>
    public ValueList<Phase> Phases { get; init; } = ValueList<Phase>.Empty;

    /// <summary>The journey's own metrics (journey-level KPIs), in order; each phase lists its own in <see cref="Phase.Metrics"/>.</summary>
    /// <remarks>Setting <see langword="null"/> (as a reader does for a document without metrics) gives the empty list; every empty list compares equal.</remarks>
    public ValueList<MetricWidget> Metrics
    {
        get => field ?? ValueList<MetricWidget>.Empty;
        init => field = value is { Count: > 0 } ? value : null;
    }

    /// <summary>The personas.</summary>
    public ValueList<Persona> Personas { get; init; } = ValueList<Persona>.Empty;

    /// <summary>The activities of the map; a parent always comes before its children.</summary>
    public ValueList<Activity> Activities { get; init; } = ValueList<Activity>.Empty;

    /// <summary>The flows between activities.</summary>
    public ValueList<Flow> Flows { get; init; } = ValueList<Flow>.Empty;

    /// <summary>What people last did with each warning they handled.</summary>
    public ValueList<WarningStatus> Warnings { get; init; } = ValueList<WarningStatus>.Empty;

    /// <summary>The journey's own rule settings (journey-wide, per activity, per KPI), in the order they were first set.</summary>
    public ValueList<RuleSettingsEntry> RuleSettings { get; init; } = ValueList<RuleSettingsEntry>.Empty;

    /// <summary>The journey's own service-blueprint lanes, in the order they were added; the four built-ins are not listed.</summary>
    public ValueList<Lane> Lanes { get; init; } = ValueList<Lane>.Empty;

    /// <summary>The journey's opportunities, in the order they were added.</summary>
    public ValueList<Opportunity> Opportunities { get; init; } = ValueList<Opportunity>.Empty;
    /// <summary>The journey's pairing with its as-is or to-be counterpart and the activity matches, or <see langword="null"/> when unpaired.</summary>
    public JourneyPairing? Pairing { get; init; }
}
