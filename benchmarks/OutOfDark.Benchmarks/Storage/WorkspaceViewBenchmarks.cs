using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Storage;

/// <summary>
/// The workspace-wide Warnings view over 1,000 journeys of 100 activities (about 50,000 open warnings): one filtered
/// page from the read model's query API, against a plain SQL query for the same rows on the same database.
/// </summary>
/// <remarks>
/// The rows are the warnings of one synthetic journey (<see cref="SyntheticJourneys.Journey"/>, 100 activities), copied
/// to 1,000 journeys with their own ids, names and owners, and written through the read model once per machine (one
/// full update per journey). The filter: critical or warning, open, owner "owner-3" (one owner in 20), first page of 50.
/// The page and the baseline return the same 50 rows; the counts (a separate call a view makes when its filters
/// change) are measured beside them for scale.
/// </remarks>
[MemoryDiagnoser]
public class WorkspaceViewBenchmarks
{
    /// <summary>Journeys in the workspace.</summary>
    public const int Journeys = 1_000;

    private static readonly WorkspaceId Workspace = new(new Guid("5b0c2a52-8f0e-4a6c-9d53-7d1f3c1e0a11"));
    private static readonly WorkspaceWarningQuery Filter = new()
    {
        Severities = [WarningSeverity.Critical, WarningSeverity.Warning],
        States = [WarningState.Open],
        Owner = "owner-3",
        Limit = 50,
    };

    private IAsyncDisposable _store = null!;
    private IWorkspaceWarnings _readModel = null!;
    private string _location = "";
    private FakeClock _clock = null!;

    /// <summary>The database measured.</summary>
    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "SQLite";

    /// <summary>The databases available here.</summary>
    public static IEnumerable<string> Stores => BenchStores.Available();

    /// <summary>How many rows the read model holds for the workspace, after setup.</summary>
    public int Rows { get; private set; }

    /// <summary>Fills the read model (once per machine) and checks that both queries return the same rows.</summary>
    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One filtered page through <see cref="IWorkspaceWarnings.QueryAsync"/>.</summary>
    /// <returns>The page.</returns>
    [Benchmark]
    public Task<WorkspaceWarningPage> QueryApi() => _readModel.QueryAsync(Workspace, Filter);

    /// <summary>The filtered view's totals through <see cref="IWorkspaceWarnings.CountAsync"/> (every matching row counted), for scale.</summary>
    /// <returns>The counts.</returns>
    [Benchmark]
    public Task<WorkspaceWarningCounts> CountApi() => _readModel.CountAsync(Workspace, Filter);

    /// <summary>The same page's rows through one hand-written SQL statement on the same table and index.</summary>
    /// <returns>The rows.</returns>
    [Benchmark(Baseline = true)]
    public Task<List<object[]>> PlainSql() => PlainSqlAsync();

    private async Task SetupAsync()
    {
        _clock = new FakeClock(SyntheticJourneys.Created + Duration.FromDays(120));
        _location = BenchStores.Location(Store, "workspace-view-1000x50");
        if (Store == "PostgreSQL")
        {
            var store = new PostgreSqlJourneyStore(_location, _clock);
            (_store, _readModel) = (store, store.WorkspaceWarnings);
        }
        else
        {
            var store = new SqliteJourneyStore(_location, _clock, new SqliteJourneyStoreOptions { FlushEveryCommit = false });
            (_store, _readModel) = (store, store.WorkspaceWarnings);
        }

        Rows = (await _readModel.CountAsync(Workspace, WorkspaceWarningQuery.All)).Total;
        if (Rows == 0)
        {
            await FillAsync();
            Rows = (await _readModel.CountAsync(Workspace, WorkspaceWarningQuery.All)).Total;
        }

        var api = (await QueryApi()).Items.Select(r => r.Key.ToString() + "@" + r.JourneyId).ToList();
        var plain = (await PlainSqlAsync()).Select(r => $"{r[2]}@{r[3] switch { 0L or 0 => "journey", 1L or 1 => "phase", _ => "activity" }}:{r[4]}@{r[1]}").ToList();
        if (api.Count != 50 || !api.SequenceEqual(plain))
        {
            throw new InvalidOperationException($"The query API and the plain SQL disagree ({api.Count} and {plain.Count} rows): {string.Join(", ", api.Take(3))} / {string.Join(", ", plain.Take(3))}.");
        }

        Console.WriteLine($"// Workspace view: {Rows} rows in {Store}.");
    }

    private async Task FillAsync()
    {
        var template = SyntheticJourneys.Journey(100, 2, _clock);
        var engine = new WarningEngine(template, _clock);

        // Every seventh of the template's warnings in view order, 50 of them: about 50,000 rows in all, of every severity.
        var rows = WorkspaceWarningProjector.RowsOf(engine).Order(WorkspaceWarningOrder.Instance).Where((_, i) => i % 7 == 0).Take(50).ToList();
        var health = JourneyAnalytics.Health(template, engine.View());
        for (var j = 0; j < Journeys; j++)
        {
            var id = new JourneyId(new Guid(j + 1, 0x4a7e, 0x11f0, [0x9d, 0x11, 0, 0, 0, 0, 0, 0x42]));
            var name = "Journey " + j;
            var copies = rows.Select(r => r with
            {
                WorkspaceId = Workspace,
                JourneyId = id,
                JourneyName = name,
                Owner = "owner-" + ((j + r.MapIndex) % 20),
            }).ToList();
            var line = new WorkspaceJourneyHealth(Workspace, id, name, health, 1, _clock.GetCurrentInstant());
            await _readModel.ApplyAsync(new WorkspaceWarningUpdate(line, true, copies, []));
        }
    }

    private async Task<List<object[]>> PlainSqlAsync()
    {
        const string Columns = "workspace_id, journey_id, rule_id, subject_kind, subject_id, journey_name, severity, state, snoozed_until, subject_name, phase_id, phase_name, owner, team, message, raised_at, past_limit, past_limit_sort, phase_index, map_index";
        var now = _clock.GetCurrentInstant().ToUnixTimeTicks();
        var table = Store == "PostgreSQL" ? "outofdark.workspace_warnings" : "workspace_warnings";
        var sql = $"SELECT {Columns} FROM {table} WHERE workspace_id = @w AND owner = @owner AND severity IN (1, 2) "
            + "AND (CASE WHEN state = 2 AND snoozed_until <= @now THEN 0 ELSE state END) = 0 "
            + "ORDER BY severity DESC, past_limit_sort DESC, raised_at, journey_id, phase_index, map_index, rule_id, subject_id LIMIT 50";
        DbConnection connection = Store == "PostgreSQL"
            ? new NpgsqlConnection(_location)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _location, Pooling = true }.ToString());
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "@w", Store == "PostgreSQL" ? Workspace.Value : Workspace.Value.ToString("D"));
            Add(command, "@owner", "owner-3");
            Add(command, "@now", now);
            var rows = new List<object[]>(50);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }

            return rows;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
