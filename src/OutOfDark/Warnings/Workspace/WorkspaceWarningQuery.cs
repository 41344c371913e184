using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Warnings;

/// <summary>
/// A filter and page of the workspace-wide Warnings view. Unset filters do not filter; set ones must all match. Pages
/// are by offset: <see cref="Offset"/> rows of the sorted view are skipped and at most <see cref="Limit"/> returned.
/// </summary>
public sealed record WorkspaceWarningQuery
{
    /// <summary>The largest page a query may ask for.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The first page of 50 rows of every present warning in every state.</summary>
    public static WorkspaceWarningQuery All { get; } = new();

    /// <summary>Only warnings of one of these severities, for example <c>[WarningSeverity.Critical]</c> or every severity from warning up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a collection holding a value <see cref="WarningSeverity"/> does not define.</exception>
    public IReadOnlyCollection<WarningSeverity>? Severities
    {
        get;
        init => field = Defined(value, nameof(Severities));
    }

    /// <summary>Whether a severity passes the severity filter.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><see langword="true"/> when no severity filter is set or it names the severity.</returns>
    internal bool MatchesSeverity(WarningSeverity severity) => Severities is null || Severities.Contains(severity);

    /// <summary>Only warnings in one of these states (the state at the query's instant: an ended snooze is open).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a collection holding a value <see cref="WarningState"/> does not define.</exception>
    public IReadOnlyCollection<WarningState>? States
    {
        get;
        init => field = Defined(value, nameof(States));
    }

    /// <summary>Only warnings about activities with this owner (exact, case-sensitive).</summary>
    public string? Owner { get; init; }

    /// <summary>Only warnings about activities of this team (exact, case-sensitive).</summary>
    public string? Team { get; init; }

    /// <summary>Only warnings of this journey.</summary>
    public JourneyId? Journey { get; init; }

    /// <summary>Only warnings about a phase of this name or an activity in one, in any journey (exact, case-sensitive).</summary>
    public string? PhaseName { get; init; }

    /// <summary>Only warnings raised by this rule.</summary>
    public RuleId? Rule { get; init; }

    /// <summary>How many rows of the sorted view to skip: 0 or more.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative value.</exception>
    public int Offset
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Offset), value, "The offset of a page must be 0 or more.");
    }

    /// <summary>How many rows a page holds at most: 1 to <see cref="MaxLimit"/>; 50 unless set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to <see cref="MaxLimit"/>.</exception>
    public int Limit
    {
        get;
        init => field = value is >= 1 and <= MaxLimit ? value : throw new ArgumentOutOfRangeException(nameof(Limit), value, $"A page holds 1 to {MaxLimit} rows.");
    } = 50;

    /// <summary>Whether a row passes every filter but the severity one (the counts per severity use this).</summary>
    /// <param name="row">The row.</param>
    /// <param name="state">The row's state at the query's instant.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    internal bool MatchesIgnoringSeverity(WorkspaceWarning row, WarningState state) =>
        (States is null || States.Contains(state))
        && (Owner is null || string.Equals(row.Owner, Owner, StringComparison.Ordinal))
        && (Team is null || string.Equals(row.Team, Team, StringComparison.Ordinal))
        && (Journey is null || row.JourneyId == Journey)
        && (PhaseName is null || string.Equals(row.PhaseName, PhaseName, StringComparison.Ordinal))
        && (Rule is null || row.Key.Rule == Rule);

    // An undefined value would match nothing in memory but could alias a defined one in a store's bit mask.
    private static IReadOnlyCollection<T>? Defined<T>(IReadOnlyCollection<T>? values, string property)
        where T : struct, Enum
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                if (!Enum.IsDefined(value))
                {
                    throw new ArgumentOutOfRangeException(property, value, $"{value} is not a {typeof(T).Name}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
                }
            }
        }

        return values;
    }
}
