using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// A metric rule's per-segment warnings in the web API: each carries its segment, and acknowledge, snooze and bulk
/// requests name it (<c>segment</c>, an object of dimension values), so two segments' warnings on one metric are
/// handled one by one.
/// </summary>
public sealed class SegmentWarningApiTests : IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public SegmentWarningApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonElement[]> SegmentWarningsAsync(string state = "open,snoozed,acknowledged,resolved")
    {
        var (warnings, _) = await GetAsync(_client, JourneyPath + "/warnings?state=" + state);
        return [.. warnings.EnumerateArray().Where(w => w.GetProperty("metric").GetString() == SegmentWarningSeed.Metric && w.GetProperty("rule").GetString() == "metric.threshold")];
    }

    private static JsonElement Region(JsonElement[] warnings, string region) =>
        Assert.Single(warnings, w => w.GetProperty("segment").ValueKind == JsonValueKind.Object && w.GetProperty("segment").GetProperty("region").GetString() == region);

    [Fact]
    public async Task Two_segments_warnings_on_one_metric_carry_their_segments_and_different_keys()
    {
        await SegmentWarningSeed.AddAsync(_factory.Services);

        var warnings = await SegmentWarningsAsync();

        var de = Region(warnings, "DE");
        var fr = Region(warnings, "FR");
        Assert.Equal("region DE", de.GetProperty("segmentText").GetString());
        Assert.Equal("region FR", fr.GetProperty("segmentText").GetString());
        Assert.Equal(de.GetProperty("subjectId").GetString(), fr.GetProperty("subjectId").GetString());
        Assert.NotEqual(de.GetProperty("key").GetString(), fr.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Acknowledging_one_segments_warning_leaves_the_other_segments_open()
    {
        await SegmentWarningSeed.AddAsync(_factory.Services);
        var de = Region(await SegmentWarningsAsync(), "DE");

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", new
        {
            rule = "metric.threshold",
            subject = "metric:" + de.GetProperty("subjectId").GetString(),
            segment = new { region = "DE" },
            note = "campaign in DE",
        }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await SegmentWarningsAsync();
        Assert.Equal(("acknowledged", "campaign in DE"), (Region(after, "DE").GetProperty("state").GetString(), Region(after, "DE").GetProperty("note").GetString()));
        Assert.Equal("open", Region(after, "FR").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_bulk_snooze_names_each_segment_and_snoozes_only_those()
    {
        await SegmentWarningSeed.AddAsync(_factory.Services);
        var fr = Region(await SegmentWarningsAsync(), "FR");

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", new
        {
            action = "snooze",
            days = 3,
            warnings = new[] { new { rule = "metric.threshold", subject = "metric:" + fr.GetProperty("subjectId").GetString(), segment = new { region = "FR" } } },
        }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await SegmentWarningsAsync();
        Assert.Equal("snoozed", Region(after, "FR").GetProperty("state").GetString());
        Assert.Equal("open", Region(after, "DE").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Acknowledging_a_segment_the_metric_has_no_warning_for_is_refused_and_changes_nothing()
    {
        await SegmentWarningSeed.AddAsync(_factory.Services);
        var de = Region(await SegmentWarningsAsync(), "DE");
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", new
        {
            rule = "metric.threshold",
            subject = "metric:" + de.GetProperty("subjectId").GetString(),
            segment = new { region = "IT" },
        }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(etag, await ETagAsync(_client));
        Assert.All(await SegmentWarningsAsync(), w => Assert.Equal("open", w.GetProperty("state").GetString()));
    }

    [Theory]
    [InlineData("{\"region\": 3}", "must be text in quotes")]
    [InlineData("{}", "needs at least one dimension")]
    [InlineData("[\"region\", \"DE\"]", "A segment is an object of dimension values")]
    [InlineData("\"region DE\"", "A segment is an object of dimension values")]
    [InlineData("{\"region\": \" \"}", "must not be empty or white space")]
    public async Task A_segment_that_is_not_one_is_refused_under_segment(string segment, string expected)
    {
        var body = "{\"rule\": \"metric.threshold\", \"subject\": \"metric:0f8fad5b-d9cb-469f-a165-70867728950e\", \"segment\": " + segment + "}";

        var single = await PostRawAsync(JourneyPath + "/warnings/acknowledge", body);
        var bulk = await PostRawAsync(JourneyPath + "/warnings/bulk", "{\"action\": \"acknowledge\", \"warnings\": [" + body + "]}");

        Assert.Contains(expected, Assert.Single(single.GetProperty("errors").GetProperty("segment").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Single(bulk.GetProperty("errors").GetProperty("warnings[0].segment").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_segment_on_a_subject_other_than_a_metric_is_refused_under_segment()
    {
        var problem = await PostRawAsync(
            JourneyPath + "/warnings/acknowledge",
            "{\"rule\": \"activity.no-owner\", \"subject\": \"activity:0f8fad5b-d9cb-469f-a165-70867728950e\", \"segment\": {\"region\": \"DE\"}}");

        Assert.Equal(
            "Only a metric's warning is about a segment; leave 'segment' out for an activity's, a phase's or the journey's warning.",
            Assert.Single(problem.GetProperty("errors").GetProperty("segment").EnumerateArray()).GetString());
    }

    private async Task<JsonElement> PostRawAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.JsonAsync();
    }
}
