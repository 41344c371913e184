using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Npgsql;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The web host on PostgreSQL, chosen by configuration. Needs <c>OUTOFDARK_TEST_POSTGRES</c> (an Npgsql connection string
/// to database <c>postgres</c> as a superuser; build/test.sh sets it); skipped without it unless CI=true.
/// </summary>
public sealed class PostgreSqlStoreTests
{
    private const string Variable = "OUTOFDARK_TEST_POSTGRES";

    [PostgresFact]
    public async Task With_the_postgresql_store_the_host_seeds_serves_and_refuses_stale_writes()
    {
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"CI=true and {Variable} is not set: the PostgreSQL web test needs a server.");
        var name = "outofdark_web_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
            await using var factory = new PostgresFactory(connectionString);
            using var client = factory.CreateClient();

            var (list, _) = await GetAsync(client, "/api/journeys");
            Assert.Equal(OnlineStoreJourney.Name, Assert.Single(list.EnumerateArray()).GetProperty("name").GetString());
            var etag = await ETagAsync(client);
            var underCheckout = new { phaseId = SampleIds.Phase("Do").ToString(), parentId = SampleIds.Activity("Checkout").ToString(), name = "Podcast" };
            using (var added = await SendAsync(client, HttpMethod.Post, JourneyPath + "/activities", underCheckout, etag))
            {
                Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            }

            using var stale = await SendAsync(client, HttpMethod.Post, JourneyPath + "/activities", underCheckout with { name = "Radio" }, etag);
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private sealed class PostgresFactory(string connectionString) : WebSampleFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var all = base.Settings;
                all["OutOfDark:Store"] = "PostgreSql";
                all["OutOfDark:PostgreSql:ConnectionString"] = connectionString;
                return all;
            }
        }
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with the reason when <c>OUTOFDARK_TEST_POSTGRES</c> is unset, unless CI=true.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OUTOFDARK_TEST_POSTGRES"))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "No PostgreSQL server: set OUTOFDARK_TEST_POSTGRES or run build/test.sh (with CI=true this test fails instead).";
        }
    }
}
