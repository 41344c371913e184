using System;
using System.Linq;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public class WarningViewTests
{
    private readonly RuleHarness _h = new();

    [Fact]
    public void An_engine_made_from_the_journey_alone_uses_its_clock_the_built_in_rules_and_default_settings()
    {
        var activity = _h.Activity("Newsletter", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });

        var engine = new WarningEngine(_h.Journey);
        engine.EvaluateAll();

        Assert.Equal(BuiltInRules.All.Select(r => r.Id), engine.Rules.Select(r => r.Id));
        Assert.Same(WarningSettings.Default, engine.Settings);
        var warning = engine.Find(new WarningKey(NoOwnerRule.RuleId, WarningSubject.For(activity)))!;
        Assert.Equal(_h.Clock.GetCurrentInstant(), warning.RaisedAt);
    }

    [Fact]
    public void The_view_of_an_engine_that_never_evaluated_evaluates_first()
    {
        _h.Activity("Newsletter", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });
        var engine = new WarningEngine(_h.Journey);

        var view = engine.View();

        Assert.Contains(view, i => i.Key.Rule == NoOwnerRule.RuleId);
        Assert.Equal(_h.Journey.Version, engine.EvaluatedVersion);
    }

    [Fact]
    public void The_view_after_a_settings_change_re_evaluates_so_it_never_shows_results_of_the_old_settings()
    {
        _h.Activity("Newsletter", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });
        var engine = new WarningEngine(_h.Journey);
        Assert.Contains(engine.View(), i => i.Key.Rule == NoOwnerRule.RuleId);

        engine.Settings = WarningSettings.Default.With(NoOwnerRule.RuleId, new NoOwnerSettings { Enabled = false });

        Assert.DoesNotContain(engine.View(), i => i.Key.Rule == NoOwnerRule.RuleId);
        Assert.DoesNotContain(engine.Warnings, w => w.Key.Rule == NoOwnerRule.RuleId);
    }

    [Fact]
    public void A_metric_past_its_threshold_comes_before_has_no_owner_at_equal_severity_though_later_on_the_map()
    {
        _h.Activity("Newsletter", _h.See, ActivityDetails.Empty with { Status = ActivityStatus.Active });
        var checkout = _h.Activity("Checkout", _h.Do);
        _h.Observe(_h.Metric(checkout, "Conversion"), _h.Today, 17m);
        var engine = new WarningEngine(_h.Journey, settings: Only(MetricThresholdRule.RuleId, NoOwnerRule.RuleId));

        Assert.Equal(
            ["metric.threshold Checkout", "activity.no-owner Newsletter"],
            engine.View().Select(i => $"{i.Key.Rule} {i.SubjectName}"));
    }

    [Fact]
    public void Among_metrics_past_a_limit_the_farthest_past_it_relatively_comes_first()
    {
        var near = _h.Activity("Near", _h.See);
        var far = _h.Activity("Far", _h.Do);
        var criticalNear = _h.Activity("Critical near", _h.Do);
        _h.Observe(_h.Metric(near, "Conversion"), _h.Today, 17m);         // 1/18 past the warning threshold 18
        _h.Observe(_h.Metric(far, "Conversion"), _h.Today, 13m);          // 5/18 past it
        _h.Observe(_h.Metric(criticalNear, "Conversion"), _h.Today, 11m); // critical: first whatever the distance
        var engine = new WarningEngine(_h.Journey, settings: Only(MetricThresholdRule.RuleId));

        Assert.Equal(["Critical near", "Far", "Near"], engine.View().Select(i => i.SubjectName));
        Assert.Equal(5m / 18m, engine.View()[1].Warning.PastLimit);
    }

    [Fact]
    public void At_equal_severity_without_a_distance_the_longest_open_comes_first_then_map_order()
    {
        var details = ActivityDetails.Empty with { Status = ActivityStatus.Active };
        _h.Activity("Late on the map, raised first", _h.Do, details);
        var engine = new WarningEngine(_h.Journey, settings: Only(NoOwnerRule.RuleId));
        engine.Refresh();
        _h.Clock.Advance(Duration.FromHours(1));
        var parent = _h.Activity("Parent", _h.See, details);
        _h.Journey.AddActivity(new Actor("ana"), _h.See, "Child", ActivityKind.Touchpoint, details, parent);
        _h.Activity("Sibling", _h.See, details);
        engine.Refresh();

        Assert.Equal(["Late on the map, raised first", "Parent", "Child", "Sibling"], engine.View().Select(i => i.SubjectName));
    }

    [Fact]
    public void A_view_line_reads_like_the_warnings_view_without_ids()
    {
        var checkout = _h.Activity("Checkout", _h.Do);
        _h.Observe(_h.Metric(checkout, "Completion"), _h.Today, 5m);
        var engine = new WarningEngine(_h.Journey, settings: Only(MetricThresholdRule.RuleId));

        var item = engine.View().Single();

        Assert.Equal("Completion fell to 5 % — critical threshold 12 %, 1 observation below since 2026-10-01", item.Message);
        Assert.Equal("Critical · Checkout · Completion fell to 5 % — critical threshold 12 %, 1 observation below since 2026-10-01 (Open)", item.ToString());
        Assert.DoesNotContain(checkout.Value.ToString(), item.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Acknowledging_through_the_engine_a_warning_of_a_rule_it_does_not_run_is_refused_with_what_to_do()
    {
        var activity = _h.Activity("Newsletter");
        var engine = new WarningEngine(_h.Journey);
        var key = new WarningKey(new RuleId("crm.open-case"), WarningSubject.For(activity));
        var version = _h.Journey.Version;

        var error = Assert.Throws<ArgumentException>(() => engine.Acknowledge(new Actor("ana"), key, "seen"));

        Assert.Equal("warning", error.ParamName);
        Assert.StartsWith(
            "No rule 'crm.open-case' is registered with this warning engine, so it raises no such warning: check the rule id, register the rule, or record the status with the journey's own command (it accepts any rule id).",
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(version, _h.Journey.Version);
        Assert.Throws<ArgumentException>(() => engine.Snooze(new Actor("ana"), key, _h.Clock.GetCurrentInstant() + Duration.FromDays(1)));
        Assert.Throws<ArgumentException>(() => engine.Resolve(new Actor("ana"), key));

        // The journey's own command records it: statuses outlive rule registrations.
        _h.Journey.AcknowledgeWarning(new Actor("ana"), key, "seen");
        Assert.Equal(WarningHandling.Acknowledged, _h.Journey.FindWarningStatus(key)!.Handling);
    }

    [Fact]
    public void Acknowledging_through_the_engine_records_the_status_on_the_journey()
    {
        var activity = _h.Activity("Newsletter", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });
        var engine = new WarningEngine(_h.Journey);
        var key = new WarningKey(NoOwnerRule.RuleId, WarningSubject.For(activity));

        engine.Acknowledge(new Actor("ana"), key, "on it");

        Assert.Equal(WarningState.Acknowledged, engine.StateOf(key));
    }

    private static WarningSettings Only(params RuleId[] rules)
    {
        var settings = WarningSettings.Default;
        foreach (var rule in BuiltInRules.All)
        {
            if (!rules.Contains(rule.Id))
            {
                settings = settings.With(rule.Id, rule.DefaultSettings with { Enabled = false });
            }
        }

        return settings;
    }
}
