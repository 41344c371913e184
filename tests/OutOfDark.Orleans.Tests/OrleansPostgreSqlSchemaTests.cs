using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using OutOfDark.Storage.PostgreSql.Tests;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// Orleans' own ADO.NET membership table (<see cref="AdoNetClusteringTable"/>, invariant Npgsql) against our schema:
/// the query contract it relies on — version row, reads that always carry the table version, inserts and updates
/// refused on a stale version, I-am-alive without a version change, clean-up of defunct silos, deleting a cluster.
/// </summary>
public sealed class OrleansPostgreSqlSchemaTests
{
    private static readonly DateTime Start = new(2030, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [PostgresFact]
    public async Task The_schema_applies_twice_and_holds_every_query_the_clustering_and_reminder_providers_require()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await OrleansPostgreSqlSchema.ApplyAsync(database.ConnectionString);
        await OrleansPostgreSqlSchema.ApplyAsync(database.ConnectionString);

        await using var data = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = data.CreateCommand("SELECT querykey FROM orleansquery ORDER BY querykey");
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(0));
            }
        }

        // The keys each provider checks for at start-up: its DbStoredQueries' properties (so an Orleans upgrade that adds
        // a query fails here, not in a silo).
        var required = new[]
            {
                typeof(AdoNetClusteringSiloOptions).Assembly.GetType("Orleans.Clustering.AdoNet.Storage.DbStoredQueries", throwOnError: true)!,
                typeof(AdoNetReminderTableOptions).Assembly.GetType("Orleans.Reminders.AdoNet.Storage.DbStoredQueries", throwOnError: true)!,
            }
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(p => p.Name))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(16, required.Length);
        Assert.Equal(required, keys.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task Orleans_membership_table_reads_inserts_updates_and_cleans_up_through_our_queries()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await OrleansPostgreSqlSchema.ApplyAsync(database.ConnectionString);
        var clusterId = "schema-test-" + Guid.NewGuid().ToString("N");
        var table = Table(database.ConnectionString, clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None);

        var empty = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(0, empty.Version.Version);
        Assert.Empty(empty.Members);

        var a = Entry(11111, 1, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(a, empty.Version.Next(), CancellationToken.None));
        Assert.False(await table.InsertRowAsync(Entry(11112, 1, SiloStatus.Joining), empty.Version.Next(), CancellationToken.None));
        var one = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, one.Version.Version);
        Assert.False(await table.InsertRowAsync(a, one.Version.Next(), CancellationToken.None));
        var (read, etag) = Assert.Single(one.Members);
        Assert.Equal(a.SiloAddress, read.SiloAddress);
        Assert.Equal((a.SiloName, a.HostName, a.Status, a.ProxyPort, a.StartTime, a.IAmAliveTime), (read.SiloName, read.HostName, read.Status, read.ProxyPort, read.StartTime, read.IAmAliveTime));

        var suspect = Entry(11113, 7, SiloStatus.Active).SiloAddress;
        a.Status = SiloStatus.Active;
        a.SuspectTimes = [Tuple.Create(suspect, Start.AddSeconds(5))];
        Assert.True(await table.UpdateRowAsync(a, etag, one.Version.Next(), CancellationToken.None));
        Assert.False(await table.UpdateRowAsync(a, etag, one.Version.Next(), CancellationToken.None));
        a.IAmAliveTime = Start.AddMinutes(1);
        await table.UpdateIAmAliveAsync(a, CancellationToken.None);
        var row = await table.ReadRowAsync(a.SiloAddress, CancellationToken.None);
        Assert.Equal(2, row.Version.Version);
        var updated = Assert.Single(row.Members).Item1;
        Assert.Equal(SiloStatus.Active, updated.Status);
        Assert.Equal(Start.AddMinutes(1), updated.IAmAliveTime);
        var vote = Assert.Single(updated.SuspectTimes ?? []);
        Assert.Equal((suspect, Start.AddSeconds(5)), (vote.Item1, vote.Item2));
        Assert.Empty((await table.ReadRowAsync(Entry(11112, 1, SiloStatus.Joining).SiloAddress, CancellationToken.None)).Members);

        // A dead silo that stopped reporting before the cut-off goes; an active one that did not report stays.
        var b = Entry(11112, 2, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(b, row.Version.Next(), CancellationToken.None));
        a.Status = SiloStatus.Dead;
        var beforeDeath = await table.ReadRowAsync(a.SiloAddress, CancellationToken.None);
        Assert.True(await table.UpdateRowAsync(a, Assert.Single(beforeDeath.Members).Item2, beforeDeath.Version.Next(), CancellationToken.None));
        await table.CleanupDefunctSiloEntriesAsync(Start.AddHours(1), CancellationToken.None);
        Assert.Equal(b.SiloAddress, Assert.Single((await table.ReadAllAsync(CancellationToken.None)).Members).Item1.SiloAddress);

        await table.DeleteMembershipTableEntriesAsync(clusterId, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(database.ConnectionString);
        await using var count = data.CreateCommand("SELECT (SELECT count(*) FROM outofdark_orleans_silos) + (SELECT count(*) FROM outofdark_orleans_cluster_version)");
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [PostgresFact]
    public async Task Of_concurrent_inserts_on_the_same_table_version_exactly_one_succeeds()
    {
        await using var database = await PostgresServer.CreateDatabaseAsync();
        await OrleansPostgreSqlSchema.ApplyAsync(database.ConnectionString);
        var clusterId = "schema-test-" + Guid.NewGuid().ToString("N");
        var table = Table(database.ConnectionString, clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, CancellationToken.None);
        var version = (await table.ReadAllAsync(CancellationToken.None)).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => table.InsertRowAsync(Entry(20000 + i, 1, SiloStatus.Joining), version, CancellationToken.None))));

        Assert.Equal(1, results.Count(r => r));
        var after = await table.ReadAllAsync(CancellationToken.None);
        Assert.Equal(1, after.Version.Version);
        Assert.Single(after.Members);
    }

    private static AdoNetClusteringTable Table(string connectionString, string clusterId) => new(
        new ServiceCollection().BuildServiceProvider(),
        Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "schema-test" }),
        Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = connectionString }),
        NullLogger<AdoNetClusteringTable>.Instance);

    private static MembershipEntry Entry(int port, int generation, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = port + 1000,
        StartTime = Start,
        IAmAliveTime = Start,
    };
}
