using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

public sealed class JourneyApiTests : System.IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public JourneyApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Listing_journeys_shows_the_seeded_online_store()
    {
        var (list, _) = await GetAsync(_client, "/api/journeys");

        var journey = Assert.Single(list.EnumerateArray());
        Assert.Equal(OnlineStoreJourney.Name, journey.GetProperty("name").GetString());
        Assert.Equal(OnlineStoreJourney.Id.ToString(), journey.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_journey_carries_its_version_as_its_etag()
    {
        var (journey, etag) = await GetAsync(_client, JourneyPath);

        Assert.Equal($"\"{journey.GetProperty("version").GetInt64()}\"", etag);
        Assert.Equal(4, journey.GetProperty("phases").GetArrayLength());
        Assert.Equal(21, journey.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task Adding_an_activity_with_the_current_etag_creates_it_and_moves_the_version_on()
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", new { phaseId = SampleIds.Phase("Care").ToString(), name = "Birthday voucher", owner = "Mia Keller" }, etag);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var version = created.GetProperty("version").GetInt64();
        Assert.Equal($"\"{version}\"", response.Headers.ETag!.Tag);
        Assert.Equal(long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1, version);
        var (journey, _) = await GetAsync(_client, JourneyPath);
        Assert.Contains(journey.GetProperty("activities").EnumerateArray(), a => a.GetProperty("name").GetString() == "Birthday voucher" && a.GetProperty("id").GetString() == created.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_write_with_a_stale_if_match_on_a_changed_subject_gets_412_and_changes_nothing()
    {
        var stale = await ETagAsync(_client);
        var underCheckout = new { phaseId = SampleIds.Phase("Do").ToString(), parentId = SampleIds.Activity("Checkout").ToString(), name = "Express checkout" };
        using (var first = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", underCheckout, stale))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var (before, current) = await GetAsync(_client, JourneyPath);

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", underCheckout with { name = "Radio spot" }, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(412, problem.GetProperty("status").GetInt32());
        Assert.Contains("Nothing was changed", problem.GetProperty("detail").GetString(), System.StringComparison.Ordinal);
        var (after, etagAfter) = await GetAsync(_client, JourneyPath);
        Assert.Equal(current, etagAfter);
        Assert.Equal(before.GetProperty("activities").GetArrayLength(), after.GetProperty("activities").GetArrayLength());
        Assert.DoesNotContain(after.GetProperty("activities").EnumerateArray(), a => a.GetProperty("name").GetString() == "Radio spot");
    }

    [Fact]
    public async Task A_stale_if_match_on_a_warning_whose_metric_got_a_value_gets_412_too()
    {
        var stale = await ETagAsync(_client);
        using (var recorded = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/widgets/" + SampleIds.Widget("Support call", "Average wait") + "/observations", new { date = "2026-04-05", value = 9 }, stale))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", SupportCallThreshold, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var (warnings, _) = await GetAsync(_client, JourneyPath + "/warnings?state=acknowledged");
        Assert.Equal(0, warnings.GetArrayLength());
    }

    [Fact]
    public async Task An_activity_without_a_name_gets_a_problem_naming_the_field()
    {
        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = "  " }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("The activity needs a name.", errors.GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_phase_is_named_as_the_phaseId_field()
    {
        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", new { phaseId = System.Guid.NewGuid().ToString(), name = "Pop-up store" }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("The chosen phase was not found in this journey (someone removed it?); reload and choose again. Nothing was changed.", errors.GetProperty("phaseId")[0].GetString());
    }

    [Fact]
    public async Task Moving_an_activity_under_its_own_child_gets_400_naming_parentId_and_changes_nothing()
    {
        var etag = await ETagAsync(_client);
        var body = new { phaseId = SampleIds.Phase("Do").ToString(), parentId = SampleIds.Activity("Payment").ToString() };

        using var response = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/activities/" + SampleIds.Activity("Checkout") + "/position", body, etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("parentId", out _));
        Assert.Equal(etag, await ETagAsync(_client));
    }

    [Fact]
    public async Task Moving_an_activity_under_an_unknown_parent_names_parentId_and_moving_an_unknown_activity_is_404()
    {
        var body = new { phaseId = SampleIds.Phase("Do").ToString(), parentId = System.Guid.NewGuid().ToString() };

        using var unknownParent = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/activities/" + SampleIds.Activity("Cart") + "/position", body, null);
        using var unknownActivity = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/activities/" + System.Guid.NewGuid() + "/position", new { phaseId = SampleIds.Phase("Do").ToString() }, null);

        Assert.Equal(HttpStatusCode.BadRequest, unknownParent.StatusCode);
        Assert.True((await unknownParent.JsonAsync()).GetProperty("errors").TryGetProperty("parentId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknownActivity.StatusCode);
        Assert.Equal("This activity no longer exists (someone removed it?); reload.", (await unknownActivity.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Moving_an_activity_puts_it_in_the_new_phase_and_under_the_new_parent()
    {
        var body = new { phaseId = SampleIds.Phase("Think").ToString(), parentId = SampleIds.Activity("Product page").ToString() };

        using var response = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/activities/" + SampleIds.Activity("Live chat") + "/position", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (detail, _) = await GetAsync(_client, JourneyPath + "/activities/" + SampleIds.Activity("Live chat"));
        Assert.Equal(SampleIds.Activity("Product page").ToString(), detail.GetProperty("activity").GetProperty("parentId").GetString());
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), h => h.GetProperty("actor").GetString() == "web user");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_in_the_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Checkout completion") + "/observations")
        {
            Content = new StringContent("{\"date\":\"2026-04-05\",\"value\":\"lots\"}", Encoding.UTF8, "application/json"),
        };

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("value", out _));
    }

    [Fact]
    public async Task Recording_an_observation_shows_in_the_detail_view_and_a_second_one_for_the_date_names_the_date()
    {
        var path = JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Checkout completion") + "/observations";
        using (var first = await SendAsync(_client, HttpMethod.Post, path, new { date = "2026-04-05", value = 71.5m }, await ETagAsync(_client)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await SendAsync(_client, HttpMethod.Post, path, new { date = "2026-04-05", value = 72m }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True((await second.JsonAsync()).GetProperty("errors").TryGetProperty("date", out _));
        var (detail, _) = await GetAsync(_client, JourneyPath + "/activities/" + SampleIds.Activity("Checkout"));
        var metric = detail.GetProperty("widgets").EnumerateArray().First(w => w.GetProperty("kind").GetString() == "metric");
        Assert.Equal("2026-04-05", metric.GetProperty("content").GetProperty("latest").GetProperty("date").GetString());
        Assert.Equal(71.5m, metric.GetProperty("content").GetProperty("latest").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Adding_a_metric_widget_with_thresholds_against_its_direction_is_refused_with_the_reason()
    {
        var body = new { kind = "metric", title = "Queue length", metricKind = "count", direction = "lowerIsBetter", target = 10, warningThreshold = 5 };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities/" + SampleIds.Activity("Support call") + "/widgets", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("warningThreshold")[0].GetString();
        Assert.Equal("The warning threshold (5) must not be below the target (10) when lower is better: raise it, or choose “higher is better” as the direction.", message);
    }

    [Fact]
    public async Task Adding_a_link_widget_shows_it_in_the_detail_view()
    {
        var body = new { kind = "link", title = "Call scripts", url = "https://wiki.example.com/support/scripts" };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities/" + SampleIds.Activity("Support call") + "/widgets", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var (detail, _) = await GetAsync(_client, JourneyPath + "/activities/" + SampleIds.Activity("Support call"));
        var link = detail.GetProperty("widgets").EnumerateArray().Last();
        Assert.Equal("link", link.GetProperty("kind").GetString());
        Assert.Equal("https://wiki.example.com/support/scripts", link.GetProperty("content").GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_warnings_view_lists_the_critical_support_wait_and_filters_by_severity_phase_and_owner()
    {
        var (critical, _) = await GetAsync(_client, JourneyPath + "/warnings?severity=critical");
        var (care, _) = await GetAsync(_client, JourneyPath + "/warnings?phase=" + SampleIds.Phase("Care"));
        var (sara, _) = await GetAsync(_client, JourneyPath + "/warnings?owner=Sara%20Lind");

        var wait = Assert.Single(critical.EnumerateArray(), w => w.GetProperty("subjectName").GetString() == "Support call" && w.GetProperty("rule").GetString() == "metric.threshold");
        Assert.Equal(
            ("metric", SampleIds.Widget("Support call", "Average wait").ToString(), SampleIds.Activity("Support call").ToString(), "Average wait"),
            (wait.GetProperty("subjectKind").GetString(), wait.GetProperty("subjectId").GetString(), wait.GetProperty("activityId").GetString(), wait.GetProperty("metric").GetString()));
        Assert.All(critical.EnumerateArray(), w => Assert.Equal("critical", w.GetProperty("severity").GetString()));
        Assert.NotEmpty(care.EnumerateArray());
        Assert.All(care.EnumerateArray(), w => Assert.Equal("Care", w.GetProperty("phaseName").GetString()));
        Assert.NotEmpty(sara.EnumerateArray());
        Assert.All(sara.EnumerateArray(), w => Assert.Equal("Sara Lind", w.GetProperty("owner").GetString()));
    }

    [Fact]
    public async Task A_bad_filter_is_named_in_the_problem()
    {
        using var response = await _client.GetAsync(JourneyPath + "/warnings?severity=urgent");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("severity", out _));
    }

    [Fact]
    public async Task Acknowledging_a_warning_shows_it_acknowledged_with_who_did_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/warnings/acknowledge") { Content = System.Net.Http.Json.JsonContent.Create(SupportCallThreshold) };
        request.Headers.TryAddWithoutValidation("If-Match", await ETagAsync(_client));
        request.Headers.Add("X-Actor", "Omar Haddad");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (acknowledged, _) = await GetAsync(_client, JourneyPath + "/warnings?state=acknowledged");
        var warning = Assert.Single(acknowledged.EnumerateArray());
        Assert.Equal("Support call", warning.GetProperty("subjectName").GetString());
        Assert.Equal("Omar Haddad", warning.GetProperty("handledBy").GetString());
    }

    [Fact]
    public async Task Snoozing_for_some_days_hides_the_warning_until_then()
    {
        var body = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait"), days = 7 };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/snooze", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (snoozed, _) = await GetAsync(_client, JourneyPath + "/warnings?state=snoozed");
        var warning = Assert.Single(snoozed.EnumerateArray());
        Assert.StartsWith("2026-04-12T09:00", warning.GetProperty("snoozedUntil").GetString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snooze_without_an_end_is_refused_naming_until()
    {
        var body = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait") };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/snooze", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("until", out _));
    }

    [Fact]
    public async Task A_malformed_warning_subject_is_named_in_the_problem()
    {
        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/resolve", new { rule = "metric.threshold", subject = "support call" }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("subject", out _));
    }

    [Fact]
    public async Task A_malformed_if_match_is_named_in_the_problem()
    {
        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = "Podcast" }, "version-3");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("If-Match", out _));
    }

    [Fact]
    public async Task An_unknown_journey_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/api/journeys/" + System.Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_map_places_every_activity_and_marks_flagged_ones_with_their_worst_severity()
    {
        var (map, _) = await GetAsync(_client, JourneyPath + "/map");

        var nodes = map.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(21, nodes.Count);
        Assert.Equal(4, map.GetProperty("lanes").GetArrayLength());
        var support = nodes.Single(n => n.GetProperty("name").GetString() == "Support call");
        Assert.Equal("critical", support.GetProperty("severity").GetString());
        var chat = nodes.Single(n => n.GetProperty("name").GetString() == "Live chat");
        Assert.Equal(JsonValueKind.Null, chat.GetProperty("severity").ValueKind);
        Assert.Contains(map.GetProperty("edges").EnumerateArray(), e => e.GetProperty("kind").GetString() == "flow");
    }

    [Fact]
    public async Task The_detail_view_shows_the_widgets_and_the_history_newest_first()
    {
        var (detail, _) = await GetAsync(_client, JourneyPath + "/activities/" + SampleIds.Activity("Checkout"));

        var kinds = detail.GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["metric", "metric", "emotion", "solution", "feedback"], kinds);
        var versions = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("version").GetInt64()).ToList();
        Assert.True(versions.Count > 90);
        Assert.Equal(versions.OrderDescending(), versions);
        Assert.NotEmpty(detail.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task The_hosts_custom_rule_flags_activities_whose_newest_feedback_is_mostly_negative()
    {
        var (warnings, _) = await GetAsync(_client, JourneyPath + "/warnings");

        var flagged = warnings.EnumerateArray().Where(w => w.GetProperty("rule").GetString() == "web.negative-feedback").ToDictionary(w => w.GetProperty("subjectName").GetString()!, w => w.GetProperty("message").GetString());
        Assert.Equal(["Checkout", "Delivery", "Support call"], flagged.Keys.Order());
        Assert.Equal("3 of the last 4 feedback entries at 'Delivery' are negative (75 %) — limit 50 %", flagged["Delivery"]);
    }

    [Fact]
    public async Task The_notification_hook_lists_new_critical_warnings()
    {
        using (await _client.GetAsync(JourneyPath + "/warnings"))
        {
        }

        var (notifications, _) = await GetAsync(_client, "/api/notifications");

        var notification = Assert.Single(notifications.EnumerateArray());
        Assert.Equal("metric.threshold@metric:" + SampleIds.Widget("Support call", "Average wait"), notification.GetProperty("key").GetString());
        Assert.StartsWith("Average wait rose to 8.7 min", notification.GetProperty("message").GetString(), System.StringComparison.Ordinal);
    }

    private static readonly object SupportCallThreshold = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait"), note = "Callback option ships next week" };
}
