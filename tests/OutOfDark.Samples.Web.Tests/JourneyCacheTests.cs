using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Hosting;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>The host's open journeys stay bounded whatever ids are asked for, and journeys dropped from memory still work.</summary>
public sealed class JourneyCacheTests : IAsyncDisposable
{
    // The host the property's cases share: at most two open journeys, three journeys in its store. Made by the first case.
    private ConfiguredWebSampleFactory? _limited;
    private HttpClient? _limitedClient;
    private (JourneyId Id, PhaseId Phase)[]? _limitedJourneys;

    public async ValueTask DisposeAsync()
    {
        _limitedClient?.Dispose();
        if (_limited is not null)
        {
            await _limited.DisposeAsync();
        }
    }

    private async Task<(HttpClient Client, (JourneyId Id, PhaseId Phase)[] Journeys, IJourneyStore Store, LiveJourneys Live)> LimitedHostAsync()
    {
        if (_limited is null || _limitedClient is null || _limitedJourneys is null)
        {
            _limited = new ConfiguredWebSampleFactory(new Dictionary<string, string?> { ["OutOfDark:OpenJourneys"] = "2" });
            _limitedClient = _limited.CreateClient();
            var (second, secondPhase) = await AddSecondJourneyAsync(_limited);
            var (third, thirdPhase) = await AddSecondJourneyAsync(_limited);
            _limitedJourneys = [(OnlineStoreJourney.Id, SampleIds.Phase("See")), (second, secondPhase), (third, thirdPhase)];
        }

        return (_limitedClient, _limitedJourneys, _limited.Services.GetRequiredService<IJourneyStore>(), _limited.Services.GetRequiredService<LiveJourneys>());
    }

    [Fact]
    public async Task Ten_thousand_unknown_journey_ids_leave_nothing_behind()
    {
        await using var factory = new WebSampleFactory();
        using var client = factory.CreateClient();
        await ETagAsync(client);
        var live = factory.Services.GetRequiredService<LiveJourneys>();
        var before = live.Count;

        await Parallel.ForEachAsync(Enumerable.Range(0, 10_000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var path = "/api/journeys/" + Guid.NewGuid() + (i % 3 == 0 ? "/map" : i % 3 == 1 ? "/warnings" : "");
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        });
        using (var command = await SendAsync(client, HttpMethod.Post, "/api/journeys/" + Guid.NewGuid() + "/activities", new { phaseId = SampleIds.Phase("See").ToString(), name = "Nowhere" }, null))
        {
            Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
        }

        Assert.Equal(1, before);
        Assert.Equal(before, live.Count);
        await ETagAsync(client);
    }

    [Fact]
    public async Task With_room_for_one_journey_two_journeys_changed_in_parallel_keep_every_change()
    {
        await using var factory = new ConfiguredWebSampleFactory(new Dictionary<string, string?> { ["OutOfDark:OpenJourneys"] = "1" });
        using var client = factory.CreateClient();
        var (second, secondPhase) = await AddSecondJourneyAsync(factory);
        var paths = new[] { JourneyPath, "/api/journeys/" + second };
        var phases = new[] { SampleIds.Phase("See"), secondPhase };
        var before = await Task.WhenAll(paths.Select(async p => long.Parse((await GetAsync(client, p)).ETag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture)));

        await Parallel.ForEachAsync(Enumerable.Range(0, 40), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            using var response = await SendAsync(client, HttpMethod.Post, paths[i % 2] + "/activities", new { phaseId = phases[i % 2].ToString(), name = "Step " + i }, null);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            using var unknown = await client.GetAsync("/api/journeys/" + Guid.NewGuid());
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        });

        for (var j = 0; j < 2; j++)
        {
            var (journey, etag) = await GetAsync(client, paths[j]);
            Assert.Equal($"\"{before[j] + 20}\"", etag);
            Assert.Equal(20, journey.GetProperty("activities").EnumerateArray().Count(a => a.GetProperty("name").GetString()!.StartsWith("Step ", StringComparison.Ordinal)));
        }

