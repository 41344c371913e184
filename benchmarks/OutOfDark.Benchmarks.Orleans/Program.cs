using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using OutOfDark;
using OutOfDark.Benchmarks.Orleans;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Orleans;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Testing;
using OutOfDark.Warnings;

// A measured load harness for OutOfDark on Orleans (docs/performance.md, "Orleans"). Silos run in this process on
// 127.0.0.1; the store is PostgreSQL (a database of its own, dropped and filled anew on each run).
//   dotnet run -c Release --project benchmarks/OutOfDark.Benchmarks.Orleans -- [overhead] [throughput] [activation] [memory] [appends] [all]
//       --postgres "Host=127.0.0.1;Port=5432;Username=…;Database=postgres"  (or OUTOFDARK_TEST_POSTGRES)  [--seconds 20]
var scenarios = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToHashSet();
if (scenarios.Count == 0)
{
    scenarios.Add("all");
}

var admin = Option("--postgres") ?? Environment.GetEnvironmentVariable("OUTOFDARK_TEST_POSTGRES")
    ?? throw new ArgumentException("Name the PostgreSQL server: --postgres \"Host=…;Username=…;Database=postgres\" or OUTOFDARK_TEST_POSTGRES.");
var seconds = int.Parse(Option("--seconds") ?? "20", CultureInfo.InvariantCulture);
// Twenty days after the synthetic data's last observation: no metric is stale yet (30 days), as in a journey fed daily.
// Commands record observations metric by metric, then day by day, up to that day (BenchJourney.NextObservation).
var clock = new FakeClock(SyntheticJourneys.Created + Duration.FromDays(20));
var port = 41000;

// The journeys of the per-command comparison: 142 activities, room for 2,840 new observations each.
const int OverheadEvents = 1993;

Console.WriteLine($"OutOfDark on Orleans — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"load before: {Load()}");
await using (var connection = new NpgsqlConnection(admin))
{
    await connection.OpenAsync();
    await using var show = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')", connection);
    await using var reader = await show.ExecuteReaderAsync();
    await reader.ReadAsync();
    Console.WriteLine($"PostgreSQL {reader.GetString(0)}, fsync {reader.GetString(1)}, synchronous_commit {reader.GetString(2)}");
}

var all = scenarios.Contains("all");
if (all || scenarios.Contains("overhead"))
{
    await OverheadAsync();
}

if (all || scenarios.Contains("throughput") || scenarios.Contains("memory"))
{
    await ThroughputAndMemoryAsync(throughput: all || scenarios.Contains("throughput"), memory: all || scenarios.Contains("memory"));
}

if (all || scenarios.Contains("activation"))
{
    await ActivationAsync();
}

if (all || scenarios.Contains("appends"))
{
    await AppendsAsync();
}

Console.WriteLine($"load after: {Load()}");
return 0;

// Per command: a grain call (one silo, in-process client) against the same command run directly on the same store, as a
// host without Orleans does (load once, keep journey + engine, commit each command with its warning changes).
async Task OverheadAsync()
{
    const int rounds = 5;
    Console.WriteLine();
    Console.WriteLine($"== Per-command overhead: grain vs direct library call, same store, one silo, in-process client; journeys of {OverheadEvents} events ({(OverheadEvents - 5) / 14} activities)");
    {
        var memory = new InMemoryJourneyStore(clock);
        var journeys = await Fixtures.FillAsync(memory, 2, OverheadEvents, 1000);
        await using var cluster = await BenchCluster.StartAsync(1, clock, o => o.UseStore(_ => memory), NextPort());
        await CompareAsync("in-memory store", memory, cluster, journeys, 500, rounds);
    }

    {
        var cs = Fixtures.Database(admin, "outofdark_orleans_overhead");
        IReadOnlyList<BenchJourney> journeys;
        await using (var fill = new PostgreSqlJourneyStore(cs, clock))
        {
            journeys = await Fixtures.FillAsync(fill, 4, OverheadEvents, 2000);
        }

        // Each variant gets a direct store of its own: the direct path's service provider disposes the store it was given.
        await using (var cluster = await BenchCluster.StartAsync(1, clock, o => o.UseOrleansPostgreSql(cs), NextPort()))
        {
            await CompareAsync("PostgreSQL, grain with command ledger (UseOrleansPostgreSql)", new PostgreSqlJourneyStore(cs, clock), cluster, journeys.Take(2).ToList(), 100, 5);
        }

        await using (var cluster = await BenchCluster.StartAsync(1, clock, o => o.UseStore(_ => new PostgreSqlJourneyStore(cs, clock)), NextPort()))
        {
            await CompareAsync("PostgreSQL, grain without ledger (UseStore)", new PostgreSqlJourneyStore(cs, clock), cluster, journeys.Skip(2).ToList(), 100, 5);
        }
    }
}

async Task CompareAsync(string label, IJourneyStore store, BenchCluster cluster, IReadOnlyList<BenchJourney> journeys, int commands, int rounds)
{
    await using var services = DirectServices(store);
    var warnings = services.GetRequiredService<JourneyWarnings>();
    var commits = (IJourneyCommitStore)store;
    var (d, g) = (journeys[0], journeys[1]);
    var journey = await store.LoadAsync(d.Workspace, d.Id);
    var engine = warnings.CreateEngine(journey);
    warnings.Evaluate(engine);
    var grain = cluster.Grains.GetJourneyGrain(g.Workspace, g.Id);
    var actor = new Actor("bench");

    async Task<double> DirectAsync(int n)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            var (metric, date) = d.NextObservation();
            journey.RecordObservation(actor, metric, date, 50m + (i % 7));
            await warnings.CommitAsync(commits, journey, engine);
        }

        return watch.Elapsed.TotalMicroseconds / n;
    }

    async Task<double> GrainAsync(int n)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            await grain.ExecuteAsync(Observation(g, 50m + (i % 7)));
        }

        return watch.Elapsed.TotalMicroseconds / n;
    }

    await DirectAsync(commands / 10);
    await GrainAsync(commands / 10);
    var direct = new List<double>();
    var through = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        direct.Add(await DirectAsync(commands));
        through.Add(await GrainAsync(commands));
    }

    var (dm, gm) = (Median(direct), Median(through));
    Console.WriteLine($"{label}: direct {dm:F0} µs/command, grain {gm:F0} µs/command, ratio {gm / dm:F2}x (median of {rounds} rounds × {commands} commands; rounds direct {string.Join("/", direct.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))}, grain {string.Join("/", through.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))})");
}

