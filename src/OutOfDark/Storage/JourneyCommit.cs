using System;
using System.Collections.Generic;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// Everything one save of a journey writes, in one transaction: the new events and the warning changes they caused
/// (the feed's outbox). Stores write all of it or none of it.
/// </summary>
/// <remarks>
/// <para>
/// Built by <see cref="JourneyCommitExtensions.CommitAsync"/> after the warning engine has evaluated the new events.
/// <see cref="Journey"/> and <see cref="Warnings"/> carry the state after the commit for what else a store keeps in the
/// same transaction (for example a workspace-wide read model of warnings); a commit built without them has them
/// <see langword="null"/>.
/// </para>
/// <para>A commit with no events still checks the expected version, and writes its warning changes (for example the
/// changes a due re-check found with no new event).</para>
/// </remarks>
public sealed class JourneyCommit
{
    /// <summary>Creates a commit, checking that every change belongs to it.</summary>
    /// <param name="workspaceId">The journey's workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="expectedVersion">The version the journey must be at in the store: 0 for a new journey.</param>
    /// <param name="events">The new events, oldest first; may be empty.</param>
    /// <param name="warningChanges">The warning changes, in the order subscribers should see them; may be empty.</param>
    /// <param name="journey">The journey after the events, when the caller has it.</param>
    /// <param name="warnings">The journey's open warnings after the evaluation, when the caller has them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/>, <paramref name="warningChanges"/> or a change is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ArgumentException">
    /// A change names another workspace or journey, is not at the version after the events, or repeats another change's
    /// id; or <paramref name="journey"/> is another journey. The message names the change by its index.
    /// </exception>
    public JourneyCommit(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, IReadOnlyList<WarningChange> warningChanges, Journey? journey = null, IReadOnlyCollection<Warning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(warningChanges);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var newVersion = expectedVersion + events.Count;
        var ids = new HashSet<Guid>();
        for (var i = 0; i < warningChanges.Count; i++)
        {
            var change = warningChanges[i] ?? throw new ArgumentNullException(nameof(warningChanges), $"Warning change {i} is null.");
            if (change.WorkspaceId != workspaceId || change.JourneyId != journeyId)
            {
                throw new ArgumentException($"Warning change {i} ({change.Id}) belongs to journey {change.JourneyId} of workspace {change.WorkspaceId}, not to journey {journeyId} of workspace {workspaceId}.", nameof(warningChanges));
            }

            if (change.JourneyVersion != newVersion)
            {
                throw new ArgumentException($"Warning change {i} ({change.Id}) is at journey version {change.JourneyVersion}, but the commit takes the journey from version {expectedVersion} to {newVersion}; a change must be at the version after the commit's events.", nameof(warningChanges));
            }

            if (!ids.Add(change.Id))
            {
                throw new ArgumentException($"Warning change {i} repeats the id {change.Id} of an earlier change; every change needs its own id.", nameof(warningChanges));
            }
        }

        if (journey is not null && (journey.Id != journeyId || journey.WorkspaceId != workspaceId))
        {
            throw new ArgumentException($"The commit is for journey {journeyId} of workspace {workspaceId}, but carries journey {journey.Id} of workspace {journey.WorkspaceId}.", nameof(journey));
        }

        WorkspaceId = workspaceId;
        JourneyId = journeyId;
        ExpectedVersion = expectedVersion;
        Events = events;
        WarningChanges = warningChanges;
        Journey = journey;
        Warnings = warnings;
    }

    /// <summary>The journey's workspace.</summary>
    public WorkspaceId WorkspaceId { get; }

    /// <summary>The journey.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>The version the journey must be at in the store; 0 for a new journey.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version after the commit: <see cref="ExpectedVersion"/> plus the number of events.</summary>
    public long NewVersion => ExpectedVersion + Events.Count;

    /// <summary>The new events, oldest first.</summary>
    public IReadOnlyList<JourneyEvent> Events { get; }

    /// <summary>The warning changes the events caused, in feed order.</summary>
    public IReadOnlyList<WarningChange> WarningChanges { get; }

    /// <summary>The journey after the events, or <see langword="null"/> when the caller did not give it.</summary>
    public Journey? Journey { get; }

    /// <summary>The journey's open warnings after the evaluation, or <see langword="null"/> when the caller did not give them.</summary>
    public IReadOnlyCollection<Warning>? Warnings { get; }
}
