using System;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Two people working on one journey, each from the version they loaded: only a change to the same thing blocks the other.</summary>
public sealed partial class ConcurrentCommandTests : IDisposable
{
    private static readonly object SupportCallWarning = new { rule = "metric.threshold", subject = "metric:" + SampleIds.Widget("Support call", "Average wait"), note = "Callback option ships next week" };

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _ana;
    private readonly HttpClient _ben;

    public ConcurrentCommandTests()
    {
        _ana = _factory.CreateClient();
        _ana.DefaultRequestHeaders.Add("X-Actor", "Ana Costa");
        _ben = _factory.CreateClient();
        _ben.DefaultRequestHeaders.Add("X-Actor", "Ben Okafor");
    }

    public void Dispose()
    {
        _ana.Dispose();
        _ben.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Acknowledging_a_warning_after_a_colleague_recorded_a_value_on_another_activity_is_applied()
    {
        var loaded = await ETagAsync(_ben);
        using (var recorded = await SendAsync(_ana, HttpMethod.Post, $"{JourneyPath}/widgets/{SampleIds.Widget("Payment", "Payment failures")}/observations", new { date = "2026-04-05", value = 3 }, await ETagAsync(_ana)))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using var response = await SendAsync(_ben, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", SupportCallWarning, loaded);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version(loaded) + 2, (await response.JsonAsync()).GetProperty("version").GetInt64());
        var (acknowledged, _) = await GetAsync(_ben, JourneyPath + "/warnings?state=acknowledged");
        Assert.Contains(acknowledged.EnumerateArray(), w => w.GetProperty("handledBy").GetString() == "Ben Okafor");
    }

    [Fact]
    public async Task Acknowledging_a_warning_whose_metric_a_colleague_just_measured_is_refused_naming_who_what_and_when()
    {
        var loaded = await ETagAsync(_ben);
        using (var recorded = await SendAsync(_ana, HttpMethod.Post, $"{JourneyPath}/widgets/{SampleIds.Widget("Support call", "Average wait")}/observations", new { date = "2026-04-05", value = 9 }, loaded))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using var response = await SendAsync(_ben, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", SupportCallWarning, loaded);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Someone changed this part of the journey meanwhile.", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Matches(@"^Ana Costa recorded a value of 'Average wait' at 09:\d\d UTC on 5 Apr 2026\. Reload the journey and try again\. Nothing was changed\.$", detail);
        Assert.DoesNotMatch(Guid(), detail);
        Assert.Equal(Version(loaded) + 1, problem.GetProperty("currentVersion").GetInt64());
        var (acknowledged, _) = await GetAsync(_ben, JourneyPath + "/warnings?state=acknowledged");
        Assert.Equal(0, acknowledged.GetArrayLength());
    }

    [Fact]
    public async Task Editing_two_different_activities_from_one_version_applies_both()
    {
        var loaded = await ETagAsync(_ana);

        using var first = await SendAsync(_ana, HttpMethod.Put, $"{JourneyPath}/activities/{SampleIds.Activity("Cart")}", Activity("Basket"), loaded);
        using var second = await SendAsync(_ben, HttpMethod.Put, $"{JourneyPath}/activities/{SampleIds.Activity("Delivery")}", Activity("Parcel delivery"), loaded);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var (journey, _) = await GetAsync(_ana, JourneyPath);
        Assert.Contains(journey.GetProperty("activities").EnumerateArray(), a => a.GetProperty("name").GetString() == "Basket");
        Assert.Contains(journey.GetProperty("activities").EnumerateArray(), a => a.GetProperty("name").GetString() == "Parcel delivery");
    }

    [Fact]
    public async Task Recording_a_value_on_a_widget_of_an_activity_a_colleague_removed_is_refused_as_a_conflict()
    {
        var loaded = await ETagAsync(_ana);
        using (var removed = await SendAsync(_ana, HttpMethod.Delete, $"{JourneyPath}/activities/{SampleIds.Activity("Checkout")}", new { reason = "merged into Cart" }, loaded))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        using var response = await SendAsync(_ben, HttpMethod.Post, $"{JourneyPath}/widgets/{SampleIds.Widget("Payment", "Payment failures")}/observations", new { date = "2026-04-05", value = 3 }, loaded);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.StartsWith("Ana Costa removed activity 'Checkout' at ", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static object Activity(string name) =>
        new { name, kind = "milestone", status = "active", owner = "Eva Novak", team = "Logistics", channels = new[] { "web" } };

    private static long Version(string etag) => long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
