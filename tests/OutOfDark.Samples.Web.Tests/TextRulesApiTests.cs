using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
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
/// The web sample's text rules at the HTTP edge: one length limit per kind of text (names 500, free text 10,000,
/// X-Actor 200), each refused naming the member or header; If-Match compared strongly (a weak tag is 412); a removal
/// with no body at all.
/// </summary>
public sealed class TextRulesApiTests : IDisposable
{
    private static readonly string Checkout = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public TextRulesApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Property]
    public bool A_string_is_refused_under_its_json_path_exactly_when_it_is_longer_than_its_members_limit(bool text, int over)
    {
        var member = text ? "description" : "name";
        var limit = text ? TextLimits.Text : TextLimits.Name;
        var length = limit + Math.Clamp(over, -3, 3);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { entries = new[] { new Dictionary<string, string> { [member] = new string('x', length) } } });

        var errors = JsonTextCheck.Scan(json, 64).TooLong;

        var key = $"entries[0].{member}";
        return errors.ContainsKey(key) == length > limit
            && errors.Count == (length > limit ? 1 : 0)
            && (length <= limit || errors[key][0] == string.Create(CultureInfo.InvariantCulture, $"Keep it to {limit:N0} characters; this one has {length:N0}."));
    }

    [Theory]
    [InlineData("name", 500, HttpStatusCode.OK)]
    [InlineData("name", 501, HttpStatusCode.BadRequest)]
    [InlineData("owner", 501, HttpStatusCode.BadRequest)]
    [InlineData("description", 10_000, HttpStatusCode.OK)]
    [InlineData("description", 10_001, HttpStatusCode.BadRequest)]
    public async Task A_change_over_its_fields_limit_is_refused_naming_the_field_and_changes_nothing(string field, int length, HttpStatusCode expected)
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Put, Checkout, new Dictionary<string, string> { [field] = new string('a', length) }, null);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var limit = field == "description" ? "10,000" : "500";
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Keep it to {limit} characters; this one has {length:N0}."), (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
            Assert.Equal(etag, await ETagAsync(_client));
        }
    }

    [Fact]
    public async Task A_feedback_quote_over_the_limit_is_refused_at_its_path()
    {
        var body = new { kind = "feedback", title = "Voices", entries = new[] { new { source = "Chat", quote = new string('q', 10_001), sentiment = "neutral", date = "2026-04-01" } } };

        using var response = await SendAsync(_client, HttpMethod.Post, Checkout + "/widgets", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Keep it to 10,000 characters; this one has 10,001.", (await response.JsonAsync()).GetProperty("errors").GetProperty("entries[0].quote")[0].GetString());
    }

    [Theory]
    [InlineData(200, HttpStatusCode.OK)]
    [InlineData(201, HttpStatusCode.BadRequest)]
    public async Task An_x_actor_over_200_characters_is_refused_naming_the_header_and_never_replaced(int length, HttpStatusCode expected)
    {
        var etag = await ETagAsync(_client);
        var actor = new string('n', length);
        using var request = new HttpRequestMessage(HttpMethod.Put, Checkout) { Content = new StringContent("""{"owner":"Ana"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Actor", actor);

        using var response = await _client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.StartsWith("The X-Actor header is the name shown in the history: keep it to 200 characters; this one has 201.", (await response.JsonAsync()).GetProperty("errors").GetProperty("X-Actor")[0].GetString(), StringComparison.Ordinal);
            Assert.Equal(etag, await ETagAsync(_client));
        }
        else
        {
            var history = (await GetAsync(_client, JourneyPath + "/history?limit=1")).Body.GetProperty("items")[0];
            Assert.Equal(actor, history.GetProperty("actor").GetString());
        }
    }

    [Property]
    public bool An_x_actor_is_refused_exactly_when_it_holds_a_control_or_bidi_override_character(char c)
    {
        var problem = TextLimits.ActorProblem("Ana" + c + "Lind");
        var refused = char.IsControl(c) || c is >= '\u202A' and <= '\u202E';
        return (problem is not null) == refused && (!refused || problem!.Contains($"U+{(int)c:X4} at position 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_weak_if_match_never_matches_so_the_change_is_refused_with_412_and_nothing_changes()
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Put, Checkout, new { owner = "Ana" }, "W/" + etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("weak tag (W/", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(etag, await ETagAsync(_client));
        using var strong = await SendAsync(_client, HttpMethod.Put, Checkout, new { owner = "Ana" }, etag);
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("""{"reason":"not needed"}""")]
    public async Task A_removal_takes_no_body_an_empty_body_or_a_json_body_with_a_reason(string? body)
    {
        string persona;
        using (var added = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/personas", new { name = "Temporary" }, null))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            persona = (await added.JsonAsync()).GetProperty("id").GetString()!;
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, JourneyPath + "/personas/" + persona);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var personas = (await GetAsync(_client, JourneyPath)).Body.GetProperty("personas").EnumerateArray().Select(p => p.GetProperty("id").GetString());
        Assert.DoesNotContain(persona, personas);
    }
}
