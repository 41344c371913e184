using System;
using NodaTime;

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
    /// evaluates, which is not when it was raised); and a stored open state is not replaced by a status recorded before
    /// that episode began (<see cref="WorkspaceWarning.HandledAt"/> earlier than the kept raise instant).
    /// </summary>
    /// <remarks>
    /// The second rule settles two engines' opinions of one warning. An engine that saw the warning clear and be raised
    /// again starts a new episode, where older statuses no longer apply: it writes the warning open. An engine created
    /// after that (another host, a rebuilt engine) never saw the clear, so to it the old status still applies. The stored
    /// row already holds the new episode's start as its raise instant, so a status older than that belongs to an earlier
    /// episode, and the row stays open. A status recorded in the current episode (at or after the raise instant) is
    /// written as usual, and so is an open state.
    /// </remarks>
    /// <param name="stored">The row stored now, or <see langword="null"/>.</param>
    /// <param name="incoming">The row written.</param>
    /// <returns>The row to store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="incoming"/> is <see langword="null"/>.</exception>
    public static WorkspaceWarning KeepEpisode(WorkspaceWarning? stored, WorkspaceWarning incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (stored is null)
        {
            return incoming;
        }

        var row = incoming.Severity <= stored.Severity && stored.RaisedAt < incoming.RaisedAt
            ? incoming with { RaisedAt = stored.RaisedAt }
            : incoming;
        return IsEarlierEpisode(stored.State, row.State, row.HandledAt, row.RaisedAt)
            ? row with { State = WarningState.Open, SnoozedUntil = null }
            : row;
    }

    /// <summary>
    /// Whether a written state comes from a status of an earlier episode than the stored row's, so the stored open state
    /// stays (the second rule of <see cref="KeepEpisode"/>).
    /// </summary>
    /// <param name="stored">The state stored now.</param>
    /// <param name="incoming">The state written.</param>
    /// <param name="handledAt">When the written state's status was recorded, or <see langword="null"/> for none.</param>
    /// <param name="episodeStart">The raise instant the row keeps after the write.</param>
    /// <returns><see langword="true"/> when the row stays open.</returns>
    public static bool IsEarlierEpisode(WarningState stored, WarningState incoming, Instant? handledAt, Instant episodeStart) =>
        stored == WarningState.Open && incoming != WarningState.Open && handledAt is { } at && at < episodeStart;
}
