using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>One page of the workspace-wide Warnings view. Totals come separately, from <see cref="IWorkspaceWarnings.CountAsync"/>.</summary>
/// <param name="Items">The page's rows, in the view's order (see <see cref="IWorkspaceWarnings"/>).</param>
/// <param name="Offset">The rows skipped before this page.</param>
/// <param name="Limit">The most rows a page holds.</param>
/// <param name="HasMore">Whether rows follow this page.</param>
public sealed record WorkspaceWarningPage(IReadOnlyList<WorkspaceWarning> Items, int Offset, int Limit, bool HasMore);

/// <summary>The totals beside a page of the workspace-wide Warnings view.</summary>
/// <param name="Total">How many rows match every filter, over all pages.</param>
/// <param name="BySeverity">How many rows match every filter but the severity one, per severity.</param>
public sealed record WorkspaceWarningCounts(int Total, SeverityCounts BySeverity);

/// <summary>Counts of warnings per severity.</summary>
/// <param name="Critical">Critical warnings.</param>
/// <param name="Warning">Warnings of severity warning.</param>
/// <param name="Info">Info warnings.</param>
public sealed record SeverityCounts(int Critical, int Warning, int Info)
{
    /// <summary>No warnings.</summary>
    public static SeverityCounts None { get; } = new(0, 0, 0);

    /// <summary>The count of one severity.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The count.</returns>
    public int this[WarningSeverity severity] => severity switch
    {
        WarningSeverity.Critical => Critical,
        WarningSeverity.Warning => Warning,
        _ => Info,
    };

    /// <summary>All counts added.</summary>
    public int Total => Critical + Warning + Info;
}