// Commands per second over 1,000 journeys from 32 concurrent callers, one silo then three (in this process), and the
// memory an active journey grain holds.
async Task ThroughputAndMemoryAsync(bool throughput, bool memory)
{
    const int count = 1000;
    const int warmup = 50;
    const int events = 285;
    var cs = Fixtures.Database(admin, "outofdark_orleans_load");
    IReadOnlyList<BenchJourney> journeys;
    var fill = Stopwatch.StartNew();
    await using (var store = new PostgreSqlJourneyStore(cs, clock))
    {
        journeys = await Fixtures.FillAsync(store, count + warmup, events, 10_000);
        var sample = await store.LoadAsync(journeys[0].Workspace, journeys[0].Id);
        Console.WriteLine();
        Console.WriteLine($"== {count + warmup} journeys of {events} events ({sample.ActivityCount} activities, each with a metric of 10 observations) stored in {fill.Elapsed.TotalSeconds:F0} s");
    }

    if (memory)
    {
        await using var cluster = await BenchCluster.StartAsync(1, clock, o => o.UseOrleansPostgreSql(cs), NextPort());
        await ActivateAsync(cluster, journeys.Take(warmup));
        var before = Heap();
        await ActivateAsync(cluster, journeys.Skip(warmup));
        var after = Heap();
        await cluster.DeactivateAllAsync();
        var collected = Heap();
        Console.WriteLine($"Memory per active journey grain ({events}-event journey): {(after - before) / count / 1024.0:F1} KiB (managed heap {before / 1048576.0:F0} MiB → {after / 1048576.0:F0} MiB over {count} activations; {collected / 1048576.0:F0} MiB after deactivating all)");
    }

    if (throughput)
    {
        Console.WriteLine($"== Commands per second over {count} journeys, 32 concurrent callers, {seconds} s after a 5 s warm-up (PostgreSQL store with the command ledger)");
        foreach (var silos in new[] { 1, 3 })
        {
            await using var cluster = await BenchCluster.StartAsync(silos, clock, o => o.UseOrleansPostgreSql(cs), NextPort());
            var active = journeys.Skip(warmup).ToList();
            await ActivateAsync(cluster, active);
            var placement = await cluster.PlacementAsync();
            await LoadAsync(cluster, active, TimeSpan.FromSeconds(5));
            var (done, failed, latencies) = await LoadAsync(cluster, active, TimeSpan.FromSeconds(seconds));
            latencies.Sort();
            Console.WriteLine($"{silos} silo(s): {done / (double)seconds:F0} commands/s ({done} in {seconds} s, {failed} failed), latency p50 {latencies[latencies.Count / 2]:F1} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:F1} ms; grains per silo: {placement}");
        }
    }
}

async Task<(long Done, long Failed, List<double> Latencies)> LoadAsync(BenchCluster cluster, IReadOnlyList<BenchJourney> journeys, TimeSpan duration)
{
    long done = 0, failed = 0;
    var latencies = new List<double>();
    using var stop = new CancellationTokenSource(duration);
    var workers = Enumerable.Range(0, 32).Select(async w =>
    {
        var random = new Random(w);
        var mine = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var j = journeys[random.Next(journeys.Count)];
            var start = Stopwatch.GetTimestamp();
            try
            {
                await cluster.Grains.GetJourneyGrain(j.Workspace, j.Id).ExecuteAsync(Observation(j, random.Next(0, 100)));
                Interlocked.Increment(ref done);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Counted and reported: a failed command in a load run is a finding, not noise.
                if (Interlocked.Increment(ref failed) == 1)
                {
                    Console.WriteLine($"first failure: {e.GetType().Name}: {e.Message}");
                }
            }
        }

        lock (latencies)
        {
            latencies.AddRange(mine);
        }
    }).ToArray();
    await Task.WhenAll(workers);
    return (done, failed, latencies);
}

