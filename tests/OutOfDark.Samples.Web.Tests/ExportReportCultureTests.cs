using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The report export's figures in the culture named by <c>?culture=</c>: the sample runs with ICU's culture data, so
/// de-DE writes a decimal comma and a dot between thousands, en-GB a comma between thousands.
/// </summary>
public sealed class ExportReportCultureTests : IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public ExportReportCultureTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static string[] Latest(string html) =>
        [.. Regex.Matches(html, "<span class=\"latest\">([^<]+)</span>").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task In_German_metric_values_and_thresholds_have_a_decimal_comma_and_grouped_thousands()
    {
        var html = await _client.GetStringAsync(JourneyPath + "/export/report?culture=de-DE");

        var latest = Latest(html);
        Assert.Contains(latest, v => Regex.IsMatch(v, @"^\d{1,3}(\.\d{3})+ visitors$"));
        Assert.Contains(latest, v => Regex.IsMatch(v, @"^\d+,\d+ EUR$"));
        Assert.Contains(latest, v => Regex.IsMatch(v, @"^\d+,\d+ %$"));
        Assert.Matches(@"warning at \d{1,3}\.\d{3},\d", html);
    }

    [Fact]
    public async Task In_British_English_thousands_are_grouped_with_a_comma()
    {
        var html = await _client.GetStringAsync(JourneyPath + "/export/report?culture=en-GB");

        var latest = Latest(html);
        Assert.Contains(latest, v => Regex.IsMatch(v, @"^\d{1,3}(,\d{3})+ visitors$"));
        Assert.Contains(latest, v => Regex.IsMatch(v, @"^\d+\.\d+ EUR$"));
        Assert.Matches(@"warning at \d{1,3},\d{3}\.\d", html);
    }

    [Fact]
    public async Task Without_a_culture_the_figures_stay_invariant()
    {
        var html = await _client.GetStringAsync(JourneyPath + "/export/report");

        Assert.Contains(Latest(html), v => Regex.IsMatch(v, @"^\d{4,} visitors$"));
    }
}
