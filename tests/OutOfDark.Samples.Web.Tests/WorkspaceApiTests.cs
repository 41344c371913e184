using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The workspace-wide Warnings view's API: the read model filtered and paged in the query string.</summary>
public sealed class WorkspaceApiTests : IDisposable
{
    // The threshold warning the seeded journey raises on Support call's Average wait (a warning action needs a raised warning).
    private static readonly object SupportCallThreshold = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait") };

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public WorkspaceApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task The_workspace_view_lists_the_seeded_journeys_warnings_in_view_order_with_counts()
    {
        var page = await PageAsync("?limit=1000");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());
        var counts = page.GetProperty("counts");
        Assert.Equal(items.Count, counts.GetProperty("critical").GetInt32() + counts.GetProperty("warning").GetInt32() + counts.GetProperty("info").GetInt32());
        Assert.All(items, i => Assert.Equal(OnlineStoreJourney.Id.ToString(), i.GetProperty("journeyId").GetString()));
        var severities = items.Select(i => Rank(i.GetProperty("severity").GetString()!)).ToList();
        Assert.Equal(severities.OrderByDescending(s => s), severities);
        Assert.Contains(items, i => i.GetProperty("subjectName").GetString() == "Average wait on Support call" && i.GetProperty("rule").GetString() == "metric.threshold");
    }

    [Fact]
    public async Task Filters_and_pages_in_the_query_string_narrow_the_view()
    {
        var all = await PageAsync("?limit=1000");
        var critical = await PageAsync("?severity=critical&limit=1000");
        Assert.All(critical.GetProperty("items").EnumerateArray(), i => Assert.Equal("critical", i.GetProperty("severity").GetString()));
        Assert.Equal(all.GetProperty("counts").GetProperty("critical").GetInt32(), critical.GetProperty("total").GetInt32());

        var first = await PageAsync("?limit=2");
        var second = await PageAsync("?limit=2&offset=2");
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var keys = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Equal(keys.Take(4), first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("key").GetString()));

        var support = await PageAsync("?rule=metric.threshold&phase=Care&limit=1000");
        Assert.NotEmpty(support.GetProperty("items").EnumerateArray());
        Assert.All(support.GetProperty("items").EnumerateArray(), i => Assert.Equal(("metric.threshold", "Care"), (i.GetProperty("rule").GetString(), i.GetProperty("phaseName").GetString())));
    }

    [Theory]
    [InlineData("?severity=urgent", "severity", "'urgent' is not a severity: use info, warning or critical.")]
    [InlineData("?state=done", "state", "'done' is not a state: use open, acknowledged, snoozed or resolved.")]
    [InlineData("?limit=0", "limit", "'0' is not a whole number from 1 to 1000.")]
    [InlineData("?offset=-3", "offset", "'-3' is not a whole number from 0 to 2147483647.")]
    [InlineData("?journey=checkout", "journey", "This is not a journey id (a GUID); choose the journey from the list instead.")]
    [InlineData("?rule=Metric%20Stale", "rule", "This is not a rule id: give one such as metric.threshold (GET /api/rules lists them).")]
    [InlineData("?severity=2", "severity", "'2' is not a severity: use info, warning or critical.")]
    [InlineData("?severity=info,urgent", "severity", "'urgent' is not a severity: use info, warning or critical.")]
    [InlineData("?state=open,1", "state", "'1' is not a state: use open, acknowledged, snoozed or resolved.")]
    [InlineData("?owner=ana&owner=ben", "owner", "'owner' takes one value but was given 2; give it once.")]
    [InlineData("?team=a&team=b&team=c", "team", "'team' takes one value but was given 3; give it once.")]
    [InlineData("?phase=See&phase=Care", "phase", "'phase' takes one value but was given 2; give it once.")]
    [InlineData("?limit=5&limit=6", "limit", "'limit' takes one value but was given 2; give it once.")]
    public async Task A_bad_filter_gets_a_problem_naming_the_parameter(string query, string field, string message)
    {
        using var response = await _client.GetAsync("/api/workspace/warnings" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Severities_and_states_separated_by_commas_filter_by_each_name_like_repeated_parameters()
    {
        var commas = await PageAsync("?severity=info,critical&state=open,snoozed&limit=1000");
        var repeated = await PageAsync("?severity=info&severity=critical&state=open&state=snoozed&limit=1000");
        var all = await PageAsync("?limit=1000");

        var keys = commas.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Equal(repeated.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()), keys);
        var expected = all.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("severity").GetString() is "info" or "critical" && i.GetProperty("state").GetString() is "open" or "snoozed")
            .Select(i => i.GetProperty("key").GetString());
        Assert.Equal(expected, keys);
        Assert.Contains(commas.GetProperty("items").EnumerateArray(), i => i.GetProperty("severity").GetString() == "info");
        Assert.Contains(commas.GetProperty("items").EnumerateArray(), i => i.GetProperty("severity").GetString() == "critical");
    }

    [Fact]
    public async Task A_warning_acknowledged_through_the_journey_api_shows_acknowledged_in_the_workspace_view_and_health()
    {
        await PageAsync(string.Empty);
        using (var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", SupportCallThreshold, await ETagAsync(_client)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var acknowledged = await PageAsync("?state=acknowledged");

        var row = Assert.Single(acknowledged.GetProperty("items").EnumerateArray());
        Assert.Equal("Average wait on Support call", row.GetProperty("subjectName").GetString());
        var (health, _) = await GetAsync(_client, "/api/workspace/health");
        var line = Assert.Single(health.EnumerateArray());
        Assert.Equal((await GetAsync(_client, JourneyPath)).Body.GetProperty("version").GetInt64(), line.GetProperty("version").GetInt64());
    }

    // The due-recheck service writes the seeded journeys at its first pass; run one now so the test needs no waiting.
    private async Task<JsonElement> PageAsync(string query)
    {
        await _factory.Services.GetRequiredService<DueRecheckService>().RecheckAsync();
        return (await GetAsync(_client, "/api/workspace/warnings" + query)).Body;
    }

    private static int Rank(string severity) => severity switch { "critical" => 2, "warning" => 1, _ => 0 };
}
