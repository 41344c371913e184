using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// In the web host the due-recheck service re-checks the journeys the host has open through the host's own engines
/// (LiveJourneys is the host's <see cref="ILiveJourneys"/>): one journey, one engine, one record of what time changed.
/// </summary>
public sealed class LiveDueRecheckTests
{
    [Fact]
    public async Task A_due_recheck_of_an_open_journey_goes_through_its_live_engine_and_every_view_shows_it()
    {
        var start = Instant.FromUtc(2026, 4, 5, 9, 0);
        var clock = new FakeClock(start);
        var asked = new ConcurrentQueue<(JourneyId Journey, LiveRecheck? Answer)>();
        using var plain = new WebSampleFactory();
        using var factory = plain.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<IClock>(clock);
            // One pass at start, then none on its own: the test runs the passes.
            services.AddSingleton(new DueRecheckOptions { MaxInterval = Duration.FromDays(1), MinInterval = Duration.FromDays(1) });
            services.AddSingleton<ILiveJourneys>(sp => new Recording(sp.GetRequiredService<LiveJourneys>(), asked));
        }));
        using var client = factory.CreateClient();
        var service = factory.Services.GetRequiredService<DueRecheckService>();
        await GetAsync(client, JourneyPath + "/warnings?state=open");
        await service.RecheckAsync();

        // A month on, with no request: stale data, overdue plans and untouched activities fall due.
        clock.Advance(Duration.FromDays(30));
        await service.RecheckAsync();

        var answer = Assert.Single(asked.Reverse().Where(a => a.Journey == OnlineStoreJourney.Id).Take(1)).Answer;
        Assert.True(answer is { Changed: true }, "The live engine re-checked what fell due.");
        var (page, _) = await GetAsync(client, "/api/workspace/warnings?state=open&limit=1000");
        var raisedByTime = page.GetProperty("items").EnumerateArray()
            .Where(w => Instant.FromDateTimeOffset(DateTimeOffset.Parse(w.GetProperty("raisedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)) > start)
            .Select(w => w.GetProperty("key").GetString())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(raisedByTime);

        // The journey's own view (its live engine) shows the same warnings the read model got, with no reload.
        var (open, _) = await GetAsync(client, JourneyPath + "/warnings?state=open");
        Assert.Equal(page.GetProperty("total").GetInt32(), open.GetArrayLength());
        Assert.Subset(open.EnumerateArray().Select(w => w.GetProperty("key").GetString()).ToHashSet(), raisedByTime.ToHashSet());

        // Each raised once in the durable feed: one engine recorded what time changed, not two.
        var feed = await ((IWarningFeed)factory.Services.GetRequiredService<IJourneyStore>()).ReadAsync(0, 10_000);
        var raised = feed.Where(e => e.Change.Kind == WarningChangeKind.Raised && raisedByTime.Contains(e.Change.Key.ToString())).Select(e => e.Change.Key).ToList();
        Assert.Equal(raised.Count, raised.Distinct().Count());
        Assert.Equal(raisedByTime.Count, raised.Count);
    }

    private sealed class Recording(ILiveJourneys inner, ConcurrentQueue<(JourneyId, LiveRecheck?)> asked) : ILiveJourneys
    {
        public async Task<LiveRecheck?> RecheckHeldAsync(WorkspaceId workspace, JourneyId journey, long? readModelVersion, CancellationToken cancellationToken)
        {
            var answer = await inner.RecheckHeldAsync(workspace, journey, readModelVersion, cancellationToken);
            asked.Enqueue((journey, answer));
            return answer;
        }
    }
}
