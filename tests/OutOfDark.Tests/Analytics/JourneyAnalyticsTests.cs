using System;
using System.Linq;
using OutOfDark;
using OutOfDark.Tests.Warnings;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Analytics;

public class JourneyAnalyticsTests
{
    private readonly RuleHarness _h = new(2026, 10, 10);

    private ActivityId Step(string name, decimal? volume, PhaseId? phase = null)
    {
        var activity = _h.Activity(name, phase);
        if (volume is { } v)
        {
            _h.Observe(_h.Metric(activity, "Visitors", null, null, null, kind: MetricKind.Count, unit: ""), _h.Today, v);
        }

        return activity;
    }

    [Fact]
    public void A_step_volume_is_the_latest_value_of_the_first_count_metric()
    {
        var page = _h.Activity("Landing page");
        _h.Observe(_h.Metric(page), _h.Today, 20m);
        var visits = _h.Metric(page, "Visits", null, null, null, kind: MetricKind.Count, unit: "");
        _h.Observe(visits, _h.Today.PlusDays(-1), 300m);
        _h.Observe(visits, _h.Today, 250m);
        _h.Observe(_h.Metric(page, "Sessions", null, null, null, kind: MetricKind.Count, unit: ""), _h.Today, 999m);

        Assert.Equal(250m, StepVolume.Of(_h.Journey.GetActivity(page)));
        Assert.Null(StepVolume.Of(_h.Journey.GetActivity(_h.Activity("Blog"))));
    }

    [Fact]
    public void A_count_where_fewer_is_better_is_never_a_step_volume_so_no_drop_off_is_read_from_it()
    {
        // A wait in minutes left at the default kind (a count), lower is better: not the customers reaching the step.
        var cart = Step("Cart", 905m);
        var call = _h.Activity("Support call");
        _h.Observe(_h.Metric(call, "Wait", null, null, null, MetricDirection.LowerIsBetter, MetricKind.Count, "min"), _h.Today, 9.7m);
        _h.Journey.AddFlow(new Actor("ana"), cart, call);

        Assert.Null(StepVolume.Of(_h.Journey.GetActivity(call)));
        Assert.DoesNotContain(new WarningEngine(_h.Journey, _h.Clock).View(), w => w.Key.Rule.Value == "funnel.drop-off");

        var callers = _h.Metric(call, "Callers", null, null, null, kind: MetricKind.Count, unit: "");
        _h.Observe(callers, _h.Today, 40m);
        Assert.Equal(40m, StepVolume.Of(_h.Journey.GetActivity(call)));
    }

    [Fact]
    public void Conversion_along_a_flow_is_the_next_volume_over_the_previous()
    {
        var mail = Step("Newsletter", 1000m);
        var page = Step("Landing page", 250m);
        var blog = Step("Blog", null);
        _h.Journey.AddFlow(new Actor("ana"), mail, page);
        _h.Journey.AddFlow(new Actor("ana"), page, blog);

        var conversions = JourneyAnalytics.Conversions(_h.Journey);

        Assert.Equal((25m, 75m), (conversions[0].ConversionPercent, conversions[0].DropOffPercent));
        Assert.Null(conversions[1].ConversionPercent);
    }

    [Fact]
    public void A_funnel_path_reports_each_step_against_the_previous_and_the_first()
    {
        var mail = Step("Newsletter", 1000m);
        var page = Step("Landing page", 500m);
        var cart = Step("Cart", 100m);
        _h.Journey.AddFlow(new Actor("ana"), mail, page);
        _h.Journey.AddFlow(new Actor("ana"), page, cart);

        var funnel = JourneyAnalytics.Funnel(_h.Journey, [mail, page, cart]);

        Assert.Equal([null, 50m, 20m], funnel.Select(s => s.FromPreviousPercent));
        Assert.Equal([100m, 50m, 10m], funnel.Select(s => s.FromFirstPercent));
        var ex = Assert.Throws<ArgumentException>(() => JourneyAnalytics.Funnel(_h.Journey, [mail, cart]));
        Assert.Contains("'Newsletter' and 'Cart'", ex.Message);
    }

