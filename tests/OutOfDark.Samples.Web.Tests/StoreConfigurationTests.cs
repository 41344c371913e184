using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Tests;
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
            using var response = await SendAsync(client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait") }, await ETagAsync(client));
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
    public async Task A_restart_on_a_store_with_later_changes_starts_the_clock_after_them()
    {
        var path = Path.Combine(_folder, "web.db");
        var acknowledge = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait") };
        await using (var first = new ConfiguredFactory(new() { ["OutOfDark:Store"] = "Sqlite", ["OutOfDark:Sqlite:Path"] = path, ["OutOfDark:Clock:Start"] = "2026-06-01T12:00:00Z" }))
        {
            using var client = first.CreateClient();
            using var response = await SendAsync(client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", acknowledge, await ETagAsync(client));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The second run is configured to start two months earlier (the default WebSampleFactory start, 2026-04-05).
        await using var second = new ConfiguredFactory(new() { ["OutOfDark:Store"] = "Sqlite", ["OutOfDark:Sqlite:Path"] = path });
        using var again = second.CreateClient();
        var (before, _) = await GetAsync(again, JourneyPath + "/history?offset=0&limit=1");
        var latest = NodaTime.Text.InstantPattern.ExtendedIso.Parse(before.GetProperty("items")[0].GetProperty("at").GetString()!).Value;
        Assert.True(latest >= NodaTime.Instant.FromUtc(2026, 6, 1, 12, 0), $"the first run's change is at {latest}");
        var now = NodaTime.Text.InstantPattern.ExtendedIso.Parse(before.GetProperty("now").GetString()!).Value;
        Assert.True(now > latest, $"the clock shows {now}, not after the latest change at {latest}");

        using (var reopened = await SendAsync(again, HttpMethod.Post, JourneyPath + "/warnings/reopen", acknowledge, await ETagAsync(again)))
        {
            Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        }

        var (after, _) = await GetAsync(again, JourneyPath + "/history?offset=0&limit=1");
        var newest = NodaTime.Text.InstantPattern.ExtendedIso.Parse(after.GetProperty("items")[0].GetProperty("at").GetString()!).Value;
        Assert.True(newest > latest, $"the new change is at {newest}, not after {latest}");
    }

    [Fact]
    public async Task An_unknown_store_stops_the_host_with_the_configuration_key()
    {
        var run = await RunHostAsync(new() { ["OutOfDark__Store"] = "Oracle" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The OutOfDark web sample cannot start: Configuration key 'OutOfDark:Store' is 'Oracle': use Sqlite, PostgreSql or InMemory.", OnlyLine(run));
    }

    [Fact]
    public async Task A_webhook_url_that_is_not_http_stops_the_host_with_the_configuration_key()
    {
        var run = await RunHostAsync(new() { ["OutOfDark__Store"] = "InMemory", ["OutOfDark__Webhook__Url"] = "ftp://crm.example/hooks" });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The OutOfDark web sample cannot start: Configuration key 'OutOfDark:Webhook:Url' must be an absolute http or https URL such as https://crm.example/hooks/outofdark; got 'ftp://crm.example/hooks'.", OnlyLine(run));
    }

    [Fact]
    public async Task A_blank_webhook_subscriber_stops_the_host_with_the_configuration_key()
    {
        var run = await RunHostAsync(new() { ["OutOfDark__Store"] = "InMemory", ["OutOfDark__Webhook__Url"] = "https://crm.example/hooks", ["OutOfDark__Webhook__Subscriber"] = "   " });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The OutOfDark web sample cannot start: Configuration key 'OutOfDark:Webhook:Subscriber' must be 1 to 200 printable characters and not blank (it names the webhook's feed cursor); got '   '.", OnlyLine(run));
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_host_saying_which_key_to_set()
    {
        var run = await RunHostAsync(new() { ["OutOfDark__Store"] = "PostgreSql" });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'OutOfDark:PostgreSql:ConnectionString' must be set", OnlyLine(run), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_stops_the_host_with_one_line_naming_the_server_and_the_key()
    {
        int port;
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            // A port nothing listens on: taken from the system, then closed again.
            socket.Start();
            port = ((IPEndPoint)socket.LocalEndpoint).Port;
            socket.Stop();
        }

        var run = await RunHostAsync(new()
        {
            ["OutOfDark__Store"] = "PostgreSql",
            ["OutOfDark__PostgreSql__ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=outofdark;Password=secret-word;Database=outofdark;Timeout=5",
        });

        Assert.Equal(1, run.ExitCode);
        var line = OnlyLine(run);
        Assert.StartsWith($"The OutOfDark web sample cannot start: Cannot reach the PostgreSQL store at 127.0.0.1:{port}, database 'outofdark': ", line, StringComparison.Ordinal);
        Assert.EndsWith("Check that the server is running and that 'OutOfDark:PostgreSql:ConnectionString' names it.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-word", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenJourneys", "0", "Configuration key 'OutOfDark:OpenJourneys' must be a whole number of at least 1; got '0'.")]
    [InlineData("MaxRequestBodySize", "-1", "Configuration key 'OutOfDark:MaxRequestBodySize' must be a whole number of bytes of at least 1; got '-1'.")]
    [InlineData("Seed", "yes", "Configuration key 'OutOfDark:Seed' must be true or false; got 'yes'.")]
    public async Task A_malformed_setting_stops_the_host_with_one_line_naming_the_key(string key, string value, string message)
    {
        var run = await RunHostAsync(new() { ["OutOfDark__Store"] = "InMemory", ["OutOfDark__" + key] = value });

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("The OutOfDark web sample cannot start: " + message, OnlyLine(run));
    }

    // A start-up failure prints one line on standard error and nothing else: no stack trace, no log noise.
    private static string OnlyLine(SampleProcess run)
    {
        Assert.Equal("", run.Output.Trim());
        return Assert.Single(run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>Runs the built web sample in the temp folder, on a free port, with configuration given as environment variables.</summary>
    private Task<SampleProcess> RunHostAsync(Dictionary<string, string> environment)
    {
        environment["OutOfDark__Sqlite__Path"] = Path.Combine(_folder, "web.db");
        return SampleProcess.RunAsync(SampleProcess.DllOf("WebDll"), _folder, environment, "--urls", "http://127.0.0.1:0");
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
