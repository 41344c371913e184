using System;
using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>The workspace Warnings view's order; see the remarks of <see cref="IWorkspaceWarnings"/>.</summary>
/// <remarks>Stateless and thread-safe.</remarks>
public sealed class WorkspaceWarningOrder : IComparer<WorkspaceWarning>
{
    /// <summary>The one instance.</summary>
    public static WorkspaceWarningOrder Instance { get; } = new();

    private WorkspaceWarningOrder()
    {
    }

    /// <summary>Compares two rows by the view's order.</summary>
    /// <param name="x">One row.</param>
    /// <param name="y">The other.</param>
    /// <returns>Less than 0 when <paramref name="x"/> comes first, more than 0 when <paramref name="y"/> does, 0 for the same warning.</returns>
    public int Compare(WorkspaceWarning? x, WorkspaceWarning? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var c = y.Severity.CompareTo(x.Severity);
        if (c != 0)
        {
            return c;
        }

        c = (x.PastLimit, y.PastLimit) switch
        {
            ({ } a, { } b) => b.CompareTo(a),
            (not null, null) => -1,
            (null, not null) => 1,
            _ => 0,
        };
        if (c != 0)
        {
            return c;
        }

        c = x.RaisedAt.CompareTo(y.RaisedAt);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.JourneyId.ToString(), y.JourneyId.ToString());
        if (c != 0)
        {
            return c;
        }

        c = x.PhaseIndex.CompareTo(y.PhaseIndex);
        if (c != 0)
        {
            return c;
        }

        c = x.MapIndex.CompareTo(y.MapIndex);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Key.Rule.Value, y.Key.Rule.Value);
        return c != 0 ? c : string.CompareOrdinal(x.Key.Subject.Id.ToString("D"), y.Key.Subject.Id.ToString("D"));
    }
}
