using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace OutOfDark.Samples.Tests;

/// <summary>
/// The cluster sample end to end: <c>up --silos 2</c> starts two silos and the web sample as their Orleans client, each a
/// process; requests to the web front end are served by journey grains in the silos.
/// </summary>
public sealed class ClusterSampleTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outofdark-cluster-").FullName;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _cluster;
    private HttpClient? _http;
    private int _siloPort;
    private int _gatewayPort;

    public async Task InitializeAsync()
    {
        _siloPort = FreePorts(2);
        _gatewayPort = FreePorts(2);
        var webPort = FreePorts(1);
        var start = new ProcessStartInfo(Dotnet())
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[SampleProcess.DllOf("ClusterDll"), "up", "--silos", "2", "--db", Path.Combine(_folder, "cluster.db"),
            "--silo-port", $"{_siloPort}", "--gateway-port", $"{_gatewayPort}", "--web-port", $"{webPort}"])
        {
            start.ArgumentList.Add(arg);
        }

        _cluster = new Process { StartInfo = start };
        _cluster.OutputDataReceived += (_, e) => Record(e.Data);
        _cluster.ErrorDataReceived += (_, e) => Record(e.Data);
        _cluster.Start();
        _cluster.BeginOutputReadLine();
        _cluster.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        try
        {
            await _ready.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The cluster sample did not print 'ready:' within 180 s. Output so far:\n" + Output);
        }

        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_cluster is { HasExited: false })
        {
            // Ctrl+C's equivalent: the launcher stops the web front end and the silos.
            using (var term = Process.Start("kill", ["-TERM", $"{_cluster.Id}"]))
            {
                await term.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _cluster.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _cluster.Kill(entireProcessTree: true);
            }
        }

        _cluster?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    [Fact]
    public async Task The_web_front_end_answers_from_a_journey_grain_and_a_command_round_trips_through_it()
    {
        var cancel = CancellationToken.None;
        var journeys = await _http!.GetFromJsonAsync<JsonElement>("/api/journeys", cancel);
        var journey = Assert.Single(journeys.EnumerateArray());
        Assert.Equal("Online store", journey.GetProperty("name").GetString());
        var id = journey.GetProperty("id").GetString()!;

        using var warnings = await _http!.GetAsync($"/api/journeys/{id}/warnings", cancel);
        Assert.Equal(HttpStatusCode.OK, warnings.StatusCode);
        var version = long.Parse(warnings.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
        var rows = await warnings.Content.ReadFromJsonAsync<JsonElement>(cancel);
        var critical = rows.EnumerateArray().First(w => w.GetProperty("severity").GetString() == "critical");
        Assert.Equal("Average wait rose to 8.7 min — critical threshold 8 min, 7 observations above since 2026-03-29", critical.GetProperty("message").GetString());

        // A new observation under the critical threshold: saved by the grain, which re-evaluates and clears the warning.
        using var body = new StringContent("""{"date":"2026-04-05","value":4}""", Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/journeys/{id}/widgets/{critical.GetProperty("subjectId").GetString()}/observations") { Content = body };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var recorded = await _http!.SendAsync(request, cancel);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal($"\"{version + 1}\"", recorded.Headers.ETag!.Tag);

        var after = await _http!.GetFromJsonAsync<JsonElement>($"/api/journeys/{id}/warnings", cancel);
        Assert.DoesNotContain(after.EnumerateArray(), w => w.GetProperty("key").GetString() == critical.GetProperty("key").GetString());
        var key = $"{journey.GetProperty("id").GetString()}";
        Assert.Contains($"{key} ExecuteAsync", Output, StringComparison.Ordinal);
        Assert.Matches(@"\[silo\d\] .*silo\d: journey/[0-9a-f-]+/" + key + " GetJourneyAsync \\(activated here\\)", Output);

        // Refusals cross from the grain as the domain's exceptions and keep their answers: a second observation for the
        // same date is a 400 naming the field, a stale If-Match a 412, an unknown journey a 404.
        using var again = new StringContent("""{"date":"2026-04-05","value":5}""", Encoding.UTF8, "application/json");
        using var duplicate = await _http!.PostAsync($"/api/journeys/{id}/widgets/{critical.GetProperty("subjectId").GetString()}/observations", again, cancel);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("\"date\"", await duplicate.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        using var staleBody = new StringContent("""{"date":"2026-04-04","value":5}""", Encoding.UTF8, "application/json");
        using var staleRequest = new HttpRequestMessage(HttpMethod.Post, $"/api/journeys/{id}/widgets/{critical.GetProperty("subjectId").GetString()}/observations") { Content = staleBody };
        staleRequest.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var stale = await _http!.SendAsync(staleRequest, cancel);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using var unknown = await _http!.GetAsync($"/api/journeys/{Guid.NewGuid()}", cancel);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // An edit the grain has no command of its own for (changing a phase, once a 501) runs on a copy read from the
        // grain and is applied there as ApplyChanges. Sent with the version before the observation, it still applies:
        // the observation changed nothing the phase change works on (the in-process hosting's conflict decision).
        var before = await _http!.GetFromJsonAsync<JsonElement>($"/api/journeys/{id}", cancel);
        var phaseId = before.GetProperty("phases")[0].GetProperty("id").GetString();
        using var phaseBody = new StringContent("""{"name":"Discover the shop","reason":"clearer"}""", Encoding.UTF8, "application/json");
        using var phaseRequest = new HttpRequestMessage(HttpMethod.Put, $"/api/journeys/{id}/phases/{phaseId}") { Content = phaseBody };
        phaseRequest.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var changed = await _http!.SendAsync(phaseRequest, cancel);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal($"\"{version + 2}\"", changed.Headers.ETag!.Tag);
        var afterChange = await _http!.GetFromJsonAsync<JsonElement>($"/api/journeys/{id}", cancel);
        Assert.Equal("Discover the shop", afterChange.GetProperty("phases")[0].GetProperty("name").GetString());
        Assert.Equal(version + 2, afterChange.GetProperty("version").GetInt64());

        // Sent again with that same old version, it now conflicts with the change just made: 412 naming it, nothing saved.
        using var againBody = new StringContent("""{"name":"Browse"}""", Encoding.UTF8, "application/json");
        using var againRequest = new HttpRequestMessage(HttpMethod.Put, $"/api/journeys/{id}/phases/{phaseId}") { Content = againBody };
        againRequest.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        using var conflict = await _http!.SendAsync(againRequest, cancel);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Contains("changed phase", await conflict.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);

        // Several warnings acknowledged at once (once a 501: the grain has no bulk command) are one ApplyChanges: one
        // commit of one event per warning.
        var open = (await _http!.GetFromJsonAsync<JsonElement>($"/api/journeys/{id}/warnings?state=open", cancel)).EnumerateArray().Take(2).ToList();
        Assert.Equal(2, open.Count);
        var items = open.Select(w => new { rule = w.GetProperty("rule").GetString(), subject = w.GetProperty("subjectKind").GetString() + ":" + w.GetProperty("subjectId").GetString() }).ToArray();
        using var bulk = await _http!.PostAsJsonAsync($"/api/journeys/{id}/warnings/bulk", new { action = "acknowledge", warnings = items }, cancel);
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var bulkResult = await bulk.Content.ReadFromJsonAsync<JsonElement>(cancel);
        Assert.Equal(version + 4, bulkResult.GetProperty("version").GetInt64());
        Assert.Equal(2, bulkResult.GetProperty("applied").GetArrayLength());
        var acknowledged = await _http!.GetFromJsonAsync<JsonElement>($"/api/journeys/{id}/warnings?state=acknowledged", cancel);
        Assert.Equal(open.Select(w => w.GetProperty("key").GetString()).Order(), acknowledged.EnumerateArray().Select(w => w.GetProperty("key").GetString()).Order());

        // The `where` verb finds the journey's grain on one of the silos.
        var where = await SampleProcess.RunAsync(SampleProcess.DllOf("ClusterDll"), _folder, "where", "--silos", "2", "--gateway-port", $"{_gatewayPort}");
        Assert.True(where.ExitCode == 0, where.Errors + where.Output);
        Assert.Contains("2 active silo(s)", where.Output, StringComparison.Ordinal);
        Assert.Matches(@"S?127\.0\.0\.1:(" + _siloPort + "|" + (_siloPort + 1) + @")\S*\s+[0-9a-f-]+/" + key, where.Output);
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.StartsWith("ready:", StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
        else if (line.StartsWith("web exited", StringComparison.Ordinal) || line.StartsWith("Unhandled exception", StringComparison.Ordinal))
        {
            _ready.TrySetException(new InvalidOperationException("The cluster sample failed to start:\n" + Output));
        }
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    // The first of `count` consecutive ports on 127.0.0.1 that nothing listens on now.
    private static int FreePorts(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(20000, 60000 - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} free consecutive ports found on 127.0.0.1.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
