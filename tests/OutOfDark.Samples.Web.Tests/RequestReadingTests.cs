using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Api;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// How the web API reads numbers of whole-number members, the bulk action, X-Actor, the warnings query's list
/// parameters and a warning's segment: each refusal names its member or parameter and says what it takes, and nothing
/// changes.
/// </summary>
public sealed class RequestReadingTests : IDisposable
{
    private static readonly string SupportCall = "metric:" + SampleIds.Widget("Support call", "Average wait");
    private static readonly string Checkout = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public RequestReadingTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("/warnings/snooze", "\"days\":2147483648", "days", "from 1 to 365", "2147483648")]
    [InlineData("/warnings/snooze", "\"days\":365.5", "days", "from 1 to 365", "365.5")]
    [InlineData("/warnings/snooze", "\"days\":1e300", "days", "from 1 to 365", "1e300")]
    public async Task A_number_a_whole_number_member_cannot_hold_says_the_range(string path, string member, string field, string range, string got)
    {
        var before = await ETagAsync(_client);

        using var response = await PostRawAsync(JourneyPath + path, $$"""{"rule":"metric.threshold","subject":"{{SupportCall}}",{{member}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The value of '{field}' must be a whole number {range}, written without a point or exponent (got {got}).", (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Theory]
    [InlineData("1e3", "1e3")]
    [InlineData("1.5", "1.5")]
    [InlineData("-1", "-1")]
    public async Task A_position_that_is_not_a_whole_number_from_0_says_the_range_not_required(string position, string got)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, JourneyPath + "/personas/" + SampleIds.Persona("Gift shopper") + "/position")
        {
            Content = new StringContent($$"""{"position":{{position}}}""", Encoding.UTF8, "application/json"),
        };

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith($"The value of 'position' must be a whole number from 0 to 2147483647, written without a point or exponent (got {got})", (await response.JsonAsync()).GetProperty("errors").GetProperty("position")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_as_is_score_with_a_fraction_says_the_scale()
    {
        using var response = await PostRawAsync(Checkout + "/widgets", $$"""{"kind":"emotion","title":"Mood","persona":"{{SampleIds.Persona("Gift shopper")}}","asIs":1.5}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The value of 'asIs' must be a whole number from -2 to 2, written without a point or exponent (got 1.5).", (await response.JsonAsync()).GetProperty("errors").GetProperty("asIs")[0].GetString());
    }

    [Fact]
    public async Task A_bulk_item_sent_as_text_says_it_got_text()
    {
        using var response = await PostRawAsync(JourneyPath + "/warnings/bulk", """{"action":"acknowledge","warnings":["metric.threshold"]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("(got text)", (await response.JsonAsync()).GetProperty("errors").GetProperty("warnings[0]")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Acknowledge")]
    [InlineData("ACKNOWLEDGE")]
    public async Task The_bulk_action_is_read_in_any_case_as_every_enum(string action)
    {
        var body = new { action, warnings = new[] { new { rule = "metric.threshold", subject = SupportCall } } };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_bulk_action_with_spaces_is_refused_naming_action()
    {
        var body = new { action = " acknowledge", warnings = new[] { new { rule = "metric.threshold", subject = SupportCall } } };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("action", out _));
    }

    [Fact]
    public async Task An_x_actor_sent_empty_is_refused_before_the_command_runs()
    {
        // The server drops the spaces around a header's value, so "X-Actor:" and "X-Actor:   " both arrive as one empty
        // value; the test client would not send an empty header, so the filter is called as the server would.
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "PUT";
        context.Request.Headers["X-Actor"] = "";
        var ran = false;

        var result = await new JsonCommandFilter().InvokeAsync(
            new Microsoft.AspNetCore.Http.DefaultEndpointFilterInvocationContext(context),
            _ =>
            {
                ran = true;
                return ValueTask.FromResult<object?>(null);
            });

        Assert.False(ran);
        var problem = Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>(result);
        var details = Assert.IsType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>(problem.ProblemDetails);
        Assert.StartsWith("The X-Actor header is empty (or only spaces)", details.Errors["X-Actor"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_x_actor_of_spaces_is_refused_not_replaced_by_the_default()
    {
        const string actor = "   ";
        var before = await ETagAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Put, Checkout) { Content = new StringContent("{\"name\":\"Checkout\"}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Actor", actor);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The X-Actor header is ", (await response.JsonAsync()).GetProperty("errors").GetProperty("X-Actor")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Fact]
    public void X_actor_bytes_that_are_not_utf8_reach_the_api_and_are_refused_naming_utf8()
    {
        var decoded = TextLimits.HeaderEncoding("x-actor")!.GetString([0x41, 0xFF, 0xFE]);

        Assert.StartsWith("The X-Actor header is not valid UTF-8", TextLimits.ActorProblem(decoded), StringComparison.Ordinal);
        Assert.Null(TextLimits.HeaderEncoding("Accept"));
        Assert.Null(TextLimits.ActorProblem(TextLimits.HeaderEncoding("X-Actor")!.GetString(Encoding.UTF8.GetBytes("José Ñúñez"))));
    }

    [Theory]
    [InlineData("severity=critical%20", "severity")]
    [InlineData("severity=critical,,warning", "severity")]
    [InlineData("severity=", "severity")]
    [InlineData("state=", "state")]
    [InlineData("state=open,", "state")]
    public async Task A_warnings_query_with_an_empty_or_padded_name_is_refused_naming_the_parameter(string query, string field)
    {
        using var response = await _client.GetAsync(JourneyPath + "/warnings?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Warnings_query_names_separated_by_single_commas_are_read()
    {
        using var response = await _client.GetAsync(JourneyPath + "/warnings?severity=critical,Warning&state=open");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_segment_dimension_given_twice_is_named()
    {
        using var response = await PostRawAsync(JourneyPath + "/warnings/acknowledge", $$$"""{"rule":"metric.threshold","subject":"{{{SupportCall}}}","segment":{"region":"DE","region":"FR"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'region' is given twice in segment; give it once.", (await response.JsonAsync()).GetProperty("errors").GetProperty("segment")[0].GetString());
    }

    [Theory]
    [InlineData("a\u2066", "The segment's value for 'region' contains a bidi isolate U+2066 at position 2 that is never closed; close it with U+2069 or remove it.")]
    [InlineData("\U0001F680\u0007", "The segment's value for 'region' contains a control character U+0007 at position 2; remove it.")]
    [InlineData("a\u2069", "The segment's value for 'region' contains a bidi isolate end U+2069 at position 2 with no isolate open; remove it, or open the isolate before it (U+2066–U+2068).")]
    public async Task A_segment_value_a_name_could_not_hold_is_refused_with_its_position_in_characters(string value, string message)
    {
        var body = new { rule = "metric.threshold", subject = SupportCall, segment = new { region = value } };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync()).GetProperty("errors").GetProperty("segment")[0].GetString());
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await _client.SendAsync(request);
    }
}
