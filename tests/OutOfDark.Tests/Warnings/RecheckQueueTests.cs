using System.Linq;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>The engine's recheck queue when a subject's recheck instant keeps moving later.</summary>
public sealed class RecheckQueueTests
{
    private readonly RuleHarness _h = new();

    [Fact]
    public void A_recheck_moved_later_by_daily_observations_runs_once_when_the_latest_instant_comes_due()
    {
        var metric = _h.Metric(_h.Activity("Newsletter"), warning: null, critical: null, target: null);
        _h.Observe(metric, _h.Today, 30m);
        var engine = _h.Engine(new RuleRegistry().Add(BuiltInRules.StaleMetric));
        engine.EvaluateAll();
        var fromFull = engine.NextDue!.Value;

        // Five daily observations: each refresh re-checks the metric and moves its recheck a day later.
        for (var day = 1; day <= 5; day++)
        {
            _h.Clock.Advance(Duration.FromDays(1));
            _h.Observe(metric, _h.Today, 30m);
            Assert.Equal(1, engine.Refresh().Checks);
        }

        var latest = fromFull.Plus(Duration.FromDays(5));

        // When the instant the first refresh queued comes due, nothing is re-checked; the latest instant is queued.
        _h.Clock.Reset(fromFull.Plus(Duration.FromDays(1)));
        var early = engine.Refresh();
        Assert.Equal(0, early.Checks);
        Assert.Empty(engine.Warnings);
        Assert.Equal(latest, engine.NextDue);

        _h.Clock.Reset(latest);
        var due = engine.Refresh();
        Assert.Equal(1, due.Checks);
        Assert.Equal(1, due.Raised);
        Assert.Equal([StaleMetricRule.RuleId], engine.Warnings.Select(w => w.Key.Rule));
        Assert.Equal(WarningSubject.For(metric), Assert.Single(engine.Warnings).Key.Subject);
    }

    [Fact]
    public void A_recheck_moved_earlier_after_moving_later_runs_at_the_earlier_instant()
    {
        var metric = _h.Metric(_h.Activity("Newsletter"), warning: null, critical: null, target: null);
        _h.Observe(metric, _h.Today, 30m);
        var engine = _h.Engine(new RuleRegistry().Add(BuiltInRules.StaleMetric));
        engine.EvaluateAll();
        var fromFull = engine.NextDue!.Value;

        _h.Clock.Advance(Duration.FromDays(1));
        _h.Observe(metric, _h.Today, 30m);
        engine.Refresh();
        _h.Clock.Advance(Duration.FromDays(1));
        _h.Observe(metric, _h.Today, 30m);
        engine.Refresh();

        // Removing the latest observation brings the recheck back a day: it must run then, not at the later instant.
        _h.Journey.RemoveObservation(new Actor("ana"), metric, _h.Today);
        Assert.Equal(1, engine.Refresh().Checks);
        _h.Clock.Reset(fromFull.Plus(Duration.FromDays(1)));
        var due = engine.Refresh();
        Assert.Equal(1, due.Raised);
        Assert.Single(engine.Warnings);
    }
}
