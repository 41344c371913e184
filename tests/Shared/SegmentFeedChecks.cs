#pragma warning disable CA2007 // Test code: the awaits run under xUnit, with no context to avoid.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Shared;

/// <summary>
/// One check every warning feed (in-memory, SQLite, PostgreSQL) must pass: a metric segment's change comes back with its
/// segment, distinct from the metric's own change and from another segment's.
/// </summary>
internal static class SegmentFeedChecks
{
    public static async Task Segment_changes_come_back_with_their_segments<TStore>(TStore store)
        where TStore : IJourneyCommitStore, IWarningFeed
    {
        var ana = new Actor("ana");
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 5, 1, 9, 0));
        var journey = Journey.Create(ana, WorkspaceId.New(), "Checkout", clock);
        journey.AddPhase(ana, "Pay");
        var version = await store.CommitAsync(journey, new WarningEngine(journey, clock));
        long before = 0;
        for (var page = await store.ReadAsync(0, 10_000); page.Count > 0; page = await store.ReadAsync(before, 10_000))
        {
            before = page[^1].Position;
        }

        var metric = new WidgetId(Guid.NewGuid());
        var subjects = new[]
        {
            WarningSubject.For(metric),
            WarningSubject.For(metric, Segment.From([new("plan", "pro")])),
            WarningSubject.For(metric, Segment.From([new("plan", "free"), new("region", "Zürich \"Nord\" | ü")])),
        };
        var changes = subjects.Select(s => new WarningChange(
            Guid.NewGuid(), journey.WorkspaceId, journey.Id, version, WarningChangeKind.Raised,
            new WarningKey(new RuleId("metric-below-target"), s), WarningSeverity.Warning, null, "below target", clock.GetCurrentInstant())).ToList();

        await store.CommitAsync(new JourneyCommit(journey.WorkspaceId, journey.Id, version, [], changes));

        var read = (await store.ReadAsync(before, 100)).Select(e => e.Change).ToList();
        Assert.Equal(changes, read);
        Assert.Equal(subjects, read.Select(c => c.Key.Subject));
        Assert.Equal(3, read.Select(c => c.Key).Distinct().Count());
    }
}
