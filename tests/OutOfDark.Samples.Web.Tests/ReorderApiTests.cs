using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The reorder endpoints (ReorderApi): an activity's place among its siblings, a persona's place.</summary>
public sealed class ReorderApiTests : IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public ReorderApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private static string Place(string activity) => JourneyPath + "/activities/" + SampleIds.Activity(activity) + "/place";

    private static string Position(string persona) => JourneyPath + "/personas/" + SampleIds.Persona(persona) + "/position";

    private static string[] Names(JsonElement journey, string list, Func<JsonElement, bool>? where = null) =>
        journey.GetProperty(list).EnumerateArray().Where(where ?? (_ => true)).Select(e => e.GetProperty("name").GetString()!).ToArray();

    private static bool TopLevelInDo(JsonElement a) =>
        a.GetProperty("phaseId").GetString() == SampleIds.Phase("Do").ToString() && a.GetProperty("parentId").ValueKind == JsonValueKind.Null;

    [Fact]
    public async Task An_activity_and_a_persona_take_the_place_asked_for()
    {
        using (var moved = await SendAsync(_client, HttpMethod.Put, Place("Delivery"), new { position = 0 }, await ETagAsync(_client)))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        using (var moved = await SendAsync(_client, HttpMethod.Put, Position("Gift shopper"), new { position = 0 }, await ETagAsync(_client)))
        {
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        var (journey, _) = await GetAsync(_client, JourneyPath);
        Assert.Equal(["Delivery", "Cart", "Checkout"], Names(journey, "activities", TopLevelInDo));
        Assert.Equal(["Gift shopper", "First-time buyer", "Loyal customer"], Names(journey, "personas"));
    }

    [Fact]
    public async Task A_place_out_of_range_is_refused_on_position_naming_the_places_allowed_without_ids()
    {
        using var response = await SendAsync(_client, HttpMethod.Put, Place("Delivery"), new { position = 7 }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await response.JsonAsync()).GetProperty("errors").GetProperty("position").EnumerateArray()).GetString();
        Assert.Equal("Activity 'Delivery' cannot move to position 7: phase 'Do' has 3 activities at the top level, so use 0 to 2.", message);
    }

    [Fact]
    public async Task A_persona_place_out_of_range_is_refused_on_position()
    {
        using var response = await SendAsync(_client, HttpMethod.Put, Position("Gift shopper"), new { position = 3 }, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await response.JsonAsync()).GetProperty("errors").GetProperty("position").EnumerateArray()).GetString();
        Assert.Equal("Persona 'Gift shopper' cannot move to position 3: the journey has 3 personas, so use 0 to 2.", message);
    }

    [Fact]
    public async Task A_stale_reorder_is_refused_only_when_someone_changed_the_same_siblings()
    {
        var seen = await ETagAsync(_client);
        using (var elsewhere = await SendAsync(_client, HttpMethod.Put, Place("Payment"), new { position = 1 }, seen))
        {
            Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        }

        // Payment's siblings are under Checkout: Ana's stale move among the top level of Do still means what she saw.
        using (var unrelated = await SendAsync(_client, HttpMethod.Put, Place("Delivery"), new { position = 0 }, seen))
        {
            Assert.Equal(HttpStatusCode.OK, unrelated.StatusCode);
        }

        using var same = await SendAsync(_client, HttpMethod.Put, Place("Cart"), new { position = 2 }, seen);
        Assert.Equal(HttpStatusCode.PreconditionFailed, same.StatusCode);
    }
}
