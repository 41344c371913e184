using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark.Tests.Shared;

/// <summary>A store that remembers the warning changes of every commit that succeeded, in order: the feed's oracle.</summary>
internal sealed class RecordingCommitStore(IJourneyCommitStore inner) : IJourneyCommitStore
{
    public List<WarningChange> Committed { get; } = [];

    public async Task<long> CommitAsync(JourneyCommit commit, CancellationToken cancellationToken = default)
    {
        var version = await inner.CommitAsync(commit, cancellationToken);
        Committed.AddRange(commit.WarningChanges);
        return version;
    }

    public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

    public Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) =>
        inner.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

    public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(workspaceId, journeyId, cancellationToken);

    public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default) =>
        inner.LoadAsOfVersionAsync(workspaceId, journeyId, version, cancellationToken);

    public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default) =>
        inner.LoadAsOfInstantAsync(workspaceId, journeyId, instant, cancellationToken);

    public Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default) =>
        inner.ListAsync(workspaceId, cancellationToken);

    public Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default) =>
        inner.ListWorkspacesAsync(cancellationToken);

    public Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(workspaceId, journeyId, cancellationToken);
}