        Assert.Equal(1, factory.Services.GetRequiredService<LiveJourneys>().Count);
    }

    [Fact]
    public async Task A_journey_dropped_from_memory_and_loaded_again_does_not_notify_its_critical_warnings_twice()
    {
        await using var factory = new ConfiguredWebSampleFactory(new Dictionary<string, string?> { ["OutOfDark:OpenJourneys"] = "1" });
        using var client = factory.CreateClient();
        var (second, _) = await AddSecondJourneyAsync(factory);
        await GetAsync(client, JourneyPath);
        var (first, _) = await GetAsync(client, "/api/notifications");
        Assert.NotEqual(0, first.GetArrayLength());

        for (var i = 0; i < 3; i++)
        {
            await GetAsync(client, "/api/journeys/" + second);
            await GetAsync(client, JourneyPath + "/warnings");
        }

        var (again, _) = await GetAsync(client, "/api/notifications");
        Assert.Equal(first.GetArrayLength(), again.GetArrayLength());
    }

    [Fact]
    public async Task A_critical_warning_that_cleared_and_came_back_is_notified_again()
    {
        await using var factory = new WebSampleFactory();
        using var client = factory.CreateClient();
        await GetAsync(client, JourneyPath);
        var wait = JourneyPath + "/widgets/" + SampleIds.Widget("Support call", "Average wait") + "/observations";

        using (var low = await SendAsync(client, HttpMethod.Post, wait, new { date = "2026-04-05", value = 2.5m }, null))
        {
            Assert.Equal(HttpStatusCode.Created, low.StatusCode);
        }

        using (var high = await SendAsync(client, HttpMethod.Post, wait, new { date = "2026-04-06", value = 9.5m }, null))
        {
            Assert.Equal(HttpStatusCode.Created, high.StatusCode);
        }

        var (notifications, _) = await GetAsync(client, "/api/notifications");
        var keys = notifications.EnumerateArray().Select(n => n.GetProperty("key").GetString()).ToList();
        Assert.Equal(["metric.threshold@metric:" + SampleIds.Widget("Support call", "Average wait"), "metric.threshold@metric:" + SampleIds.Widget("Support call", "Average wait")], keys);
    }

    /// <summary>
    /// Lists of steps: read (kind 0) or change (1) one of three journeys (which: 0 to 2), read an unknown id (2), or change
    /// a journey behind the host's back (3).
    /// </summary>
    public static class HostSteps
    {
        public static Arbitrary<List<(int Kind, int Which)>> Steps() =>
            (from kind in Gen.Choose(0, 3) from which in Gen.Choose(0, 2) select (kind, which)).ListOf().ToArbitrary();
    }

    // Every case runs on the same host (room for two journeys, three in the store), so later cases start from what
    // earlier ones left in memory.
    [Property(Arbitrary = new[] { typeof(HostSteps) }, MaxTest = 40)]
    public async Task Whatever_is_asked_for_the_host_holds_at_most_its_limit_and_answers_with_the_stores_version(List<(int Kind, int Which)> steps)
    {
        var (client, journeys, store, live) = await LimitedHostAsync();
        foreach (var (kind, which) in steps)
        {
            var (id, phase) = journeys[which];
            var path = "/api/journeys/" + id;
            switch (kind)
            {
                case 0:
                    using (var response = await client.GetAsync(path + "/warnings"))
                    {
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        Assert.Equal($"\"{await StoredVersionAsync(store, id)}\"", response.Headers.ETag!.Tag);
                    }

                    break;
                case 1:
                    using (var response = await SendAsync(client, HttpMethod.Post, path + "/activities", new { phaseId = phase.ToString(), name = "Step" }, $"\"{await StoredVersionAsync(store, id)}\""))
                    {
                        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                        Assert.Equal($"\"{await StoredVersionAsync(store, id)}\"", response.Headers.ETag!.Tag);
                    }

                    break;
                case 2:
                    using (var response = await client.GetAsync("/api/journeys/" + Guid.NewGuid()))
                    {
                        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                    }

                    break;
                default:
                    var journey = await store.LoadAsync(OnlineStoreJourney.Workspace, id);
                    journey.AddActivity(new Actor("elsewhere"), phase, "Added elsewhere");
                    await store.SaveAsync(journey);
                    break;
            }

            Assert.InRange(live.Count, 0, 2);
        }
    }

    private static async Task<long> StoredVersionAsync(IJourneyStore store, JourneyId id) =>
        (await store.ReadEventsAsync(OnlineStoreJourney.Workspace, id)).Count;

    // A journey with one phase, stored beside the seeded one in the sample's workspace.
    private static async Task<(JourneyId Id, PhaseId Phase)> AddSecondJourneyAsync(WebSampleFactory factory)
    {
        var store = factory.Services.GetRequiredService<IJourneyStore>();
        var clock = factory.Services.GetRequiredService<IClock>();
        var journey = Journey.Create(new Actor("test"), OnlineStoreJourney.Workspace, "Returns", clock);
        var phase = journey.AddPhase(new Actor("test"), "Return");
        await store.SaveAsync(journey);
        return (journey.Id, phase);
    }
}
