using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Changing a flow's label through the API: one history entry, the flow's id and ends kept.</summary>
public sealed class FlowRelabelApiTests : IDisposable
{
    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public FlowRelabelApiTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Relabelling_a_flow_keeps_its_id_and_ends_and_makes_one_history_entry()
    {
        var (journey, _) = await GetAsync(_client, JourneyPath);
        var flow = journey.GetProperty("flows").EnumerateArray().First(f => f.GetProperty("label").ValueKind == JsonValueKind.String);
        var id = flow.GetProperty("id").GetString()!;
        var old = flow.GetProperty("label").GetString();
        var flowCount = journey.GetProperty("flows").GetArrayLength();
        var (before, _) = await GetAsync(_client, JourneyPath + "/history?limit=1");

        using (var response = await SendAsync(_client, HttpMethod.Put, JourneyPath + "/flows/" + id, new { label = "goes on to pay", reason = "clearer" }, null))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (after, _) = await GetAsync(_client, JourneyPath);
        var flows = after.GetProperty("flows").EnumerateArray().ToList();
        Assert.Equal(flowCount, flows.Count);
        var relabelled = flows.Single(f => f.GetProperty("id").GetString() == id);
        Assert.Equal("goes on to pay", relabelled.GetProperty("label").GetString());
        Assert.Equal(flow.GetProperty("from").GetRawText(), relabelled.GetProperty("from").GetRawText());
        Assert.Equal(flow.GetProperty("to").GetRawText(), relabelled.GetProperty("to").GetRawText());

        var (history, _) = await GetAsync(_client, JourneyPath + "/history?limit=2");
        Assert.Equal(before.GetProperty("total").GetInt32() + 1, history.GetProperty("total").GetInt32());
        var entry = history.GetProperty("items")[0];
        Assert.Equal(1, entry.GetProperty("count").GetInt32());
        Assert.StartsWith("Relabelled the flow from ", entry.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($": \"{old}\" → \"goes on to pay\"", entry.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("clearer", entry.GetProperty("reason").GetString());
    }
}
