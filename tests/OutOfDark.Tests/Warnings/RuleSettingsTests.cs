using System;
using System.Linq;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public sealed class RuleSettingsTests
{
    private static readonly Actor Mia = new("mia");

    [Fact]
    public void The_history_says_who_tuned_which_rule_how_and_why()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout");

        h.Journey.SetRuleSettings(Mia, MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 2 });
        h.Journey.SetActivityRuleSettings(Mia, checkout, MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 2 });
        h.Journey.SetActivityRuleSettings(Mia, checkout, MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 3 }, "new baseline after the redesign");
        h.Journey.SetActivityRuleSettings(Mia, checkout, MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 3, FlagOffTarget = true });
        h.Journey.SetRuleSettings(Mia, MetricThresholdRule.RuleId, new MetricThresholdSettings { MinimumRun = 2, Enabled = false });
        h.Journey.ClearActivityRuleSettings(Mia, checkout, MetricThresholdRule.RuleId);

        var entries = new JourneyHistory(h.Journey.PendingEvents).Entries.TakeLast(6).Select(e => e.ToString()[(e.ToString().IndexOf("mia: ", StringComparison.Ordinal) + 5)..]).ToList();
        Assert.Equal(
        [
            "Set rule \"Metric past threshold\" for the journey: minimum run 2, flag off target false, clear after 1, clear band 0",
            "Set rule \"Metric past threshold\" on activity \"Checkout\": minimum run 2, flag off target false, clear after 1, clear band 0",
            "Raised the minimum run of rule \"Metric past threshold\" on activity \"Checkout\" from 2 to 3 (new baseline after the redesign)",
            "Changed rule \"Metric past threshold\" on activity \"Checkout\": flag off target false → true",
            "Switched off rule \"Metric past threshold\" for the journey",
            "Cleared the settings of rule \"Metric past threshold\" on activity \"Checkout\" (the wider settings apply again)",
        ], entries);
    }

    [Fact]
    public void A_rule_no_host_registers_may_be_tuned_and_its_history_names_its_id()
    {
        var h = new RuleHarness();

        h.Journey.SetRuleSettings(Mia, new RuleId("crm.open-cases"), new UnknownRuleSettings("{\"max\":10}"));

        Assert.Equal("Changed the settings of rule 'crm.open-cases' for the journey", new JourneyHistory(h.Journey.PendingEvents).Entries[^1].Description);
        Assert.NotNull(h.Journey.FindRuleSettings(new RuleId("crm.open-cases")));
    }

    [Fact]
    public void Settings_out_of_range_are_refused_naming_the_setting_and_its_range()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout");

        var ex = h.Journey.Refused(() => h.Journey.SetActivityRuleSettings(Mia, checkout, StaleMetricRule.RuleId, new StaleMetricSettings { Days = 0 }));

        Assert.Equal(JourneyRules.InvalidSettings, ex.Rule);
        Assert.Equal("The settings of rule 'metric.stale' for activity 'Checkout' are out of range: Days is 0; it must be from 1 to 36600.", ex.Message);
    }

    [Fact]
    public void Settings_for_a_missing_activity_or_for_a_widget_that_is_no_KPI_are_refused()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout");
        var feels = h.Emotion(checkout, -1);

        var missing = h.Journey.Refused(() => h.Journey.SetActivityRuleSettings(Mia, ActivityId.New(), NoOwnerRule.RuleId, new NoOwnerSettings()));
        var notKpi = h.Journey.Refused(() => h.Journey.SetMetricRuleSettings(Mia, feels, MetricThresholdRule.RuleId, new MetricThresholdSettings()));
        var clearNothing = h.Journey.Refused(() => h.Journey.ClearMetricRuleSettings(Mia, WidgetId.New(), MetricThresholdRule.RuleId));

        Assert.Equal(JourneyRules.UnknownActivity, missing.Rule);
        Assert.Equal(JourneyRules.WrongWidgetKind, notKpi.Rule);
        Assert.Equal("Cannot set rule settings for widget 'Feels' (" + feels + ") on activity 'Checkout': it is a emotion widget, and only a metric (a KPI) has settings of its own.", notKpi.Message);
        Assert.Equal(JourneyRules.UnknownWidget, clearNothing.Rule);
    }

    [Fact]
    public void Setting_the_same_settings_again_records_nothing()
    {
        var h = new RuleHarness();
        h.Journey.SetRuleSettings(Mia, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true });
        var version = h.Journey.Version;

        h.Journey.SetRuleSettings(Mia, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true });
        h.Journey.ClearRuleSettings(Mia, PainPointRule.RuleId);

        Assert.Equal(version, h.Journey.Version);
    }

    [Fact]
    public void Removing_an_activity_or_a_KPI_drops_the_settings_that_applied_to_it()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout");
        var rate = h.Metric(checkout);
        var ad = h.Activity("Social ad");
        var clicks = h.Metric(ad, "Clicks");
        h.Journey.SetActivityRuleSettings(Mia, checkout, NoOwnerRule.RuleId, new NoOwnerSettings());
        h.Journey.SetMetricRuleSettings(Mia, rate, StaleMetricRule.RuleId, new StaleMetricSettings { Days = 3 });
        h.Journey.SetMetricRuleSettings(Mia, clicks, StaleMetricRule.RuleId, new StaleMetricSettings { Days = 5 });
        h.Journey.SetRuleSettings(Mia, StaleMetricRule.RuleId, new StaleMetricSettings { Days = 9 });

        h.Journey.RemoveActivity(Mia, checkout);
        h.Journey.RemoveWidget(Mia, clicks);

        Assert.Equal([(StaleMetricRule.RuleId, (ActivityId?)null, (WidgetId?)null)], h.Journey.RuleSettingsEntries.Select(e => (e.Rule, e.Activity, e.Metric)));
        Assert.True(h.Journey.RuleSettings.MetricOverrides.Count == 0 && h.Journey.RuleSettings.Overrides.Count == 0);
    }

    [Fact]
    public void The_journey_s_settings_lie_over_the_host_s_and_an_activity_override_over_both()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout", details: ActivityDetails.Empty with { Team = "Sales" });
        var ad = h.Activity("Social ad", details: ActivityDetails.Empty with { Team = "Sales" });
        var host = WarningSettings.Default.With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 30 });
        var engine = new WarningEngine(h.Journey, h.Clock, settings: host);
        h.Clock.AdvanceMinutes(1);
        h.Journey.SetRuleSettings(Mia, NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 14 }, "a fortnight is long enough");
        h.Clock.AdvanceMinutes(1);
        h.Journey.SetActivityRuleSettings(Mia, checkout, NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 7 }, "new baseline after the redesign");

        var onCheckout = engine.EffectiveSettings(NotUpdatedRule.RuleId, WarningSubject.For(checkout));
        var onAd = engine.EffectiveSettings(NotUpdatedRule.RuleId, WarningSubject.For(ad));

        Assert.Equal(new NotUpdatedSettings { Days = 7 }, onCheckout.Settings);
        Assert.Equal([SettingsLayer.RuleDefault, SettingsLayer.Host, SettingsLayer.Journey, SettingsLayer.Activity], onCheckout.Sources.Select(s => s.Layer));
        Assert.Equal("From the journey's override for this activity, set by mia on 2026-10-01: new baseline after the redesign. It replaces the journey's settings and the host's settings and the rule's defaults.", onCheckout.Explain());
        Assert.Equal(SettingsLayer.Journey, onAd.Layer);
        Assert.Equal(new NotUpdatedSettings { Days = 14 }, onAd.Settings);
        Assert.Null(onAd.Problem);

        h.Clock.Advance(Duration.FromDays(10));
        engine.EvaluateAll();
        Assert.Equal([checkout], engine.Warnings.Where(w => w.Key.Rule == NotUpdatedRule.RuleId).Select(w => w.Key.Subject.ActivityId!.Value));
    }

    [Fact]
    public void A_settings_change_checks_again_exactly_the_subjects_it_applies_to()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout", details: ActivityDetails.Empty with { Team = "Sales" });
        h.Activity("Social ad", details: ActivityDetails.Empty with { Team = "Sales" });
        h.Activity("Newsletter", details: ActivityDetails.Empty with { Team = "Sales" });
        var engine = new WarningEngine(h.Journey, h.Clock);
        engine.Refresh();
        Assert.Equal(3, engine.Warnings.Count(w => w.Key.Rule == NoOwnerRule.RuleId));

        h.Journey.SetActivityRuleSettings(Mia, checkout, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true });
        var one = engine.Refresh();
        h.Journey.SetRuleSettings(Mia, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true });
        var every = engine.Refresh();
        h.Journey.SetRuleSettings(Mia, EmptyPhaseRule.RuleId, new EmptyPhaseSettings { MinimumActivities = 2 });
        var phases = engine.Refresh();
        h.Journey.SetRuleSettings(Mia, new RuleId("crm.open-cases"), new UnknownRuleSettings("{}"));
        var none = engine.Refresh();

        Assert.Equal((false, 1, 1), (one.Full, one.Checks, one.Cleared));
        Assert.Equal((false, 3, 2), (every.Full, every.Checks, every.Cleared));
        Assert.Equal((false, 3), (phases.Full, phases.Checks));
        Assert.Equal((false, 0), (none.Full, none.Checks));
        Assert.DoesNotContain(engine.Warnings, w => w.Key.Rule == NoOwnerRule.RuleId);
    }

    [Fact]
    public void Journey_settings_a_rule_cannot_use_are_a_rule_failure_that_says_what_to_do()
    {
        var h = new RuleHarness();
        var checkout = h.Activity("Checkout");
        h.Journey.SetRuleSettings(Mia, NoOwnerRule.RuleId, new UnknownRuleSettings("{\"acceptTeam\":true}"));
        var engine = new WarningEngine(h.Journey, h.Clock);

        engine.EvaluateAll();

        var failure = Assert.Single(engine.Failures);
        Assert.Equal(WarningSubject.For(checkout), failure.Subject);
        Assert.Contains("register it with the serializer that reads journeys (JourneyJsonOptions.RuleSettings)", failure.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("JourneyJsonOptions.RuleSettings", engine.EffectiveSettings(NoOwnerRule.RuleId, WarningSubject.For(checkout)).Explain(), StringComparison.Ordinal);
        Assert.Throws<WarningRuleException>(() => new WarningEngine(h.Journey, h.Clock, options: new WarningEngineOptions { RethrowRuleFailures = true }).EvaluateAll());
    }

    [Fact]
    public void Effective_settings_of_a_rule_the_engine_does_not_run_or_of_the_wrong_subject_are_refused()
    {
        var h = new RuleHarness();
        var engine = new WarningEngine(h.Journey, h.Clock);

        Assert.Throws<ArgumentException>(() => engine.EffectiveSettings(new RuleId("crm.open-cases"), WarningSubject.For(h.Journey.Id)));
        var ex = Assert.Throws<ArgumentException>(() => engine.EffectiveSettings(NoOwnerRule.RuleId, WarningSubject.For(h.See)));
        Assert.StartsWith("Rule 'activity.no-owner' looks at activities, not at phase:", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => engine.EffectiveSettings(NoOwnerRule.RuleId, WarningSubject.For(ActivityId.New())));
    }

    [Fact]
    public void A_settings_event_that_contradicts_the_journey_is_refused_on_replay()
    {
        var h = new RuleHarness();
        h.Journey.SetRuleSettings(Mia, NoOwnerRule.RuleId, new NoOwnerSettings { AcceptTeam = true });
        var events = h.Journey.PendingEvents.ToList();
        events[^1] = ((RuleSettingsChanged)events[^1]) with { Previous = new NoOwnerSettings() };

        var ex = Assert.Throws<JourneyRuleException>(() => Journey.Replay(events, h.Clock));

        Assert.Equal(JourneyRules.InvalidSettings, ex.Rule);
    }
}
