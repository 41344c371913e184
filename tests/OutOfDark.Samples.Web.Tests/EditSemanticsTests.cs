using System;
using System.Collections.Generic;
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

/// <summary>
/// What the editing API does with what a request leaves out, sends as null, or sends with spaces and characters the
/// journey does not keep: a member left out keeps its value, null clears it, text is kept exactly on create and change,
/// and control or bidi override characters are refused naming the field.
/// </summary>
public sealed class EditSemanticsTests : IDisposable
{
    private static readonly string Checkout = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public EditSemanticsTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Changing_only_the_name_of_an_activity_keeps_every_member_left_out()
    {
        var before = await ActivityAsync(Checkout);

        using var response = await SendAsync(_client, HttpMethod.Put, Checkout, new { name = "Cart" }, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ActivityAsync(Checkout);
        Assert.Equal("Cart", after.GetProperty("name").GetString());
        foreach (var member in new[] { "kind", "status", "owner", "team", "channels", "description", "tags" })
        {
            Assert.Equal(before.GetProperty(member).GetRawText(), after.GetProperty(member).GetRawText());
        }
    }

    [Fact]
    public async Task Null_clears_an_optional_member_and_cannot_clear_a_required_one()
    {
        using (var cleared = await PutJsonAsync(Checkout, """{"owner":null,"channels":null}"""))
        {
            Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        }

        var after = await ActivityAsync(Checkout);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("owner").ValueKind);
        Assert.Empty(after.GetProperty("channels").EnumerateArray());
        Assert.Equal("E-commerce", after.GetProperty("team").GetString());

        var version = await ETagAsync(_client);
        using var refused = await PutJsonAsync(Checkout, """{"name":null,"status":null}""");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Equal("The status cannot be cleared: send a value, or leave the member out to keep it.", errors.GetProperty("status")[0].GetString());
        Assert.Equal(version, await ETagAsync(_client));
    }

    [Fact]
    public async Task Phases_personas_flows_and_widgets_keep_what_a_change_leaves_out()
    {
        var (journey, _) = await GetAsync(_client, JourneyPath);
        var phase = journey.GetProperty("phases").EnumerateArray().First(p => p.GetProperty("customerGoal").ValueKind == JsonValueKind.String);
        var persona = journey.GetProperty("personas").EnumerateArray().First(p => p.GetProperty("description").ValueKind == JsonValueKind.String);
        var flow = journey.GetProperty("flows").EnumerateArray().First(f => f.GetProperty("label").ValueKind == JsonValueKind.String);
        var widget = SampleIds.Widget("Checkout", "Checkout completion");

        using (var r = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/phases/" + phase.GetProperty("id").GetString(), new { name = "Renamed phase" }, null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/personas/" + persona.GetProperty("id").GetString(), new { name = "Renamed persona" }, null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/flows/" + flow.GetProperty("id").GetString(), new { reason = "nothing to change" }, null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/widgets/" + widget, new { title = "Completion" }, null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var (after, _) = await GetAsync(_client, JourneyPath);
        Assert.Equal(phase.GetProperty("customerGoal").GetString(), after.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("id").GetString() == phase.GetProperty("id").GetString()).GetProperty("customerGoal").GetString());
        Assert.Equal(persona.GetProperty("description").GetString(), after.GetProperty("personas").EnumerateArray().Single(p => p.GetProperty("id").GetString() == persona.GetProperty("id").GetString()).GetProperty("description").GetString());
        Assert.Equal(flow.GetProperty("label").GetString(), after.GetProperty("flows").EnumerateArray().Single(f => f.GetProperty("id").GetString() == flow.GetProperty("id").GetString()).GetProperty("label").GetString());
        var detail = await DetailAsync(Checkout);
        var metric = detail.GetProperty("widgets").EnumerateArray().Single(w => w.GetProperty("id").GetString() == widget.ToString());
        Assert.Equal("Completion", metric.GetProperty("title").GetString());
        Assert.Equal(70m, metric.GetProperty("content").GetProperty("target").GetDecimal());
        Assert.Equal(60m, metric.GetProperty("content").GetProperty("warningThreshold").GetDecimal());
    }

    [Fact]
    public async Task Text_is_kept_exactly_on_create_and_on_change()
    {
        using var created = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = "  padded  ", channels = new[] { "in-store, pickup", " spaced " } }, null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = JourneyPath + "/activities/" + (await created.JsonAsync()).GetProperty("id").GetString();

        using (var changed = await SendAsync(_client, HttpMethod.Put, path, new { owner = "  Sara  ", team = "Ops" }, null))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        var activity = await ActivityAsync(path);
        Assert.Equal("  padded  ", activity.GetProperty("name").GetString());
        Assert.Equal("  Sara  ", activity.GetProperty("owner").GetString());
        Assert.Equal(["in-store, pickup", " spaced "], activity.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToArray());

