using System;

namespace OutOfDark.Warnings;

/// <summary>The rules every read-model store applies the same way; public so SQL stores in other packages share them.</summary>
public static class WorkspaceWarningChecks
{
    /// <summary>Checks that every row and removal of an update belongs to the update's journey.</summary>
    /// <param name="update">The update.</param>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> or a row is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A row names another workspace or journey; the message says which row.</exception>
    public static void Check(WorkspaceWarningUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(update.Upserts, "update.Upserts");
        ArgumentNullException.ThrowIfNull(update.Removals, "update.Removals");
        for (var i = 0; i < update.Upserts.Count; i++)
        {
            var row = update.Upserts[i] ?? throw new ArgumentNullException($"update.Upserts[{i}]");
            if (row.WorkspaceId != update.WorkspaceId || row.JourneyId != update.JourneyId)
            {
                throw new ArgumentException($"Row {i} ({row.Key}) of the update belongs to journey {row.JourneyId} in workspace {row.WorkspaceId}, not to the update's journey {update.JourneyId} in workspace {update.WorkspaceId}; make one update per journey.", nameof(update));
            }
        }
    }

    /// <summary>
    /// The row to store when <paramref name="incoming"/> replaces <paramref name="stored"/>: the warning keeps the raise
    /// instant of its episode while its severity does not rise (an engine created later sees it raised when it first
    /// evaluates, which is not when it was raised).
    /// </summary>
    /// <param name="stored">The row stored now, or <see langword="null"/>.</param>
    /// <param name="incoming">The row written.</param>
    /// <returns>The row to store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="incoming"/> is <see langword="null"/>.</exception>
    public static WorkspaceWarning KeepEpisode(WorkspaceWarning? stored, WorkspaceWarning incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return stored is not null && incoming.Severity <= stored.Severity && stored.RaisedAt < incoming.RaisedAt
            ? incoming with { RaisedAt = stored.RaisedAt }
            : incoming;
    }
}
