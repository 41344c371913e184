using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The rules by name: <c>GET /api/rules</c> lists what the host runs (built-ins and the sample's own rule), history
/// lines name a handled warning's rule, and a refused save (412) says who changed what and when, for the page to word.
/// </summary>
public sealed class RulesApiTests : IDisposable
{
    private static readonly object SupportCallThreshold = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait") };

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public RulesApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task The_rules_list_names_every_rule_the_host_runs_with_its_severity_and_scope()
    {
        var (rules, _) = await GetAsync(_client, "/api/rules");

        var byId = rules.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        var baseline = byId["metric.baseline"];
        Assert.False(string.IsNullOrWhiteSpace(baseline.GetProperty("name").GetString()));
        Assert.DoesNotContain(".", baseline.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("metric", baseline.GetProperty("scope").GetString());
        Assert.Equal("warning", byId["activity.no-owner"].GetProperty("defaultSeverity").GetString());
        // The sample's own rule, registered next to the built-ins.
        Assert.Equal("activity", byId["web.negative-feedback"].GetProperty("scope").GetString());
        Assert.Equal(byId.Count, rules.GetArrayLength());
    }

    [Fact]
    public async Task A_history_line_names_the_rule_of_the_warning_handled_not_its_id()
    {
        using (var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/warnings/acknowledge") { Content = System.Net.Http.Json.JsonContent.Create(SupportCallThreshold) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", await ETagAsync(_client));
            request.Headers.Add("X-Actor", "Omar Haddad");
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (rules, _) = await GetAsync(_client, "/api/rules");
        var name = rules.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "metric.threshold").GetProperty("name").GetString();
        var (history, _) = await GetAsync(_client, JourneyPath + "/history?kind=warnings");

        var line = history.GetProperty("items")[0];
        Assert.Equal("Omar Haddad", line.GetProperty("actor").GetString());
        Assert.StartsWith($"Acknowledged warning \"{name}\" on metric \"Average wait\"", line.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("metric.threshold", line.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_save_says_who_changed_what_and_when_as_an_iso_instant()
    {
        var etag = await ETagAsync(_client);
        var path = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");
        var (detail, _) = await GetAsync(_client, path);
        var a = detail.GetProperty("activity");
        object Body(string owner) => new
        {
            name = a.GetProperty("name").GetString(),
            kind = a.GetProperty("kind").GetString(),
            status = a.GetProperty("status").GetString(),
            owner,
            team = a.GetProperty("team").GetString(),
            channels = a.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToArray(),
            description = a.GetProperty("description").GetString(),
        };
        using (var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = System.Net.Http.Json.JsonContent.Create(Body("Ben Okafor")) })
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            request.Headers.Add("X-Actor", "Ben Okafor");
            using var first = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await SendAsync(_client, HttpMethod.Put, path, Body("Ana Costa"), etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var conflict = Assert.Single((await second.JsonAsync()).GetProperty("conflicts").EnumerateArray());
        Assert.Equal("Ben Okafor", conflict.GetProperty("actor").GetString());
        Assert.Equal("changed activity 'Checkout'", conflict.GetProperty("what").GetString());
        Assert.True(NodaTime.Text.InstantPattern.ExtendedIso.Parse(conflict.GetProperty("at").GetString()!).Success);
    }
}
