using System;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The report export in the reader's zone and language: <c>?tz=</c> and <c>?culture=</c>, validated.</summary>
public sealed class ExportReportZoneTests : IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public ExportReportZoneTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static string Generated(string html) =>
        Regex.Match(html, "generated <time datetime=\"[^\"]+\">([^<]+)</time>").Groups[1].Value;

    [Fact]
    public async Task The_report_shows_its_times_in_the_zone_named_by_tz_and_in_UTC_without_it()
    {
        var utc = await _client.GetStringAsync(JourneyPath + "/export/report");
        var newYork = await _client.GetStringAsync(JourneyPath + "/export/report?tz=America/New_York&culture=en-US");

        Assert.EndsWith(" UTC", Generated(utc), StringComparison.Ordinal);
        Assert.Matches(" E[SD]T$", Generated(newYork));
        Assert.DoesNotMatch(new Regex(">[^<]*\\d{4}-\\d{2}-\\d{2}"), Regex.Replace(newYork, "<(style|script)[^>]*>.*?</\\1>", "", RegexOptions.Singleline));
    }

    [Theory]
    [InlineData("tz=Mars/Olympus_Mons", "tz")]
    [InlineData("culture=not%20a%20language", "culture")]
    public async Task An_unknown_zone_or_a_malformed_culture_is_400_naming_the_parameter(string query, string parameter)
    {
        using var response = await _client.GetAsync(JourneyPath + "/export/report?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out var messages), $"The 400 does not name '{parameter}'.");
        Assert.Contains("leave " + parameter + " out", messages[0].GetString(), StringComparison.Ordinal);
    }
}
