using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using OutOfDark.Storage.PostgreSql.Tests;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// The reminder tables a silo can use on PostgreSQL, held to one contract: OutOfDark's own
/// (<see cref="PostgreSqlReminderTable"/>, <c>UseOutOfDarkPostgreSqlReminders</c>) and Orleans' ADO.NET reminder table
/// (<c>UseAdoNetReminderService</c>, invariant Npgsql) on <see cref="OrleansPostgreSqlSchema"/>'s queries.
/// </summary>
public sealed class ReminderTableContractTests
{
    private static readonly DateTime Start = new(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Tables => new() { "outofdark", "adonet" };

    [PostgresTheory]
    [MemberData(nameof(Tables))]
    public async Task Upserts_reads_and_removes_by_etag(string kind)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var data = NpgsqlDataSource.Create(database.ConnectionString);
        var table = await TableAsync(kind, database.ConnectionString, data, "service-a");
        var other = await TableAsync(kind, database.ConnectionString, data, "service-b");
        var grain = GrainId.Create("journey", "w/j");

        var first = await table.UpsertRow(Entry(grain, "due", Start, TimeSpan.FromHours(1)));
        var second = await table.UpsertRow(Entry(grain, "due", Start.AddMinutes(5), TimeSpan.FromMinutes(90)));
        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        await table.UpsertRow(Entry(grain, "other", Start, TimeSpan.FromMinutes(1)));
        await other.UpsertRow(Entry(grain, "due", Start, TimeSpan.FromMinutes(1)));

        var row = await table.ReadRow(grain, "due");
        Assert.NotNull(row);
        Assert.Equal((grain, "due", Start.AddMinutes(5), TimeSpan.FromMinutes(90), second), (row.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Null(await table.ReadRow(grain, "missing"));
        Assert.Equal(["due", "other"], (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order());

        Assert.False(await table.RemoveRow(grain, "due", first!));
        Assert.True(await table.RemoveRow(grain, "due", second!));
        Assert.Null(await table.ReadRow(grain, "due"));
        Assert.NotNull(await other.ReadRow(grain, "due"));
    }

    [PostgresTheory]
    [MemberData(nameof(Tables))]
    public async Task A_range_read_returns_exactly_the_reminders_whose_grain_hash_is_on_that_arc_of_the_ring(string kind)
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await using var data = NpgsqlDataSource.Create(database.ConnectionString);
        var table = await TableAsync(kind, database.ConnectionString, data, "service-a");
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("journey", $"w/{i}")).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "due", Start, TimeSpan.FromHours(1)));
        }

        var random = new Random(13);
        var hashes = grains.Select(g => g.GetUniformHashCode()).ToArray();
        var ranges = new List<(uint Begin, uint End)> { (0, uint.MaxValue), (uint.MaxValue, 0), (0x7FFF_FFFF, 0x8000_0000), (hashes[0], hashes[0]), (hashes[1], hashes[2]), (hashes[2], hashes[1]) };
        ranges.AddRange(Enumerable.Range(0, 30).Select(_ => ((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32))));
        foreach (var (begin, end) in ranges)
        {
            // Orleans' ring ranges are (begin, end], wrapping past uint.MaxValue when begin >= end (begin == end: all).
            var expected = grains.Where(g => OnArc(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToArray();
            var actual = (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.ToString()).Order().ToArray();
            Assert.True(expected.SequenceEqual(actual), $"Range ({begin}, {end}]: expected {expected.Length} reminders, read {actual.Length}.");
        }
    }

    private static bool OnArc(uint hash, uint begin, uint end) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ReminderEntry Entry(GrainId grain, string name, DateTime start, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = period };

    private static async Task<IReminderTable> TableAsync(string kind, string connectionString, NpgsqlDataSource data, string serviceId)
    {
        IReminderTable table;
        if (kind == "adonet")
        {
            await OrleansPostgreSqlSchema.ApplyAsync(connectionString);
            var type = typeof(AdoNetReminderTableOptions).Assembly.GetType("Orleans.Runtime.ReminderService.AdoNetReminderTable", throwOnError: true)!;
            var services = new ServiceCollection()
                .AddSingleton(Options.Create(new ClusterOptions { ClusterId = "reminder-test", ServiceId = serviceId }))
                .AddSingleton(Options.Create(new AdoNetReminderTableOptions { Invariant = "Npgsql", ConnectionString = connectionString }))
                .AddLogging()
                .BuildServiceProvider();
            table = (IReminderTable)ActivatorUtilities.CreateInstance(services, type);
        }
        else
        {
            table = new PostgreSqlReminderTable(data, serviceId);
        }

        await table.StartAsync(CancellationToken.None);
        return table;
    }
}

/// <summary>A theory that needs the PostgreSQL server; skipped as <see cref="PostgresFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
