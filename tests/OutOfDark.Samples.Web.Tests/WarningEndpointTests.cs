using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// What a reviewer found attacking the warning endpoints over HTTP: actions on warnings that are not raised, half-applied
/// bulk requests, list filters that silently answered another question, reopening an open warning, ids quoted in 404s,
/// and bare 400s for unreadable history paging.
/// </summary>
public sealed partial class WarningEndpointTests : IDisposable
{
    private static readonly string[] Actions = ["acknowledge", "snooze", "resolve", "reopen"];

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public WarningEndpointTests() => _client = _factory.CreateClient();

    /// <summary>The ways a warning key can name no raised warning.</summary>
    public enum NotRaisedKind
    {
        /// <summary>A rule id nobody runs, on a real activity.</summary>
        UnknownRule,

        /// <summary>activity.no-owner on an activity that has an owner.</summary>
        RuleNotRaisedOnSubject,

        /// <summary>A metric rule on an activity (the wrong kind of subject).</summary>
        WrongSubjectKind,

        /// <summary>The rule of a raised warning on an activity the journey does not have.</summary>
        UnknownSubject,
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Property(MaxTest = 32)]
    public async Task An_action_on_a_warning_that_is_not_raised_is_refused_naming_rule_or_subject_and_records_nothing(NotRaisedKind kind, byte actionIndex, bool bulk, Guid unknown)
    {
        var action = Actions[actionIndex % Actions.Length];
        var item = await NotRaisedAsync(kind, unknown);
        var before = await ETagAsync(_client);
        var history = await HistoryTotalAsync();
        var snooze = action == "snooze" ? 30 : (int?)null;

        using var response = bulk
            ? await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", new { action, warnings = new[] { item }, days = snooze, note = "x" }, before)
            : await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/" + action, new { rule = item.Rule, subject = item.Subject, days = snooze, note = "x" }, before);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        var prefix = bulk ? "warnings[0]." : "";
        var field = errors.EnumerateObject().Single().Name;
        Assert.True(field == prefix + "rule" || field == prefix + "subject", $"the refusal names the rule or the subject, not {field}");
        var message = errors.GetProperty(field)[0].GetString()!;
        Assert.Contains("No such warning is raised now", message, StringComparison.Ordinal);
        Assert.Contains("reload the Warnings view", message, StringComparison.Ordinal);
        Assert.DoesNotMatch(GuidPattern(), message);
        Assert.Equal(before, await ETagAsync(_client));
        Assert.Equal(history, await HistoryTotalAsync());
    }

