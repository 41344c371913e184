using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>A filter for the Warnings view. Unset fields do not filter; set ones must all match.</summary>
public sealed record WarningQuery
{
    /// <summary>Every present warning in every state.</summary>
    public static WarningQuery All { get; } = new();

    /// <summary>The warnings that need someone: open and acknowledged ones.</summary>
    public static WarningQuery NeedsAttention { get; } = new() { States = [WarningState.Open, WarningState.Acknowledged] };

    /// <summary>Only warnings at least this severe.</summary>
    public WarningSeverity? MinimumSeverity { get; init; }

    /// <summary>Only warnings about this phase or an activity in it.</summary>
    public PhaseId? Phase { get; init; }

    /// <summary>Only warnings about activities with this owner (exact, case-sensitive).</summary>
    public string? Owner { get; init; }

    /// <summary>Only warnings about activities of this team (exact, case-sensitive).</summary>
    public string? Team { get; init; }

    /// <summary>Only warnings in one of these states.</summary>
    public IReadOnlyCollection<WarningState>? States { get; init; }

    /// <summary>Only warnings raised by this rule.</summary>
    public RuleId? Rule { get; init; }
}
