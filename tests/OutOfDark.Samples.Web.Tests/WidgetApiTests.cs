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
/// Adding and changing every widget kind through the API (WidgetRequests): emotion, solution, feedback and a metric's
/// kind, with each refusal on the field the form shows it next to.
/// </summary>
public sealed class WidgetApiTests : IDisposable
{
    private static readonly string Reminder = SampleIds.Activity("Wishlist reminder").ToString();

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public WidgetApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<HttpResponseMessage> AddAsync(object body) =>
        await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities/" + Reminder + "/widgets", body, await ETagAsync(_client));

    private async Task<HttpResponseMessage> ChangeAsync(string widgetId, object body) =>
        await SendAsync(_client, HttpMethod.Put, JourneyPath + "/widgets/" + widgetId, body, await ETagAsync(_client));

    private async Task<JsonElement> WidgetAsync(string title)
    {
        var (detail, _) = await GetAsync(_client, JourneyPath + "/activities/" + Reminder);
        return detail.GetProperty("widgets").EnumerateArray().Single(w => w.GetProperty("title").GetString() == title);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error on '{field}': {errors}");
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    private static async Task CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task An_emotion_widget_for_a_persona_joins_the_emotion_lane_and_its_to_be_score_changes()
    {
        var persona = SampleIds.Persona("Gift shopper").ToString();
        using (var added = await AddAsync(new { kind = "emotion", title = "Reminder mood", persona, asIs = -1, toBe = 1, note = "Too many e-mails." }))
        {
            await CreatedAsync(added);
        }

        var widget = await WidgetAsync("Reminder mood");
        using (var changed = await ChangeAsync(widget.GetProperty("id").GetString()!, new { title = "Reminder mood", asIs = -1, toBe = 2, note = "Too many e-mails." }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var (lane, _) = await GetAsync(_client, JourneyPath + "/emotions");
        var point = lane.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("activityId").GetString() == Reminder);
        Assert.Equal(persona, point.GetProperty("personaId").GetString());
        Assert.Equal(-1, point.GetProperty("asIs").GetInt32());
        Assert.Equal(2, point.GetProperty("toBe").GetInt32());
        Assert.Equal("Too many e-mails.", point.GetProperty("note").GetString());
        Assert.Equal(persona, (await WidgetAsync("Reminder mood")).GetProperty("content").GetProperty("personaId").GetString());
    }

    [Theory]
    [InlineData(-3, "asIs")]
    [InlineData(3, "asIs")]
    public async Task An_emotion_score_off_the_scale_is_refused_on_its_field_naming_the_scale(int score, string field)
    {
        using var response = await AddAsync(new { kind = "emotion", title = "Mood", persona = SampleIds.Persona("Gift shopper").ToString(), asIs = score });

        Assert.Equal($"{score} is not on the emotion scale: choose from very negative (−2) to very positive (+2).", await ErrorAsync(response, field));
    }

    [Fact]
    public async Task An_emotion_widget_without_a_persona_or_for_an_unknown_persona_is_refused_on_persona()
    {
        using (var missing = await AddAsync(new { kind = "emotion", title = "Mood", asIs = 0 }))
        {
            Assert.Equal("Choose the persona who feels this; add one under “Edit the journey” when there is none.", await ErrorAsync(missing, "persona"));
        }

        using var unknown = await AddAsync(new { kind = "emotion", title = "Mood", persona = Guid.NewGuid().ToString(), asIs = 0 });
        var message = await ErrorAsync(unknown, "persona");
        Assert.Contains("persona", message, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", message);
    }

    [Theory]
    [InlineData("count", "target", -5, "A count cannot be negative; got -5.")]
    [InlineData("count", "criticalThreshold", -1, "A count cannot be negative; got -1.")]
    [InlineData("percentage", "warningThreshold", 120, "A percentage must be between 0 and 100; got 120.")]
    public async Task A_limit_the_metric_kind_cannot_take_is_refused_next_to_that_limit(string metricKind, string field, decimal value, string expected)
    {
        using var response = await AddAsync(new JsonObjectBody
        {
            ["kind"] = "metric", ["title"] = "Chat wait", ["unit"] = "min", ["metricKind"] = metricKind, ["direction"] = "lowerIsBetter", [field] = value,
        });

        Assert.Equal(expected, await ErrorAsync(response, field));
    }

    [Fact]
    public async Task A_change_that_puts_a_threshold_on_the_wrong_side_is_refused_on_that_threshold_in_words_and_changes_nothing()
    {
        using (var added = await AddAsync(new { kind = "metric", title = "Hold time", unit = "min", metricKind = "count", direction = "lowerIsBetter", target = 2, warningThreshold = 5, criticalThreshold = 10 }))
        {
            await CreatedAsync(added);
        }

        var id = (await WidgetAsync("Hold time")).GetProperty("id").GetString()!;
        using (var refused = await ChangeAsync(id, new { criticalThreshold = 4 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(
                "The critical threshold (4) must not be below the warning threshold (5) when lower is better: raise it, or choose “higher is better” as the direction.",
                await ErrorAsync(refused, "criticalThreshold"));
        }

        Assert.Equal(10m, (await WidgetAsync("Hold time")).GetProperty("content").GetProperty("criticalThreshold").GetDecimal());
    }

    [Fact]
    public async Task A_metric_kind_is_added_and_changed_and_a_change_that_leaves_a_limit_outside_the_new_kind_is_refused_on_that_limit()
    {
        using (var added = await AddAsync(new { kind = "metric", title = "Chat wait", unit = "min", metricKind = "count", direction = "lowerIsBetter", target = 2, criticalThreshold = 150 }))
        {
            await CreatedAsync(added);
        }

        var widget = await WidgetAsync("Chat wait");
        Assert.Equal("count", widget.GetProperty("content").GetProperty("metricKind").GetString());
        Assert.Equal("lowerIsBetter", widget.GetProperty("content").GetProperty("direction").GetString());
        var id = widget.GetProperty("id").GetString()!;

        using (var refused = await ChangeAsync(id, new { title = "Chat wait", metricKind = "percentage", target = 2, criticalThreshold = 150 }))
        {
            Assert.Equal("A percentage must be between 0 and 100; got 150.", await ErrorAsync(refused, "criticalThreshold"));
        }

        Assert.Equal("count", (await WidgetAsync("Chat wait")).GetProperty("content").GetProperty("metricKind").GetString());
        using (var changed = await ChangeAsync(id, new { title = "Chat wait", metricKind = "ratio", target = 2, criticalThreshold = 150 }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        Assert.Equal("ratio", (await WidgetAsync("Chat wait")).GetProperty("content").GetProperty("metricKind").GetString());
        using var unknown = await ChangeAsync(id, new { title = "Chat wait", metricKind = "duration" });
        Assert.Equal("'duration' is not a metric kind: use count, percentage, currency, score, nps, csat, ces or ratio.", await ErrorAsync(unknown, "metricKind"));
    }

    [Fact]
    public async Task A_solution_is_added_and_its_status_changed()
    {
        using (var added = await AddAsync(new { kind = "solution", title = "Fewer reminders", problem = "Too many e-mails.", solution = "One reminder a week.", status = "planned" }))
        {
            await CreatedAsync(added);
        }

        var id = (await WidgetAsync("Fewer reminders")).GetProperty("id").GetString()!;
        using (var bad = await ChangeAsync(id, new { title = "Fewer reminders", status = "shipped" }))
        {
            Assert.Equal("'shipped' is not a status: use proposed, planned, inProgress, done or rejected.", await ErrorAsync(bad, "status"));
        }

        using (var changed = await ChangeAsync(id, new { title = "Fewer reminders", status = "inProgress" }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var content = (await WidgetAsync("Fewer reminders")).GetProperty("content");
        Assert.Equal("inProgress", content.GetProperty("status").GetString());
        Assert.Equal("Too many e-mails.", content.GetProperty("problem").GetString());
        Assert.Equal("One reminder a week.", content.GetProperty("solution").GetString());
    }

    [Fact]
    public async Task Feedback_entries_are_added_and_removed_and_a_bad_entry_is_refused_on_its_field()
    {
        var first = new { source = "Survey", quote = "Too many e-mails.", sentiment = "negative", date = "2026-04-02" };
        using (var added = await AddAsync(new { kind = "feedback", title = "What they say", entries = new[] { first } }))
        {
            await CreatedAsync(added);
        }

        var id = (await WidgetAsync("What they say")).GetProperty("id").GetString()!;
        using (var bad = await ChangeAsync(id, new { title = "What they say", addEntry = new { source = "Chat", quote = "Nice", sentiment = "positive", date = "02/04/2026" } }))
        {
            Assert.Equal("The date must be an ISO date such as 2026-04-05 (years 0001 to 9999); got '02/04/2026'.", await ErrorAsync(bad, "addEntry.date"));
        }

        using (var changed = await ChangeAsync(id, new { title = "What they say", addEntry = new { source = "Chat", quote = "Nice", sentiment = "veryPositive", date = "2026-04-03" }, removeEntries = new[] { 0 } }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var entry = Assert.Single((await WidgetAsync("What they say")).GetProperty("content").GetProperty("entries").EnumerateArray());
        Assert.Equal("Nice", entry.GetProperty("quote").GetString());
        Assert.Equal("veryPositive", entry.GetProperty("sentiment").GetString());
        Assert.Equal(0, entry.GetProperty("index").GetInt32());

        using var stale = await ChangeAsync(id, new { title = "What they say", removeEntries = new[] { 4 } });
        Assert.Equal("There is no entry 4 to remove: the entries count from 0 (the oldest) to 0; reload to see them.", await ErrorAsync(stale, "removeEntries"));
    }

    [Fact]
    public async Task A_widget_kind_the_api_does_not_add_is_refused_on_kind_listing_the_kinds()
    {
        using var response = await AddAsync(new { kind = "chart", title = "Chart" });

        Assert.Equal("'chart' is not a widget kind this API adds: use metric, link, description, emotion, solution or feedback.", await ErrorAsync(response, "kind"));
    }

    // A request body whose field names are data (the limit under test).
    private sealed class JsonObjectBody : System.Collections.Generic.Dictionary<string, object>;
}