    [Fact]
    public async Task A_snooze_refused_before_the_warning_exists_does_not_silence_it_when_it_is_raised_later()
    {
        var owned = await OwnedActivityAsync();
        var subject = "activity:" + owned.GetProperty("id").GetString();

        using (var refused = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/snooze", new { rule = "activity.no-owner", subject, days = 30, note = "x" }, null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("subject", out _), "activity.no-owner is raised on other activities, so the subject is at fault");
        }

        using (var removeOwner = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/activities/" + owned.GetProperty("id").GetString(), new
        {
            name = owned.GetProperty("name").GetString(),
            kind = owned.GetProperty("kind").GetString(),
            status = owned.GetProperty("status").GetString(),
            owner = (string?)null,
            team = owned.GetProperty("team").GetString(),
            channels = owned.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).ToArray(),
            description = owned.GetProperty("description").GetString(),
        }, null))
        {
            Assert.Equal(HttpStatusCode.OK, removeOwner.StatusCode);
        }

        var (warnings, _) = await GetAsync(_client, JourneyPath + "/warnings");
        var raised = warnings.EnumerateArray().Single(w => w.GetProperty("rule").GetString() == "activity.no-owner" && w.GetProperty("subjectId").GetString() == owned.GetProperty("id").GetString());
        Assert.Equal("open", raised.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_bulk_request_with_one_warning_that_is_not_raised_names_it_and_applies_none()
    {
        var open = await OpenWarningsAsync();
        var before = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", new
        {
            action = "acknowledge",
            warnings = new[] { Item(open[0]), new Ref("activity.no-owner", "activity:00000000-0000-0000-0000-000000000001") },
        }, before);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("warnings[1].subject", errors.EnumerateObject().Single().Name);
        Assert.Equal(before, await ETagAsync(_client));
        var (acknowledged, _) = await GetAsync(_client, JourneyPath + "/warnings?state=acknowledged");
        Assert.Equal(0, acknowledged.GetArrayLength());
    }

    [Fact]
    public async Task A_bulk_request_naming_a_warning_twice_is_refused_naming_the_repeat_and_applies_none()
    {
        var open = await OpenWarningsAsync();
        var before = await ETagAsync(_client);
        var history = await HistoryTotalAsync();

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", new
        {
            action = "acknowledge",
            warnings = new[] { Item(open[0]), Item(open[1]), Item(open[0]) },
        }, before);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("This is the same warning as warnings[0]; give each warning once.", errors.GetProperty("warnings[2]")[0].GetString());
        Assert.Equal(before, await ETagAsync(_client));
        Assert.Equal(history, await HistoryTotalAsync());
    }

    [Property(MaxTest = 25)]
    public async Task Several_states_or_severities_by_commas_or_repeats_give_the_union_of_each_alone(bool[] stateChoice, bool[] severityChoice, bool repeat)
    {
        string[] states = ["open", "acknowledged", "snoozed", "resolved"];
        string[] severities = ["info", "warning", "critical"];
        var chosenStates = states.Where((_, i) => i < stateChoice.Length && stateChoice[i]).ToArray();
        var chosenSeverities = severities.Where((_, i) => i < severityChoice.Length && severityChoice[i]).ToArray();
        await AcknowledgeOneAsync();

        var expected = new HashSet<string>();
        foreach (var state in chosenStates.DefaultIfEmpty(null))
        {
            foreach (var severity in chosenSeverities.DefaultIfEmpty(null))
            {
                var single = new List<string>();
                if (state is not null)
                {
                    single.Add("state=" + state);
                }

                if (severity is not null)
                {
                    single.Add("severity=" + severity);
                }

                expected.UnionWith(await KeysAsync(string.Join('&', single)));
            }
        }

        var query = new List<string>();
        if (chosenStates.Length > 0)
        {
            query.AddRange(repeat ? chosenStates.Select(s => "state=" + s) : ["state=" + string.Join(',', chosenStates)]);
        }

        if (chosenSeverities.Length > 0)
        {
            query.AddRange(repeat ? chosenSeverities.Select(s => "severity=" + s) : ["severity=" + string.Join(',', chosenSeverities)]);
        }

        Assert.Equal(expected.Order(), (await KeysAsync(string.Join('&', query))).Order());
    }

    [Fact]
    public async Task State_open_and_snoozed_lists_both_where_it_used_to_list_none()
    {
        var open = await OpenWarningsAsync();
        using (var snooze = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/snooze", new { Item(open[0]).Rule, Item(open[0]).Subject, days = 7 }, null))
        {
            Assert.Equal(HttpStatusCode.OK, snooze.StatusCode);
        }

        var both = await KeysAsync("state=open,snoozed");

        Assert.Equal(open.Length, both.Count);
        Assert.Contains(open[0].GetProperty("key").GetString()!, both);
        Assert.Equal(both.Order(), (await KeysAsync("state=open&state=snoozed")).Order());
    }

    [Theory]
    [InlineData("state=open,closed", "state", "'closed' is not a state: use open, acknowledged, snoozed or resolved.")]
    [InlineData("state=1", "state", "'1' is not a state: use open, acknowledged, snoozed or resolved.")]
    [InlineData("severity=critical,urgent", "severity", "'urgent' is not a severity: use info, warning or critical.")]
    [InlineData("owner=Ana&owner=Ben", "owner", "'owner' takes one value but was given 2; give it once.")]
    [InlineData("phase=a&phase=b", "phase", "'phase' takes one value but was given 2; give it once.")]
    public async Task An_unknown_or_repeated_filter_value_is_refused_naming_the_parameter(string query, string field, string message)
    {
        foreach (var path in new[] { JourneyPath + "/warnings?", "/api/workspace/warnings?" })
        {
            using var response = await _client.GetAsync(path + query);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(message, (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task Reopening_an_open_warning_records_nothing_and_keeps_the_version()
    {
        var open = await OpenWarningsAsync();
        var before = await ETagAsync(_client);
        var history = await HistoryTotalAsync();

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/reopen", Item(open[0]), before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before.Trim('"'), (await response.JsonAsync()).GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before, await ETagAsync(_client));
        Assert.Equal(history, await HistoryTotalAsync());
    }

    [Fact]
    public async Task Reopening_an_acknowledged_warning_records_it_and_opens_it()
    {
        var open = await OpenWarningsAsync();
        using (await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", Item(open[0]), null))
        {
        }

        var history = await HistoryTotalAsync();

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/reopen", Item(open[0]), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(history + 1, await HistoryTotalAsync());
        Assert.Contains(open[0].GetProperty("key").GetString()!, await KeysAsync("state=open"));
    }

    [Fact]
    public async Task Commands_on_a_removed_activity_or_flow_are_404_without_ids()
    {
        var (journey, _) = await GetAsync(_client, JourneyPath);
        var flow = journey.GetProperty("flows")[0];
        var activity = flow.GetProperty("from").GetString();
        using (var remove = await SendAsync(_client, HttpMethod.Delete, JourneyPath + "/activities/" + activity, new { }, null))
        {
            Assert.Equal(HttpStatusCode.OK, remove.StatusCode);
        }

        var unknown = Guid.NewGuid().ToString();
        (HttpMethod Method, string Path, object Body, string What)[] requests =
        [
            (HttpMethod.Delete, "/activities/" + activity, new { }, "activity"),
            (HttpMethod.Put, "/activities/" + activity + "/place", new { position = 0 }, "activity"),
            (HttpMethod.Put, "/activities/" + unknown + "/place", new { position = 0 }, "activity"),
            (HttpMethod.Post, "/activities/" + activity + "/widgets", new { kind = "description", title = "Notes", markdown = "x" }, "activity"),
            (HttpMethod.Delete, "/flows/" + flow.GetProperty("id").GetString(), new { }, "flow"),
        ];
        foreach (var (method, path, body, what) in requests)
        {
            using var response = await SendAsync(_client, method, JourneyPath + path, body, null);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal($"This {what} no longer exists (someone removed it?); reload.", (await response.JsonAsync()).GetProperty("detail").GetString());
        }

        using var detail = await _client.GetAsync(JourneyPath + "/activities/" + activity);
        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal("This activity no longer exists (someone removed it?); reload.", (await detail.JsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/warnings")]
    [InlineData("/history")]
    [InlineData("/export/json")]
    public async Task An_unknown_journey_is_404_without_ids(string tail)
    {
        using var response = await _client.GetAsync("/api/journeys/" + Guid.NewGuid() + tail);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString()!;
        Assert.Equal("This journey no longer exists (someone removed it?); reload.", detail);
    }

    [Theory]
    [InlineData("limit=abc", "limit", "'abc' is not a whole number from 1 to 500.")]
    [InlineData("limit=0", "limit", "'0' is not a whole number from 1 to 500.")]
    [InlineData("limit=5&limit=6", "limit", "'limit' takes one value but was given 2; give it once.")]
    [InlineData("offset=99999999999", "offset", "'99999999999' is not a whole number from 0 to 2147483647.")]
    [InlineData("offset=-1", "offset", "'-1' is not a whole number from 0 to 2147483647.")]
    public async Task Unreadable_history_paging_is_a_problem_naming_the_parameter_and_its_range(string query, string field, string message)
    {
        using var response = await _client.GetAsync(JourneyPath + "/history?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-")]
    private static partial Regex GuidPattern();

    private static Ref Item(JsonElement w) =>
        new(w.GetProperty("rule").GetString()!, w.GetProperty("subjectKind").GetString() + ":" + w.GetProperty("subjectId").GetString());

    private async Task<Ref> NotRaisedAsync(NotRaisedKind kind, Guid unknown)
    {
        var owned = "activity:" + (await OwnedActivityAsync()).GetProperty("id").GetString();
        var (rule, subject) = kind switch
        {
            NotRaisedKind.UnknownRule => ("nope", owned),
            NotRaisedKind.RuleNotRaisedOnSubject => ("activity.no-owner", owned),
            NotRaisedKind.WrongSubjectKind => ("metric.threshold", owned),
            _ => ("activity.no-owner", "activity:" + unknown),
        };
        return new Ref(rule, subject);
    }

    private async Task<JsonElement> OwnedActivityAsync()
    {
        var (journey, _) = await GetAsync(_client, JourneyPath);
        return journey.GetProperty("activities").EnumerateArray().First(a => a.GetProperty("owner").ValueKind == JsonValueKind.String);
    }

    private async Task<JsonElement[]> OpenWarningsAsync() =>
        [.. (await GetAsync(_client, JourneyPath + "/warnings?state=open")).Body.EnumerateArray()];

    private async Task AcknowledgeOneAsync()
    {
        var open = await OpenWarningsAsync();
        if ((await KeysAsync("state=acknowledged")).Count == 0)
        {
            using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", Item(open[^1]), null);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<List<string>> KeysAsync(string query)
    {
        var (body, _) = await GetAsync(_client, JourneyPath + "/warnings?" + query);
        return [.. body.EnumerateArray().Select(w => w.GetProperty("key").GetString()!)];
    }

    private async Task<int> HistoryTotalAsync() =>
        (await GetAsync(_client, JourneyPath + "/history?limit=1")).Body.GetProperty("total").GetInt32();

    /// <summary>A warning as the endpoints take it.</summary>
    private sealed record Ref(string Rule, string Subject);
}