        using var renamed = await SendAsync(_client, HttpMethod.Put, path, new { name = " again ", channels = new[] { "a ", " b" } }, null);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        activity = await ActivityAsync(path);
        Assert.Equal(" again ", activity.GetProperty("name").GetString());
        Assert.Equal(["a ", " b"], activity.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToArray());
    }

    [Theory]
    [InlineData("POST", "/activities", "name", "{\"phaseId\":\"PHASE\",\"name\":\"a\\u0000b\\u0007c\"}", "U+0000 at position 2")]
    [InlineData("POST", "/activities", "name", "{\"phaseId\":\"PHASE\",\"name\":\"\\u202Eevil.exe txt\\u202C\"}", "U+202E at position 1")]
    [InlineData("PUT", "/activities/CHECKOUT", "name", "{\"name\":\"a\\u0007\"}", "U+0007 at position 2")]
    [InlineData("PUT", "/activities/CHECKOUT", "owner", "{\"owner\":\"Sara\\u202E\"}", "U+202E at position 5")]
    [InlineData("PUT", "/activities/CHECKOUT", "team", "{\"team\":\"Ops\\n\"}", "U+000A at position 4")]
    [InlineData("PUT", "/activities/CHECKOUT", "channels", "{\"channels\":[\"web\",\"sh\\u0000op\"]}", "U+0000 at position 3")]
    [InlineData("PUT", "/activities/CHECKOUT", "description", "{\"description\":\"one\\ntwo\\u0000\"}", "U+0000 at position 8")]
    [InlineData("POST", "/phases", "name", "{\"name\":\"Ph\\u0085ase\"}", "U+0085 at position 3")]
    [InlineData("POST", "/personas", "name", "{\"name\":\"\\u202Dx\"}", "U+202D at position 1")]
    public async Task A_control_or_bidi_override_character_is_refused_naming_the_field(string method, string route, string field, string json, string where)
    {
        var version = await ETagAsync(_client);
        var path = JourneyPath + route.Replace("CHECKOUT", SampleIds.Activity("Checkout").ToString(), StringComparison.Ordinal);

        using var response = await SendJsonAsync(new HttpMethod(method), path, json.Replace("PHASE", SampleIds.Phase("See").ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Contains(where + "; remove it", message, StringComparison.Ordinal);
        Assert.Equal(version, await ETagAsync(_client));
    }

    [Fact]
    public async Task Text_with_a_tab_or_line_break_is_kept_in_a_description()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, Checkout, "{\"description\":\"one\\ttwo\\r\\nthree\"}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("one\ttwo\r\nthree", (await ActivityAsync(Checkout)).GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("{\"name\":\"Cart\"", "The body is not valid JSON at line 1")]
    [InlineData("{\"name\":\"x\",}", "The body is not valid JSON at line 1")]
    [InlineData("[1,2]", "The body must be one JSON object")]
    public async Task A_body_that_is_not_a_json_object_is_blamed_on_the_body(string json, string start)
    {
        using var response = await SendJsonAsync(HttpMethod.Put, Checkout, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["body"], errors.EnumerateObject().Select(e => e.Name).ToArray());
        Assert.StartsWith(start, errors.GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_nested_5000_levels_deep_is_blamed_on_the_body()
    {
        var json = "{\"name\":" + new string('[', 5000) + new string(']', 5000) + "}";

        using var response = await SendJsonAsync(HttpMethod.Put, Checkout, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body is not valid JSON at line 1", (await response.JsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"name\":\"A\",\"name\":\"B\"}", "name", "The member 'name' is sent twice")]
    [InlineData("{\"name\":\"A\",\"Name\":\"B\"}", "Name", "The member 'Name' is sent twice")]
    [InlineData("{\"nmae\":\"A\"}", "nmae", "'nmae' is not a member this endpoint takes")]
    [InlineData("{\"name\":42}", "name", "The value of 'name' is not of the expected type (got a number)")]
    public async Task Duplicate_unknown_and_mistyped_members_are_refused_naming_the_member(string json, string field, string start)
    {
        var version = await ETagAsync(_client);

        using var response = await SendJsonAsync(HttpMethod.Put, Checkout, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(start, (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(version, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_number_sent_as_text_is_refused_naming_the_member()
    {
        using var response = await SendJsonAsync(HttpMethod.Put, JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Checkout completion"), "{\"target\":\"80\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The value of 'target' is not of the expected type (got text)", (await response.JsonAsync()).GetProperty("errors").GetProperty("target")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PutJsonAsync(string path, string json) => await SendJsonAsync(HttpMethod.Put, path, json);

    private async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await _client.SendAsync(request);
    }

    private async Task<JsonElement> DetailAsync(string path) => (await GetAsync(_client, path)).Body;

    private async Task<JsonElement> ActivityAsync(string path) => (await DetailAsync(path)).GetProperty("activity");
}
