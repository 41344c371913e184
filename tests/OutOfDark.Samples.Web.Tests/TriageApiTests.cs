using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Api;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The endpoints behind the triage, export, history and emotion views.</summary>
public sealed class TriageApiTests : System.IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public TriageApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonElement[]> OpenWarningsAsync() =>
        [.. (await GetAsync(_client, JourneyPath + "/warnings?state=open")).Body.EnumerateArray()];

    private static object Item(JsonElement w) =>
        new { rule = w.GetProperty("rule").GetString(), subject = w.GetProperty("subjectKind").GetString() + ":" + w.GetProperty("subjectId").GetString() };

    [Fact]
    public async Task A_bulk_acknowledgement_applies_every_warning_in_one_request()
    {
        var open = await OpenWarningsAsync();
        Assert.True(open.Length >= 3, "the seeded journey has at least three open warnings");
        var chosen = open.Take(3).ToArray();

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk",
            new { action = "acknowledge", warnings = chosen.Select(Item).ToArray(), note = "triaged on Monday" }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal(chosen.Select(w => w.GetProperty("key").GetString()).Order(), result.GetProperty("applied").EnumerateArray().Select(k => k.GetString()).Order());
        Assert.Empty(result.GetProperty("failed").EnumerateArray());
        var (acknowledged, _) = await GetAsync(_client, JourneyPath + "/warnings?state=acknowledged");
        Assert.Equal(3, acknowledged.GetArrayLength());
        Assert.All(acknowledged.EnumerateArray(), w => Assert.Equal("triaged on Monday", w.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task A_bulk_request_with_one_malformed_subject_names_it_and_changes_nothing()
    {
        var open = await OpenWarningsAsync();
        var before = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk",
            new { action = "acknowledge", warnings = new[] { Item(open[0]), new { rule = "metric.threshold", subject = "support call" } } }, before);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("is not a warning subject", errors.GetProperty("warnings[1].subject")[0].GetString(), System.StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_bulk_snooze_without_a_length_is_refused_naming_until()
    {
        var open = await OpenWarningsAsync();

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk",
            new { action = "snooze", warnings = new[] { Item(open[0]) } }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("until", out _));
    }

    [Fact]
    public async Task A_bulk_request_on_a_stale_version_whose_warning_a_colleague_handled_is_412_and_changes_nothing()
    {
        var open = await OpenWarningsAsync();
        var stale = await ETagAsync(_client);
        using (await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", Item(open[1]), stale))
        {
        }

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk",
            new { action = "resolve", warnings = new[] { Item(open[1]), Item(open[2]) } }, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var (resolved, _) = await GetAsync(_client, JourneyPath + "/warnings?state=resolved");
        Assert.Equal(0, resolved.GetArrayLength());
    }

    [Theory]
    [InlineData("report", "text/html", ".html", "<!DOCTYPE html>")]
    [InlineData("svg", "image/svg+xml", ".svg", "<svg")]
    [InlineData("mermaid", "text/vnd.mermaid", ".mmd", "journey")]
    [InlineData("csv", "text/csv", ".csv", "Id")]
    [InlineData("json", "application/json", ".json", "{")]
    public async Task Each_export_is_a_download_of_its_type_named_after_the_journey(string format, string type, string extension, string start)
    {
        using var response = await _client.GetAsync(JourneyPath + "/export/" + format);

        response.EnsureSuccessStatusCode();
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(ExportApi.FileName(OnlineStoreJourney.Name) + extension, response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(start, text[..System.Math.Min(text.Length, 2000)], System.StringComparison.OrdinalIgnoreCase);
        Assert.True(text.Length > 200, $"the {format} export has content");
    }

    [Fact]
    public async Task An_unknown_export_is_404_naming_the_formats()
    {
        using var response = await _client.GetAsync(JourneyPath + "/export/pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("report, svg, mermaid, csv or json", (await response.JsonAsync()).GetProperty("detail").GetString(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Online store — Checkout", "online-store-checkout")]
    [InlineData("Café résumé", "café-résumé")]
    [InlineData("///", "journey")]
    public void A_file_name_keeps_the_letters_and_digits_of_the_journey_name(string name, string expected) =>
        Assert.Equal(expected, ExportApi.FileName(name));

    [Fact]
    public async Task The_history_folds_a_run_of_recorded_values_into_one_line()
    {
        var widget = SampleIds.Widget("Checkout", "Checkout completion");
        foreach (var (date, value) in new[] { ("2026-04-05", 61m), ("2026-04-06", 62m) })
        {
            using var recorded = await SendAsync(_client, HttpMethod.Post, JourneyPath + $"/widgets/{widget}/observations", new { date, value }, null);
            recorded.EnsureSuccessStatusCode();
        }

        var (page, _) = await GetAsync(_client, JourneyPath + "/history?limit=5");

        var first = page.GetProperty("items")[0];
        Assert.Equal("Recorded 2 values of \"Checkout completion\"", first.GetProperty("description").GetString());
        Assert.Equal(2, first.GetProperty("count").GetInt32());
        Assert.Equal("observations", first.GetProperty("kind").GetString());
        Assert.Equal(2, first.GetProperty("details").GetArrayLength());
        Assert.StartsWith("2026-04-05", page.GetProperty("now").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_filters_by_kind_and_pages()
    {
        var (all, _) = await GetAsync(_client, JourneyPath + "/history?limit=3");
        var (journeyOnly, _) = await GetAsync(_client, JourneyPath + "/history?kind=journey&limit=500");
        var (next, _) = await GetAsync(_client, JourneyPath + "/history?limit=3&offset=3");

        Assert.True(all.GetProperty("hasMore").GetBoolean());
        Assert.Equal(3, all.GetProperty("items").GetArrayLength());
        Assert.NotEqual(all.GetProperty("items")[0].GetProperty("toVersion").GetInt64(), next.GetProperty("items")[0].GetProperty("toVersion").GetInt64());
        Assert.NotEmpty(journeyOnly.GetProperty("items").EnumerateArray());
        Assert.All(journeyOnly.GetProperty("items").EnumerateArray(), i => Assert.Equal("journey", i.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task An_unknown_history_kind_is_named_in_the_problem()
    {
        using var response = await _client.GetAsync(JourneyPath + "/history?kind=everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("observations", (await response.JsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emotion_lane_lists_each_personas_points_in_map_order()
    {
        var (lane, _) = await GetAsync(_client, JourneyPath + "/emotions");

        var points = lane.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        Assert.NotEmpty(lane.GetProperty("personas").EnumerateArray());
        Assert.All(points, p => Assert.InRange(p.GetProperty("asIs").GetInt32(), -2, 2));
        var phases = lane.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("phaseName").GetString()).Distinct().ToList();
        var (journey, _) = await GetAsync(_client, JourneyPath);
        var order = journey.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Where(phases.Contains).ToList();
        Assert.Equal(order, phases);
    }
}
