using System;
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
/// What the web sample reads from a request and refuses, naming the member: names nobody can see, lengths counted in
/// characters (an emoji is one), numbers a metric value cannot hold exactly, observation dates outside 1900-01-01 to
/// tomorrow, and a persona in use named (never its id) in the refusal.
/// </summary>
public sealed class InputRulesApiTests : IDisposable
{
    private static readonly string Checkout = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");
    private static readonly string Observations = $"{JourneyPath}/widgets/{SampleIds.Widget("Payment", "Payment failures")}/observations";

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public InputRulesApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u200C\u200D\u2060\uFEFF")]
    [InlineData("\u00AD\uFE0F\u0301")]
    public async Task A_name_with_no_visible_character_is_refused_under_name_and_changes_nothing(string name)
    {
        var etag = await ETagAsync(_client);

        using var response = await SendAsync(_client, HttpMethod.Put, Checkout, new { name }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The activity name has no visible character (only white space, format characters such as U+200B or combining marks); type a name.", (await response.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(etag, await ETagAsync(_client));
    }

    [Theory]
    [InlineData(500, HttpStatusCode.OK)]
    [InlineData(501, HttpStatusCode.BadRequest)]
    public async Task A_name_of_emoji_is_counted_in_characters_not_utf16_units(int count, HttpStatusCode expected)
    {
        var name = string.Concat(Enumerable.Repeat("\U0001F680", count));

        using var response = await SendAsync(_client, HttpMethod.Put, Checkout, new { name }, null);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("Keep it to 500 characters; this one has 501.", (await response.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
        }
    }

    [Theory]
    [InlineData("0.12345678901234567890123456789012", "The number 0.123456789012345678… has more than 28 decimal places (trailing zeros count: a value keeps them as written); a value holds at most 28 decimal places: round it. Nothing was changed.")]
    [InlineData("1e-40", "The number 1e-40 has more than 28 decimal places (trailing zeros count: a value keeps them as written); a value holds at most 28 decimal places: round it. Nothing was changed.")]
    [InlineData("1e30", "The number 1e30 is out of range: a value lies between -79,228,162,514,264,337,593,543,950,335 and 79,228,162,514,264,337,593,543,950,335. Nothing was changed.")]
    [InlineData("123456789012345.12345678901234567", "The number 123456789012345.1234… has more digits than a value holds: read without its point (trailing zeros included), they must not exceed 79,228,162,514,264,337,593,543,950,335, so at most 28 or 29 digits: round it. Nothing was changed.")]
    public async Task A_value_a_decimal_cannot_hold_exactly_is_refused_under_value_not_rounded(string number, string message)
    {
        var etag = await ETagAsync(_client);

        using var response = await PostRawAsync(Observations, $$"""{"date":"2026-04-05","value":{{number}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.JsonAsync()).GetProperty("errors").GetProperty("value")[0].GetString());
        Assert.Equal(etag, await ETagAsync(_client));
    }

    [Theory]
    [InlineData("1899-12-31")]
    [InlineData("2026-04-07")]
    public async Task An_observation_dated_outside_1900_to_tomorrow_is_refused_with_the_range(string date)
    {
        using var response = await PostRawAsync(Observations, $$"""{"date":"{{date}}","value":3}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The date {date} is outside the range observations take: from 1900-01-01 to 2026-04-06 (tomorrow in UTC, for time zones ahead of it). Record a value on the day it was measured.", (await response.JsonAsync()).GetProperty("errors").GetProperty("date")[0].GetString());
    }

    [Fact]
    public async Task A_value_with_28_decimal_places_is_kept_exactly()
    {
        using var response = await PostRawAsync(Observations, """{"date":"2026-04-06","value":3.0000000000000000000000000001}""");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var detail = (await GetAsync(_client, JourneyPath + "/activities/" + SampleIds.Activity("Payment"))).Body.GetRawText();
        Assert.Contains("3.0000000000000000000000000001", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persona_in_use_is_named_in_the_refusal_without_ids()
    {
        var persona = SampleIds.Persona("First-time buyer");

        using var response = await _client.DeleteAsync(JourneyPath + "/personas/" + persona);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Persona 'First-time buyer' is still used by emotion widget '", text, StringComparison.Ordinal);
        Assert.DoesNotContain(persona.ToString(), text.Replace("personas/" + persona, "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Property(MaxTest = 300)]
    public bool Every_decimal_written_as_json_reads_back_exactly_and_one_more_place_past_28_is_refused(decimal value)
    {
        var json = value.ToString(CultureInfo.InvariantCulture);
        var kept = ExactDecimalConverter.Problem(json) is null
            && JsonSerializer.Deserialize<decimal>(json, new JsonSerializerOptions { Converters = { new ExactDecimalConverter() } }) == value;
        var tooFine = (json.Contains('.', StringComparison.Ordinal) ? json : json + ".") + new string('0', 28) + "1";
        return kept && ExactDecimalConverter.Problem(tooFine) is not null;
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await _client.SendAsync(request);
    }
}
