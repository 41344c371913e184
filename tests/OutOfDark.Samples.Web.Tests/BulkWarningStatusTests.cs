using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The bulk warning endpoint answers refusals as every command endpoint does (JourneyApi.ExecuteAsync): 404 for an
/// unknown journey. (Through an Orleans cluster the bulk command is one ApplyChanges: ClusterSampleTests.)
/// </summary>
public sealed class BulkWarningStatusTests : IDisposable
{
    private readonly WebSampleFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static object[] Items(System.Text.Json.JsonElement warnings) =>
        [.. warnings.EnumerateArray().Take(2).Select(w => new { rule = w.GetProperty("rule").GetString(), subject = w.GetProperty("subjectKind").GetString() + ":" + w.GetProperty("subjectId").GetString() })];

    [Fact]
    public async Task A_bulk_request_for_an_unknown_journey_is_404()
    {
        using var client = _factory.CreateClient();
        var (open, _) = await GetAsync(client, JourneyPath + "/warnings?state=open");

        using var response = await SendAsync(client, HttpMethod.Post, "/api/journeys/" + Guid.NewGuid() + "/warnings/bulk", new { action = "acknowledge", warnings = Items(open) }, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
