using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Storage;

/// <summary>
/// The durable warning feed's cost on the write path: one command that raises or clears a warning, evaluated and saved
/// with its warning change in the same transaction (<c>CommitWithOutbox</c>), against the same command evaluated the
/// same way and saved without the outbox (<c>SaveWithoutOutbox</c>, the baseline).
/// </summary>
[MemoryDiagnoser]
public class FeedCommitBenchmarks
{
    private static readonly Actor Bench = new("bench");
    private IJourneyCommitStore _store = null!;
    private Journey _journey = null!;
    private WarningEngine _engine = null!;
    private ActivityId _activity;
    private bool _owned;

    /// <summary>The store measured.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "SQLite";

    /// <summary>The stores available here.</summary>
    public static IEnumerable<string> Stores => BenchStores.Available();

    /// <summary>Creates a journey of 100 activities in a fresh database and evaluates it.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => (_store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 4, 5, 9, 0));
        _store = (IJourneyCommitStore)BenchStores.Open(Store, BenchStores.Location(Store, "feed-commit-" + Guid.NewGuid().ToString("N")[..8]), clock);
        _journey = Journey.Create(Bench, WorkspaceId.New(), "Feed benchmark", clock);
        var phase = _journey.AddPhase(Bench, "See");
        for (var i = 0; i < 100; i++)
        {
            _activity = _journey.AddActivity(Bench, phase, "Activity " + i.ToString(CultureInfo.InvariantCulture));
        }

        _engine = new WarningEngine(_journey, clock);
        await _store.CommitAsync(_journey, _engine);
    }

    /// <summary>The baseline: the command, the engine's refresh with its event, and a save of the event alone.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Baseline = true)]
    public async Task SaveWithoutOutbox()
    {
        ToggleOwner();
        _engine.Refresh(_journey.PendingEvents);
        await _store.SaveAsync(_journey);
    }

    /// <summary>The command and <c>CommitAsync</c>: the same refresh, and the event and its warning change in one transaction.</summary>
    /// <returns>A task.</returns>
    [Benchmark]
    public async Task CommitWithOutbox()
    {
        ToggleOwner();
        await _store.CommitAsync(_journey, _engine);
    }

    // Raises or clears the activity's no-owner warning: every command makes one warning change.
    private void ToggleOwner()
    {
        _owned = !_owned;
        _journey.ChangeActivityDetails(Bench, _activity, d => d with { Owner = _owned ? "ana" : null });
    }
}

/// <summary>
/// Delivery throughput: 2,000 changes delivered from a fresh cursor to a subscriber that does nothing, in batches of
/// 100 (claim, read, deliver, move the cursor), against reading the same changes in pages of 100 without a cursor.
/// Throughput in changes per second is 2,000 ÷ the mean.
/// </summary>
[MemoryDiagnoser]
public class FeedDeliveryBenchmarks
{
    /// <summary>How many changes one operation delivers.</summary>
    public const int Changes = 2_000;

    private static readonly Actor Bench = new("bench");
    private IWarningFeed _feed = null!;
    private long _round;

    /// <summary>The store measured.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "SQLite";

    /// <summary>The stores available here.</summary>
    public static IEnumerable<string> Stores => BenchStores.Available();

    /// <summary>Fills a fresh database's feed with at least <see cref="Changes"/> changes.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => (_feed as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 4, 5, 9, 0));
        var store = (IJourneyCommitStore)BenchStores.Open(Store, BenchStores.Location(Store, "feed-delivery-" + Guid.NewGuid().ToString("N")[..8]), clock);
        _feed = (IWarningFeed)store;
        var journey = Journey.Create(Bench, WorkspaceId.New(), "Feed benchmark", clock);
        var engine = new WarningEngine(journey, clock);
        var phase = journey.AddPhase(Bench, "See");
        var activities = Enumerable.Range(0, 50).Select(i => journey.AddActivity(Bench, phase, "Activity " + i.ToString(CultureInfo.InvariantCulture))).ToList();
        await store.CommitAsync(journey, engine);
        for (var round = 0; (await _feed.ReadAsync(0, 10_000)).Count < Changes; round++)
        {
            foreach (var activity in activities)
            {
                journey.ChangeActivityDetails(Bench, activity, d => d with { Owner = round % 2 == 0 ? "ana" : null });
            }

            await store.CommitAsync(journey, engine);
        }
    }

    /// <summary>The baseline: the same changes read in pages of 100, no cursor.</summary>
    /// <returns>A task.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Changes)]
    public async Task ReadPages()
    {
        long after = 0;
        while (after < Changes)
        {
            var page = await _feed.ReadAsync(after, (int)Math.Min(100, Changes - after));
            after = page[^1].Position;
        }
    }

    /// <summary>A dispatcher delivering the changes from a new subscriber's cursor to a subscriber that does nothing.</summary>
    /// <returns>A task.</returns>
    [Benchmark(OperationsPerInvoke = Changes)]
    public async Task DeliverToNoOpSubscriber()
    {
        var subscriber = new NoOp("bench-" + (++_round).ToString(CultureInfo.InvariantCulture), Changes);
        var dispatcher = new WarningFeedDispatcher(_feed, subscriber, batchSize: 100);
        using var stop = new CancellationTokenSource();
        subscriber.Stop = stop;
        try
        {
            await dispatcher.DispatchAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped after exactly Changes deliveries; the cursor keeps them.
        }
    }

    private sealed class NoOp(string name, int stopAfter) : IWarningFeedSubscriber
    {
        private int _delivered;

        public CancellationTokenSource? Stop { get; set; }

        public string Name => name;

        public Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
        {
            if (++_delivered == stopAfter)
            {
                Stop!.Cancel();
            }

            return Task.CompletedTask;
        }
    }
}
