using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using OutOfDark.Events;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Orleans;

/// <summary>A journey the harness measures on, with the metrics its commands record observations for.</summary>
internal sealed record BenchJourney(WorkspaceId Workspace, JourneyId Id, IReadOnlyList<WidgetId> Metrics)
{
    private int _next = -1;

    /// <summary>
    /// The next metric and date that hold no observation yet: metric by metric, then day by day after
    /// <see cref="SyntheticJourneys.FirstDay"/>, the synthetic data's last day. Safe from several threads.
    /// </summary>
    public (WidgetId Metric, NodaTime.LocalDate Date) NextObservation()
    {
        var n = System.Threading.Interlocked.Increment(ref _next);
        return (Metrics[n % Metrics.Count], SyntheticJourneys.FirstDay.PlusDays(1 + (n / Metrics.Count)));
    }
}

/// <summary>Fills a store with synthetic journeys (<see cref="SyntheticJourneys.Events"/>), once per database.</summary>
internal static class Fixtures
{
    /// <summary>A new, empty database on the server the admin connection string names (dropped first when it exists).</summary>
    public static string Database(string admin, string name)
    {
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    /// <summary>Stores journeys of <paramref name="events"/> events each, seeds <paramref name="firstSeed"/> onwards.</summary>
    public static async Task<IReadOnlyList<BenchJourney>> FillAsync(IJourneyStore store, int count, int events, int firstSeed)
    {
        var journeys = new BenchJourney[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, cancel) =>
        {
            var history = SyntheticJourneys.Events(events, firstSeed + i);
            var created = (JourneyCreated)history[0];
            const int batch = 10_000;
            for (var from = 0; from < history.Count; from += batch)
            {
                await store.AppendAsync(created.WorkspaceId, created.JourneyId, from, history.Skip(from).Take(batch).ToList(), cancel);
            }

            var metrics = history.OfType<WidgetAdded>().Select(w => w.Widget).OfType<MetricWidget>().Select(m => m.Id).ToList();
            journeys[i] = new BenchJourney(created.WorkspaceId, created.JourneyId, metrics);
        });

        return journeys;
    }
}
