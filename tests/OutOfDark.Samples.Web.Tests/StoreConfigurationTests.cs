using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

public sealed class StoreConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outofdark-web-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_sqlite_store_keeps_changes_across_a_restart_of_the_host()
    {
        var path = Path.Combine(_folder, "web.db");
        string etag;
        await using (var first = new ConfiguredFactory(new() { ["OutOfDark:Store"] = "Sqlite", ["OutOfDark:Sqlite:Path"] = path }))
        {
            using var client = first.CreateClient();
            using var response = await SendAsync(client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", new { rule = "metric.threshold", subject = "activity:" + SampleIds.Activity("Support call") }, await ETagAsync(client));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            etag = response.Headers.ETag!.Tag;
        }

        Assert.True(File.Exists(path));
        await using var second = new ConfiguredFactory(new() { ["OutOfDark:Store"] = "Sqlite", ["OutOfDark:Sqlite:Path"] = path });
        using var again = second.CreateClient();

        var (list, _) = await GetAsync(again, "/api/journeys");
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(etag, await ETagAsync(again));
        var (acknowledged, _) = await GetAsync(again, JourneyPath + "/warnings?state=acknowledged");
        Assert.Equal("Support call", Assert.Single(acknowledged.EnumerateArray()).GetProperty("subjectName").GetString());
    }

    [Fact]
    public void An_unknown_store_stops_the_host_with_the_configuration_key()
    {
        using var factory = new ConfiguredFactory(new() { ["OutOfDark:Store"] = "Oracle" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("'OutOfDark:Store' is 'Oracle'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_without_a_connection_string_stops_the_host_saying_which_key_to_set()
    {
        using var factory = new ConfiguredFactory(new() { ["OutOfDark:Store"] = "PostgreSql" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("OutOfDark:PostgreSql:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private sealed class ConfiguredFactory(Dictionary<string, string?> settings) : WebSampleFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var all = base.Settings;
                foreach (var (key, value) in settings)
                {
                    all[key] = value;
                }

                return all;
            }
        }
    }
}
