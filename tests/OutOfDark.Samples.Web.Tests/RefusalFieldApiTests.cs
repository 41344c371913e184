using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Api;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Where the web API files a refusal: under the JSON path (or header) that carried the refused text or value, never a
/// rule's fallback field; members of another widget kind refused under their own name; ids in the path 404 and ids in
/// the body 400; an If-Match from the future; feedback indexes given twice.
/// </summary>
public sealed class RefusalFieldApiTests : IDisposable
{
    private static readonly string Checkout = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");
    private static readonly string Solution = JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Declined cards");
    private static readonly string Link = JourneyPath + "/widgets/" + SampleIds.Widget("Newsletter", "Campaign in the mailing tool");
    private static readonly string Feedback = JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Customer feedback");
    private static readonly string OpenRate = JourneyPath + "/widgets/" + SampleIds.Widget("Newsletter", "Open rate");
    private static readonly string Flow = JourneyPath + "/flows/" + SampleIds.Flow("Cart", "Checkout");
    private static readonly string Phase = JourneyPath + "/phases/" + SampleIds.Phase("Do");
    private static readonly string Persona = JourneyPath + "/personas/" + SampleIds.Persona("Gift shopper");
    private static readonly string[] FiftyOneChannels = [.. Enumerable.Range(0, 51).Select(i => "channel " + i.ToString(CultureInfo.InvariantCulture))];

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public RefusalFieldApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    public static TheoryData<string, string, string, object, string> Refusals() => new()
    {
        { "51 channels on a change", "PUT", Checkout, new { channels = FiftyOneChannels }, "channels" },
        { "51 channels on an add", "POST", JourneyPath + "/activities", new { phaseId = SampleIds.Phase("Do").ToString(), name = "Gift wrap", channels = FiftyOneChannels }, "channels" },
        { "activity description", "PUT", Checkout, new { description = "a\u0007b" }, "description" },
        { "widget title of zero-width space", "PUT", Solution, new { title = "\u200b" }, "title" },
        { "link url with NUL", "PUT", Link, new { url = "https://x.example/\u0000" }, "url" },
        { "added feedback quote", "PUT", Feedback, new { addEntry = new { source = "Chat", quote = "Hi \u2066 there", sentiment = "neutral", date = "2026-04-01" } }, "addEntry.quote" },
        { "metric unit", "POST", Checkout + "/widgets", new { kind = "metric", title = "Wait", unit = "a\u2028" }, "unit" },
        { "first feedback quote", "POST", Checkout + "/widgets", new { kind = "feedback", title = "Voices", entries = new[] { Entry("Hi \u2066 there"), Entry("Fine") } }, "entries[0].quote" },
        { "second feedback quote", "POST", Checkout + "/widgets", new { kind = "feedback", title = "Voices", entries = new[] { Entry("Fine"), Entry("Hi \u2066 there") } }, "entries[1].quote" },
        { "solution problem", "POST", Checkout + "/widgets", new { kind = "solution", title = "Fix", problem = "a\u0007b", solution = "c" }, "problem" },
        { "emotion note", "POST", Checkout + "/widgets", new { kind = "emotion", title = "Feels", persona = SampleIds.Persona("Gift shopper").ToString(), asIs = 0, note = "a\u202Eb" }, "note" },
        { "flow label on an add", "POST", JourneyPath + "/flows", new { from = SampleIds.Activity("Cart").ToString(), to = SampleIds.Activity("Delivery").ToString(), label = "a\u2028b" }, "label" },
        { "flow label on a change", "PUT", Flow, new { label = "a\u2028b" }, "label" },
        { "reason of a removal", "DELETE", Solution, new { reason = "a\u0007b" }, "reason" },
        { "phase customer goal", "PUT", Phase, new { customerGoal = "a\u0007b" }, "customerGoal" },
        { "persona description", "PUT", Persona, new { description = "a\u0007b" }, "description" },
        { "percentage over 100", "POST", OpenRate + "/observations", new { date = "2026-04-05", value = 101 }, "value" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_text_or_value_is_filed_under_the_member_that_carried_it_and_changes_nothing(string what, string method, string path, object body, string member)
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, new HttpMethod(method), path, body, null);

        var json = await response.JsonAsync();
        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{what}: {(int)response.StatusCode} {json}");
        var errors = json.GetProperty("errors");
        Assert.True(errors.TryGetProperty(member, out _), $"{what}: expected errors.{member}, got {errors}");
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(etag, await ETagAsync(_client));
    }

    [Theory]
    [InlineData("Ana\u2066")]
    [InlineData("Ana\u2028Lind")]
    public async Task An_x_actor_the_history_refuses_is_filed_under_the_header(string actor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Checkout) { Content = new StringContent("""{"owner":"Ana"}""", Encoding.UTF8, "application/json") };
        Assert.True(request.Headers.TryAddWithoutValidation("X-Actor", actor));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["X-Actor"], (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_member_of_another_widget_kind_sent_to_a_change_is_refused_under_its_name_and_changes_nothing()
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Put, Feedback, new { url = "https://x.example" }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "'url' is not a member a feedback widget takes; it takes title, addEntry, removeEntries. Leave it out (null is accepted), or send it to a widget of its own kind.",
            (await response.JsonAsync()).GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Equal(etag, await ETagAsync(_client));
    }

