using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OutOfDark.Samples.Web.Hosting;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The bulk warning endpoint answers refusals as every command endpoint does (JourneyApi.ExecuteAsync): 404 for an
/// unknown journey, 501 when the hosting cannot run the command (an Orleans cluster's grain API has no bulk command).
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

    [Fact]
    public async Task A_bulk_request_the_cluster_hosting_cannot_run_is_501_and_changes_nothing()
    {
        // The live journeys behind the cluster's command translation: the bulk command has no grain command.
        using var cluster = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IJourneyAccess>(sp => new ClusterCommandsOnly(sp.GetRequiredService<LiveJourneys>()))));
        using var client = cluster.CreateClient();
        var (open, etag) = await GetAsync(client, JourneyPath + "/warnings?state=open");

        using var response = await SendAsync(client, HttpMethod.Post, JourneyPath + "/warnings/bulk", new { action = "acknowledge", warnings = Items(open) }, etag);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Not available in this hosting.", problem.GetProperty("title").GetString());
        Assert.Contains("HandleWarningsCommand", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(etag, await ETagAsync(client));
    }

    private sealed class ClusterCommandsOnly(IJourneyAccess inner) : IJourneyAccess
    {
        public OutOfDark.WorkspaceId Workspace => inner.Workspace;

        public Task<IReadOnlyList<OutOfDark.JourneySummary>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task<T> ReadAsync<T>(OutOfDark.JourneyId id, Func<JourneyReading, T> read, CancellationToken cancellationToken) => inner.ReadAsync(id, read, cancellationToken);

        public Task<IReadOnlyList<OutOfDark.Events.JourneyEvent>> ReadEventsAsync(OutOfDark.JourneyId id, CancellationToken cancellationToken) => inner.ReadEventsAsync(id, cancellationToken);

        public Task<long> ExecuteAsync(OutOfDark.JourneyId id, long? expectedVersion, JourneyCommand command, CancellationToken cancellationToken)
        {
            _ = GrainJourneyAccess.ToGrainCommand(command);
            return inner.ExecuteAsync(id, expectedVersion, command, cancellationToken);
        }
    }
}