// First command on a cold 10,000-activity journey (activation: load from the store's snapshot, first full evaluation,
// reminder registration, commit) against the same command on the warm grain.
async Task ActivationAsync()
{
    const int rounds = 5;
    var cs = Fixtures.Database(admin, "outofdark_orleans_activation");
    BenchJourney big;
    var fill = Stopwatch.StartNew();
    await using (var store = new PostgreSqlJourneyStore(cs, clock))
    {
        big = (await Fixtures.FillAsync(store, 1, 140_004, 77))[0];
        var loaded = await store.LoadAsync(big.Workspace, big.Id);   // stores the snapshot later loads start from
        Console.WriteLine();
        Console.WriteLine($"== Activation: a journey of {loaded.ActivityCount} activities ({loaded.Version} events), stored in {fill.Elapsed.TotalSeconds:F0} s");
    }

    await using var cluster = await BenchCluster.StartAsync(1, clock, o => o.UseOrleansPostgreSql(cs), NextPort());
    var grain = cluster.Grains.GetJourneyGrain(big.Workspace, big.Id);
    var cold = new List<double>();
    var warm = new List<double>();
    var before = 0L;
    var after = 0L;
    for (var r = 0; r < rounds; r++)
    {
        await cluster.DeactivateAllAsync();
        before = Heap();
        var watch = Stopwatch.StartNew();
        await grain.ExecuteAsync(Observation(big, 40));
        cold.Add(watch.Elapsed.TotalMilliseconds);
        after = Heap();
        for (var i = 0; i < 5; i++)
        {
            watch.Restart();
            await grain.ExecuteAsync(Observation(big, 41 + i));
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    Console.WriteLine($"first command, cold grain: median {Median(cold):F0} ms (rounds {string.Join("/", cold.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))}); warm: median {Median(warm):F1} ms over {warm.Count}; ratio {Median(cold) / Median(warm):F0}x");
    Console.WriteLine($"memory of the active 10,000-activity journey grain: {(after - before) / 1048576.0:F1} MiB (managed heap after activation minus before, last round)");
}

// Commits per second straight to the PostgreSQL store: one observation event with its warning changes per transaction,
// from 1 to 32 concurrent writers on journeys of their own.
async Task AppendsAsync()
{
    var cs = Fixtures.Database(admin, "outofdark_orleans_appends");
    await using var store = new PostgreSqlJourneyStore(cs, clock);
    var journeys = await Fixtures.FillAsync(store, 1 + 4 + 16 + 32, OverheadEvents, 50_000);
    await using var services = DirectServices(store);
    var warnings = services.GetRequiredService<JourneyWarnings>();
    var live = new List<(BenchJourney Journey, Journey Live, WarningEngine Engine)>();
    foreach (var j in journeys)
    {
        var journey = await store.LoadAsync(j.Workspace, j.Id);
        var engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine);
        live.Add((j, journey, engine));
    }

    Console.WriteLine();
    Console.WriteLine($"== PostgreSQL appends: one event + its warning changes per transaction (IJourneyCommitStore.CommitAsync), {seconds / 2} s per step");
    var actor = new Actor("bench");
    var used = 0;
    foreach (var writers in new[] { 1, 4, 16, 32 })
    {
        // Journeys of their own per step: each has room for 142 metrics × 20 days of new observations.
        var step = live.Skip(used).Take(writers).ToList();
        used += writers;
        long done = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds / 2.0));
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(step.Select(async w =>
        {
            var i = 0;
            while (!stop.IsCancellationRequested)
            {
                var (metric, date) = w.Journey.NextObservation();
                w.Live.RecordObservation(actor, metric, date, 50m + (i++ % 7));
                await ((IJourneyCommitStore)store).CommitAsync(w.Live, w.Engine);
                Interlocked.Increment(ref done);
            }
        }));
        Console.WriteLine($"{writers,2} writer(s): {done / watch.Elapsed.TotalSeconds:F0} appends/s");
    }
}

ServiceProvider DirectServices(IJourneyStore store)
{
    var services = new ServiceCollection();
    services.AddLogging();
    services.AddOutOfDark(null, o => o.UseClock(_ => clock).UseStore(_ => store));
    return services.BuildServiceProvider();
}

async Task ActivateAsync(BenchCluster cluster, IEnumerable<BenchJourney> journeys) =>
    await Parallel.ForEachAsync(journeys, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (j, _) =>
        await cluster.Grains.GetJourneyGrain(j.Workspace, j.Id).GetWarningsAsync(includeResolved: false));

RecordObservation Observation(BenchJourney journey, decimal value)
{
    var (metric, date) = journey.NextObservation();
    return new RecordObservation { CommandId = Guid.NewGuid(), Actor = "bench", MetricId = metric.Value, Date = date.ToDateOnly(), Value = value };
}

int NextPort() => port += 200;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static long Heap()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Load() => System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Trim() : "unknown";
