using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary><c>PUT …/widgets/{widgetId}/observations/{date}</c>: a wrongly recorded value is corrected, not recorded twice.</summary>
public sealed class CorrectObservationApiTests : System.IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public CorrectObservationApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task A_recorded_value_is_corrected_and_a_day_without_a_value_is_404()
    {
        var path = JourneyPath + "/widgets/" + SampleIds.Widget("Checkout", "Checkout completion") + "/observations";
        using (var first = await SendAsync(_client, HttpMethod.Post, path, new { date = "2026-04-05", value = 71.5m }, await ETagAsync(_client)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using (var corrected = await SendAsync(_client, HttpMethod.Put, path + "/2026-04-05", new { value = 62.25m, reason = "typo" }, await ETagAsync(_client)))
        {
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        }

        var (detail, _) = await GetAsync(_client, JourneyPath + "/activities/" + SampleIds.Activity("Checkout"));
        var metric = detail.GetProperty("widgets").EnumerateArray().First(w => w.GetProperty("title").GetString() == "Checkout completion");
        var latest = metric.GetProperty("content").GetProperty("latest");
        Assert.Equal("2026-04-05", latest.GetProperty("date").GetString());
        Assert.Equal(62.25m, latest.GetProperty("value").GetDecimal());

        using var missing = await SendAsync(_client, HttpMethod.Put, path + "/1990-01-01", new { value = 1 }, await ETagAsync(_client));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("no value on 1990-01-01", (await missing.JsonAsync()).GetProperty("detail").GetString(), System.StringComparison.Ordinal);

        using var noValue = await SendAsync(_client, HttpMethod.Put, path + "/2026-04-05", new { reason = "x" }, await ETagAsync(_client));
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.True((await noValue.JsonAsync()).GetProperty("errors").TryGetProperty("value", out _));
    }
}
