using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Extensions.DependencyInjection.Tests;

/// <summary>
/// With an <see cref="ILiveJourneys"/> registered, the due-recheck service re-checks the journeys the host holds through
/// the host and loads only the others itself.
/// </summary>
public sealed class LiveJourneysRecheckTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public async Task A_journey_the_host_holds_is_rechecked_through_the_host_and_never_loaded_by_the_service()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var store = new CountingLoads(new InMemoryJourneyStore(clock));
        var workspace = WorkspaceId.New();
        var held = Journey.Create(Ana, workspace, "Held by the host", clock);
        var other = Journey.Create(Ana, workspace, "Not held", clock);
        await store.SaveAsync(held);
        await store.SaveAsync(other);
        var hostDue = clock.GetCurrentInstant() + Duration.FromMinutes(3);
        var live = new HostHolding(held.Id, new LiveRecheck(1, true, hostDue));
        using var host = Build(clock, store, live);
        var service = host.Services.GetRequiredService<DueRecheckService>();

        var next = await service.RecheckAsync();
        await service.RecheckAsync();

        // The service asked the host about both, the held one with no read-model rows yet; it loaded only the other one,
        // once (kept after that), and its next due instant comes from the host's engine.
        Assert.Equal([(held.Id, (long?)null), (other.Id, (long?)null)], live.Asked.Take(2).OrderBy(a => a.Journey == other.Id));
        Assert.Equal(4, live.Asked.Count);
        Assert.Equal([other.Id], store.Loaded);
        Assert.Equal(hostDue, next);
    }

    [Fact]
    public async Task A_journey_the_host_opens_later_is_dropped_from_the_services_own_copies()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 9, 0));
        var store = new CountingLoads(new InMemoryJourneyStore(clock));
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Opened later", clock);
        await store.SaveAsync(journey);
        var live = new HostHolding(null, new LiveRecheck(1, false, null));
        using var host = Build(clock, store, live);
        var service = host.Services.GetRequiredService<DueRecheckService>();
        await service.RecheckAsync();
        Assert.Equal([journey.Id], store.Loaded);

        live.Hold(journey.Id);
        await service.RecheckAsync();
        live.Hold(null);
        await service.RecheckAsync();

        // Held for one pass, its copy was dropped: when the host lets it go, the service loads it afresh.
        Assert.Equal([journey.Id, journey.Id], store.Loaded);
    }

    private static IHost Build(FakeClock clock, IJourneyStore store, ILiveJourneys live)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(live);
        builder.Services.AddOutOfDark(configure: o => o.UseClock(clock).UseStore(_ => store).AddDueRechecks());
        return builder.Build();
    }

    // A host that holds at most one journey and answers for it with a fixed result.
    private sealed class HostHolding(JourneyId? held, LiveRecheck answer) : ILiveJourneys
    {
        private JourneyId? _held = held;

        public ConcurrentQueue<(JourneyId Journey, long? Rows)> Asked { get; } = new();

        public void Hold(JourneyId? journey) => _held = journey;

        public Task<LiveRecheck?> RecheckHeldAsync(WorkspaceId workspace, JourneyId journey, long? readModelVersion, CancellationToken cancellationToken)
        {
            Asked.Enqueue((journey, readModelVersion));
            return Task.FromResult(journey == _held ? answer : (LiveRecheck?)null);
        }
    }

    private sealed class CountingLoads(IJourneyStore inner) : IJourneyStore
    {
        private readonly ConcurrentQueue<JourneyId> _loaded = new();

        public IReadOnlyList<JourneyId> Loaded => [.. _loaded];

        public Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

        public Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

        public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
        {
            _loaded.Enqueue(journeyId);
            return inner.LoadAsync(workspaceId, journeyId, cancellationToken);
        }

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
}