    [Fact]
    public void The_emotion_curve_averages_each_persona_per_phase_as_is_and_to_be()
    {
        var a = _h.Activity("Ad", _h.See);
        var b = _h.Activity("Review", _h.See);
        var c = _h.Activity("Checkout", _h.Do);
        _h.Emotion(a, -2, toBe: 1);
        _h.Emotion(b, 1);
        _h.Emotion(c, 2, toBe: 2);

        var curve = JourneyAnalytics.EmotionCurve(_h.Journey);

        Assert.Equal(3, curve.Count);
        Assert.Equal((-0.5m, (decimal?)1m, 2), (curve[0].AsIs!.Value, curve[0].ToBe, curve[0].Widgets));
        Assert.Equal((null, null, 0), (curve[1].AsIs, curve[1].ToBe, curve[1].Widgets));
        Assert.Equal((2m, 2m), (curve[2].AsIs!.Value, curve[2].ToBe!.Value));
    }

    [Fact]
    public void Channel_coverage_counts_activities_per_channel_and_phase_and_lists_the_gaps()
    {
        _h.Activity("Newsletter", _h.See, ActivityDetails.Empty with { Channels = ValueList<string>.Of("email") });
        _h.Activity("Promo", _h.See, ActivityDetails.Empty with { Channels = ValueList<string>.Of("email", "web") });
        _h.Activity("Shop", _h.Do, ActivityDetails.Empty with { Channels = ValueList<string>.Of("web") });

        var coverage = JourneyAnalytics.Coverage(_h.Journey);

        Assert.Equal(["email", "web"], coverage.Channels);
        Assert.Equal(2, coverage.Count("email", _h.See));
        Assert.Equal(1, coverage.Count("web", _h.Do));
        Assert.Equal([("email", _h.Think), ("email", _h.Do), ("web", _h.Think)], coverage.Gaps());
    }

    [Fact]
    public void Phases_without_activities_are_listed_in_journey_order()
    {
        _h.Activity("Newsletter", _h.Think);

        Assert.Equal(["See", "Do"], JourneyAnalytics.EmptyPhases(_h.Journey).Select(p => p.Name));
    }

    [Fact]
    public void The_health_score_follows_its_documented_formula()
    {
        // Attainment: 20 of target 25 = 0.8. Emotion: -1 maps to 0.25. Warnings: engine finds its own.
        var page = _h.Activity("Landing page", _h.See);
        _h.Observe(_h.Metric(page), _h.Today, 20m);
        _h.Emotion(page, -1);
        _h.Activity("Checkout", _h.Think);
        _h.Activity("Care call", _h.Do);
        var engine = _h.Engine();
        engine.EvaluateAll();
        var view = engine.View();

        var health = JourneyAnalytics.Health(_h.Journey, view);

        // Open: pain point (warning) and two touchpoints without metric (info): P = 3 + 2 = 5, N = 3 activities + 3 phases.
        Assert.Equal((0, 1, 2), (health.OpenCritical, health.OpenWarning, health.OpenInfo));
        Assert.Equal(0.8m, health.MetricAttainment);
        Assert.Equal(0.25m, health.Emotion);
        var w = 1m / (1m + (5m / 6m));
        Assert.Equal(w, health.WarningLoad);
        Assert.Equal(decimal.Round(((0.4m * 0.8m) + (0.3m * 0.25m) + (0.3m * w)) * 100m, 1, MidpointRounding.AwayFromZero), health.Score);
    }

    [Fact]
    public void Health_leaves_out_parts_it_cannot_compute_and_ignores_snoozed_warnings()
    {
        var blog = _h.Activity("Blog", _h.See);
        _h.Activity("Ad", _h.Think);
        _h.Activity("Shop", _h.Do);
        var engine = _h.Engine();
        engine.EvaluateAll();
        foreach (var item in engine.View())
        {
            _h.Journey.SnoozeWarning(new Actor("ana"), item.Key, _h.Clock.GetCurrentInstant() + NodaTime.Duration.FromDays(1));
        }

        var health = JourneyAnalytics.Health(_h.Journey, engine.View());

        Assert.Null(health.MetricAttainment);
        Assert.Null(health.Emotion);
        Assert.Equal(100m, health.Score);
        Assert.NotNull(engine.Find(new WarningKey(OutOfDark.Warnings.NoMetricRule.RuleId, WarningSubject.For(blog))));
    }
}