    [Fact]
    public async Task Members_of_other_widget_kinds_sent_to_an_add_are_each_refused_under_their_name()
    {
        var body = new { kind = "link", title = "L", url = "https://x.example", unit = "s", persona = "x", entries = Array.Empty<object>(), markdown = "m" };

        using var response = await SendAsync(_client, HttpMethod.Post, Checkout + "/widgets", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["entries", "markdown", "persona", "unit"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.StartsWith("'unit' is not a member a link widget takes; it takes title, url.", errors.GetProperty("unit")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_of_other_kinds_sent_as_null_pass_as_the_pages_forms_send_them()
    {
        var body = new { kind = "link", title = "L", url = "https://x.example", target = (decimal?)null, warningThreshold = (decimal?)null, criticalThreshold = (decimal?)null };

        using var response = await SendAsync(_client, HttpMethod.Post, Checkout + "/widgets", body, null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static readonly string[] Kinds = ["metric", "link", "description", "emotion", "solution", "feedback"];

    private static readonly Dictionary<string, object> Values = new()
    {
        ["unit"] = "s", ["metricKind"] = "count", ["direction"] = "higherIsBetter", ["target"] = 1m, ["warningThreshold"] = 1m, ["criticalThreshold"] = 1m,
        ["url"] = "https://x.example", ["markdown"] = "m", ["persona"] = "p", ["asIs"] = 1, ["toBe"] = 1, ["note"] = "n",
        ["problem"] = "p", ["solution"] = "s", ["status"] = "planned", ["entries"] = Array.Empty<FeedbackEntryRequest>(),
    };

    private static readonly Dictionary<string, string[]> Own = new()
    {
        ["metric"] = ["unit", "metricKind", "direction", "target", "warningThreshold", "criticalThreshold"],
        ["link"] = ["url"], ["description"] = ["markdown"], ["emotion"] = ["persona", "asIs", "toBe", "note"],
        ["solution"] = ["problem", "solution", "status"], ["feedback"] = ["entries"],
    };

    [Property]
    public Property Every_kind_member_sent_with_a_value_to_an_add_is_refused_under_its_name_exactly_when_it_is_another_kinds() =>
        Prop.ForAll(Gen.Elements(Kinds).ToArbitrary(), Gen.Elements(Values.Keys.ToArray()).ToArbitrary(), (kind, member) =>
        {
            var json = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["kind"] = kind, ["title"] = "T", [member] = Values[member] });
            var body = System.Text.Json.JsonSerializer.Deserialize<AddWidgetRequest>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
            var errors = new Dictionary<string, string[]>();

            WidgetRequests.RefuseForeignMembers(body, new HashSet<string>(["kind", "title", member], StringComparer.OrdinalIgnoreCase), errors);

            var foreign = !Own[kind].Contains(member);
            return errors.Count == (foreign ? 1 : 0)
                && (!foreign || errors[member][0].StartsWith($"'{member}' is not a member a {kind} widget takes;", StringComparison.Ordinal));
        });

    [Fact]
    public async Task A_change_of_a_widget_that_is_not_there_is_404_like_its_removal()
    {
        var path = JourneyPath + "/widgets/" + Guid.NewGuid();

        using var change = await SendAsync(_client, HttpMethod.Put, path, new { title = "x" }, null);
        using var remove = await SendAsync(_client, HttpMethod.Delete, path, new { }, null);

        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
    }

    [Fact]
    public async Task An_emotion_whose_persona_is_the_paths_activity_id_is_400_under_persona()
    {
        var body = new { kind = "emotion", title = "Feels", persona = SampleIds.Activity("Checkout").ToString(), asIs = 0 };

        using var response = await SendAsync(_client, HttpMethod.Post, Checkout + "/widgets", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["persona"], (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task An_if_match_from_the_future_says_that_version_does_not_exist_yet()
    {
        var etag = await ETagAsync(_client);
        var current = long.Parse(etag.Trim('"'), CultureInfo.InvariantCulture);
        var future = current + 100_000;

        using var response = await SendAsync(_client, HttpMethod.Put, Checkout, new { owner = "Ana" }, $"\"{future}\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("That version of the journey does not exist yet.", problem.GetProperty("title").GetString());
        Assert.Equal(
            $"If-Match names version {future}, which this journey has not reached: the current one is {current}. Reload the journey and send its ETag. Nothing was changed.",
            problem.GetProperty("detail").GetString());
        Assert.Equal(etag, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_feedback_index_given_twice_is_refused_and_changes_nothing()
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Put, Feedback, new { removeEntries = new[] { 0, 0 } }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Entry 0 is given twice in removeEntries; give each entry to remove once.", (await response.JsonAsync()).GetProperty("errors").GetProperty("removeEntries")[0].GetString());
        Assert.Equal(etag, await ETagAsync(_client));
    }

    private static object Entry(string quote) => new { source = "Chat", quote, sentiment = "neutral", date = "2026-04-01" };
}
