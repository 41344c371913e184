using System;
using System.Linq;
using System.Threading;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public class WarningEngineTests
{
    private readonly RuleHarness _h = new(2026, 10, 10);

    /// <summary>The key of a rule's warning about an activity, or for a metric rule about the activity's first metric.</summary>
    private WarningKey Key(RuleId rule, ActivityId activity) =>
        BuiltInRules.All.FirstOrDefault(r => r.Id == rule)?.Scope == SubjectKind.Metric
            ? new(rule, WarningSubject.For(_h.Journey.GetActivity(activity).Widgets.First(w => w is MetricWidget).Id))
            : new(rule, WarningSubject.For(activity));

    private ActivityId BelowThreshold(string name = "Newsletter", string owner = "ana", string? team = null, PhaseId? phase = null)
    {
        var email = _h.Activity(name, phase, ActivityDetails.Empty with { Owner = owner, Team = team, Status = ActivityStatus.Active });
        var rate = _h.Metric(email);
        _h.Observe(rate, _h.Today, 15m);
        return email;
    }

    [Fact]
    public void A_full_evaluation_raises_the_warnings_of_every_rule()
    {
        var email = BelowThreshold();
        var engine = _h.Engine();

        var result = engine.EvaluateAll();

        Assert.True(result.Full);
        Assert.Equal(
            new[] { Key(MetricThresholdRule.RuleId, email).ToString(), "phase.empty@" + WarningSubject.For(_h.Think), "phase.empty@" + WarningSubject.For(_h.Do) }.Order().ToArray(),
            engine.Warnings.Select(w => w.Key.ToString()).Order().ToArray());
        Assert.Equal(3, result.Raised);
        Assert.All(engine.Warnings, w => Assert.Equal(_h.Clock.GetCurrentInstant(), w.RaisedAt));
    }

    [Fact]
    public void A_rule_written_against_the_interface_runs_with_its_settings_and_under_its_own_key()
    {
        var sale = _h.Activity("Summer sale", _h.See, ActivityDetails.Empty with { Owner = "ana" });
        _h.Activity("Promo mail", _h.See, ActivityDetails.Empty with { Owner = "ana" });
        var rule = new NamedWordRule();
        var engine = _h.Engine(RuleRegistry.WithBuiltIns().Add(rule), WarningSettings.Default.With(rule.Id, new NamedWordSettings { Word = "sale" }));

        engine.EvaluateAll();

        var warning = Assert.Single(engine.Warnings, w => w.Key.Rule == rule.Id);
        Assert.Equal(Key(rule.Id, sale), warning.Key);
        Assert.Equal("'Summer sale' mentions sale", warning.Message);
        Assert.DoesNotContain(engine.Warnings, w => w.Key.Rule.Value == "someone.else");
    }

    [Fact]
    public void The_view_filters_by_severity_phase_owner_team_and_state_most_severe_first()
    {
        var ana = BelowThreshold("Newsletter", "ana", "CRM", _h.See);
        var bo = _h.Activity("Checkout", _h.Do, ActivityDetails.Empty with { Owner = "bo", Team = "Shop", Status = ActivityStatus.Active });
        _h.Observe(_h.Metric(bo, "Conversion"), _h.Today, 5m);
        var engine = _h.Engine();
        engine.EvaluateAll();
        _h.Journey.AcknowledgeWarning(new Actor("ana"), Key(MetricThresholdRule.RuleId, ana), "on it");

        Assert.Equal(["Checkout", "Newsletter", "Think"], engine.View().Select(i => i.SubjectName).ToArray());
        Assert.Equal(WarningSeverity.Critical, engine.View()[0].Severity);
        Assert.Equal(["Checkout"], engine.View(new WarningQuery { MinimumSeverity = WarningSeverity.Critical }).Select(i => i.SubjectName));
        Assert.Equal(["Checkout"], engine.View(new WarningQuery { Phase = _h.Do }).Select(i => i.SubjectName));
        Assert.Equal(["Newsletter"], engine.View(new WarningQuery { Owner = "ana" }).Select(i => i.SubjectName));
        Assert.Equal(["Checkout"], engine.View(new WarningQuery { Team = "Shop" }).Select(i => i.SubjectName));
        Assert.Equal(["Newsletter"], engine.View(new WarningQuery { States = [WarningState.Acknowledged] }).Select(i => i.SubjectName));
        Assert.Equal(["Think"], engine.View(new WarningQuery { Rule = EmptyPhaseRule.RuleId }).Select(i => i.SubjectName));
        var acknowledged = engine.View(new WarningQuery { Owner = "ana" }).Single();
        Assert.Equal(("ana", "on it"), (acknowledged.Status!.By, acknowledged.Status.Note));
    }

    [Fact]
    public void A_snoozed_warning_comes_back_when_its_snooze_ends_if_the_condition_still_holds()
    {
        var email = BelowThreshold();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var key = Key(MetricThresholdRule.RuleId, email);

        _h.Journey.SnoozeWarning(new Actor("ana"), key, _h.Clock.GetCurrentInstant() + Duration.FromDays(7));
        engine.Refresh();
        Assert.Equal(WarningState.Snoozed, engine.StateOf(key));

        _h.Clock.Advance(Duration.FromDays(7) - Duration.Epsilon);
        Assert.Equal(WarningState.Snoozed, engine.StateOf(key));
        _h.Clock.Advance(Duration.Epsilon);
        Assert.Equal(WarningState.Open, engine.StateOf(key));
    }

    [Fact]
    public void Resolving_and_reopening_change_the_state_while_the_condition_holds()
    {
        var email = BelowThreshold();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var key = Key(MetricThresholdRule.RuleId, email);

        _h.Journey.ResolveWarning(new Actor("ana"), key, "fixed the subject line");
        Assert.Equal(WarningState.Resolved, engine.StateOf(key));
        _h.Journey.ReopenWarning(new Actor("bo"), key, "still low");
        Assert.Equal(WarningState.Open, engine.StateOf(key));
    }

    [Fact]
    public void A_warning_whose_condition_stops_holding_clears_itself()
    {
        var email = BelowThreshold();
        var engine = _h.Engine();
        var observer = new RecordingObserver();
        engine.EvaluateAll();
        engine.Subscribe(observer);
        var rate = _h.Journey.GetActivity(email).Widgets[0].Id;

        _h.Journey.CorrectObservation(new Actor("ana"), rate, _h.Today, 19m);
        var result = engine.Refresh();

        Assert.Null(engine.Find(Key(MetricThresholdRule.RuleId, email)));
        Assert.Null(engine.StateOf(Key(MetricThresholdRule.RuleId, email)));
        Assert.Equal(1, result.Cleared);
        Assert.Equal(["cleared metric.threshold"], observer.Log);
    }

    [Fact]
    public void An_acknowledgement_does_not_carry_over_to_a_new_episode_of_the_warning()
    {
        var email = BelowThreshold();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var key = Key(MetricThresholdRule.RuleId, email);
        var rate = _h.Journey.GetActivity(email).Widgets[0].Id;
        _h.Journey.AcknowledgeWarning(new Actor("ana"), key);
        engine.Refresh();
        Assert.Equal(WarningState.Acknowledged, engine.StateOf(key));

        _h.Clock.Advance(Duration.FromDays(1));
        _h.Observe(rate, _h.Today, 20m);
        engine.Refresh();
        _h.Clock.Advance(Duration.FromDays(1));
        _h.Observe(rate, _h.Today, 16m);
        engine.Refresh();

        Assert.Equal(WarningState.Open, engine.StateOf(key));
        Assert.Equal(_h.Clock.GetCurrentInstant(), engine.Find(key)!.RaisedAt);
        _h.Journey.AcknowledgeWarning(new Actor("ana"), key);
        Assert.Equal(WarningState.Acknowledged, engine.StateOf(key));
    }

    [Fact]
    public void An_acknowledged_warning_that_turns_critical_needs_attention_again()
    {
        var email = BelowThreshold();
        var engine = _h.Engine();
        var observer = new RecordingObserver();
        engine.EvaluateAll();
        engine.Subscribe(observer);
        var key = Key(MetricThresholdRule.RuleId, email);
        _h.Journey.AcknowledgeWarning(new Actor("ana"), key);

        _h.Clock.Advance(Duration.FromDays(1));
        _h.Observe(_h.Journey.GetActivity(email).Widgets[0].Id, _h.Today, 10m);
        engine.Refresh();

        Assert.Equal(WarningState.Open, engine.StateOf(key));
        Assert.Equal(["raised metric.trend Warning", "changed metric.threshold Warning->Critical"], observer.Log);
    }

    [Fact]
    public void A_status_recorded_before_the_engine_started_still_applies()
    {
        var email = BelowThreshold();
        var key = Key(MetricThresholdRule.RuleId, email);
        _h.Journey.AcknowledgeWarning(new Actor("ana"), key);
        _h.Clock.Advance(Duration.FromHours(1));

        var engine = _h.Engine();
        engine.EvaluateAll();

        Assert.Equal(WarningState.Acknowledged, engine.StateOf(key));
    }

    [Fact]
    public void A_failing_rule_is_recorded_and_every_other_rule_still_runs()
    {
        var broken = _h.Activity("Broken feed");
        var slow = _h.Activity("Slow import");
        var fine = _h.Activity("Fine page");
        var engine = _h.Engine(RuleRegistry.WithBuiltIns().Add(new FragileRule()));
        var observer = new RecordingObserver();
        engine.Subscribe(observer);

        engine.EvaluateAll();

        var failures = engine.Failures.OrderBy(f => f.Subject == WarningSubject.For(broken) ? 0 : 1).ToArray();
        Assert.Equal(2, failures.Length);
        Assert.Equal((new RuleId("test.fragile"), WarningSubject.For(broken)), (failures[0].Rule, failures[0].Subject));
        Assert.IsType<InvalidOperationException>(failures[0].Exception);
        Assert.IsType<OperationCanceledException>(failures[1].Exception);
        Assert.NotNull(engine.Find(Key(new RuleId("test.fragile"), fine)));
        Assert.NotNull(engine.Find(Key(NoMetricRule.RuleId, broken)));
        Assert.NotNull(engine.Find(Key(NoMetricRule.RuleId, slow)));
        Assert.Equal(2, observer.Log.Count(l => l == "failed test.fragile"));
    }

    [Fact]
    public void A_failure_keeps_the_previous_result_and_clears_once_the_rule_succeeds()
    {
        var page = _h.Activity("Fine page");
        var engine = _h.Engine(RuleRegistry.WithBuiltIns().Add(new FragileRule()));
        engine.EvaluateAll();
        var key = Key(new RuleId("test.fragile"), page);

        _h.Journey.RenameActivity(new Actor("ana"), page, "Broken page");
        engine.Refresh();
        Assert.Equal("seen Fine page", engine.Find(key)!.Message);
        Assert.Single(engine.Failures);

        _h.Journey.RenameActivity(new Actor("ana"), page, "Mended page");
        engine.Refresh();
        Assert.Equal("seen Mended page", engine.Find(key)!.Message);
        Assert.Empty(engine.Failures);
    }

    [Fact]
    public void A_host_can_choose_to_rethrow_rule_failures()
    {
        _h.Activity("Broken feed");
        var engine = _h.Engine(RuleRegistry.WithBuiltIns().Add(new FragileRule()), options: new WarningEngineOptions { RethrowRuleFailures = true });

        var ex = Assert.Throws<WarningRuleException>(() => engine.EvaluateAll());

        Assert.Equal(new RuleId("test.fragile"), ex.Rule);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
        Assert.Empty(engine.Warnings);
    }

    [Fact]
    public void Cancelling_an_evaluation_keeps_the_previous_results()
    {
        BelowThreshold();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var before = engine.Warnings.ToArray();
        _h.Activity("Another");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => engine.Refresh(cancelled.Token));
        Assert.Equal(before, engine.Warnings.ToArray());
    }

    [Fact]
    public void A_custom_rule_registers_in_one_line_and_gets_settings_overrides_and_lifecycle()
    {
        var support = _h.Activity("Support line", details: ActivityDetails.Empty with { Owner = "ana", Tags = ValueList<string>.Of("cases:12") });
        var vip = _h.Activity("VIP line", details: ActivityDetails.Empty with { Owner = "ana", Tags = ValueList<string>.Of("cases:12") });
        var rules = RuleRegistry.WithBuiltIns().Add(new OpenCasesRule());
        var settings = WarningSettings.Default.WithOverride(vip, new RuleId("crm.open-cases"), new OpenCasesSettings { MaxOpenCases = 20 });
        var engine = _h.Engine(rules, settings);

        engine.EvaluateAll();

        var key = Key(new RuleId("crm.open-cases"), support);
        Assert.Equal("12 open cases — limit 10", engine.Find(key)!.Message);
        Assert.Null(engine.Find(Key(new RuleId("crm.open-cases"), vip)));
        _h.Journey.AcknowledgeWarning(new Actor("ana"), key);
        Assert.Equal(WarningState.Acknowledged, engine.StateOf(key));
        Assert.Contains(_h.Journey.PendingEvents, e => e is Events.WarningAcknowledged a && a.Warning == key);
    }

    [Fact]
    public void A_rule_disabled_for_the_journey_or_one_activity_raises_nothing_there()
    {
        var a = _h.Activity("A", details: ActivityDetails.Empty);
        var b = _h.Activity("B", details: ActivityDetails.Empty);
        var engine = _h.Engine(settings: WarningSettings.Default.WithOverride(a, NoOwnerRule.RuleId, new NoOwnerSettings { Enabled = false }));
        engine.EvaluateAll();
        Assert.Null(engine.Find(Key(NoOwnerRule.RuleId, a)));
        Assert.NotNull(engine.Find(Key(NoOwnerRule.RuleId, b)));

        engine.Settings = WarningSettings.Default.With(NoOwnerRule.RuleId, new NoOwnerSettings { Enabled = false });
        var result = engine.Refresh();

        Assert.True(result.Full);
        Assert.Null(engine.Find(Key(NoOwnerRule.RuleId, b)));
    }

    [Fact]
    public void Settings_for_an_unknown_rule_or_of_the_wrong_type_are_refused()
    {
        var unknown = Assert.Throws<ArgumentException>(() => _h.Engine(settings: WarningSettings.Default.With(new RuleId("crm.nothing"), new NoOwnerSettings())));
        Assert.Contains("'crm.nothing'", unknown.Message);
        var wrong = Assert.Throws<ArgumentException>(() => _h.Engine(settings: WarningSettings.Default.With(NoMetricRule.RuleId, new NoOwnerSettings())));
        Assert.Contains("NoMetricSettings", wrong.Message);
    }

    [Fact]
    public void Registering_two_rules_with_one_id_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => RuleRegistry.WithBuiltIns().Add(new OpenCasesRule()).Add(new OpenCasesRule()));
        Assert.Contains("'crm.open-cases'", ex.Message);
    }

    [Fact]
    public void After_one_new_observation_only_that_activity_that_metric_and_the_phases_are_rechecked()
    {
        var email = BelowThreshold();
        _h.Observe(_h.Metric(email, "Click rate"), _h.Today, 30m);
        for (var i = 0; i < 20; i++)
        {
            _h.Activity("Other " + i);
        }

        var engine = _h.Engine();
        engine.EvaluateAll();
        var observer = new RecordingObserver();
        engine.Subscribe(observer);

        _h.Observe(_h.Journey.GetActivity(email).Widgets[0].Id, _h.Today.PlusDays(1), 11m);
        var result = engine.Refresh();

        var activityRules = BuiltInRules.All.Count(r => r.Scope == SubjectKind.Activity);
        var metricRules = BuiltInRules.All.Count(r => r.Scope == SubjectKind.Metric);
        Assert.False(result.Full);
        Assert.Equal(activityRules + metricRules + _h.Journey.Phases.Count, result.Checks);
        Assert.Equal(["raised metric.trend Warning", "changed metric.threshold Warning->Critical"], observer.Log);
    }

    [Fact]
    public void Time_based_rules_are_rechecked_only_when_their_due_instant_passes()
    {
        var email = _h.Activity("Newsletter");
        var engine = _h.Engine();
        engine.EvaluateAll();
        Assert.Equal(_h.Clock.GetCurrentInstant() + Duration.FromDays(90), engine.NextDue);

        _h.Clock.Advance(Duration.FromDays(89));
        Assert.Equal(0, engine.Refresh().Checks);

        _h.Clock.Advance(Duration.FromDays(1));
        var result = engine.Refresh();

        Assert.Equal(1, result.Checks);
        Assert.Equal("'Newsletter' has not been updated since 2026-10-10 — limit 90 days", engine.Find(Key(NotUpdatedRule.RuleId, email))!.Message);
    }

    [Fact]
    public void Removing_an_activity_clears_its_warnings_and_rechecks_its_flow_neighbours()
    {
        var mail = _h.Activity("Newsletter");
        var page = _h.Activity("Landing page");
        _h.Journey.AddFlow(new Actor("ana"), mail, page);
        _h.Observe(_h.Metric(mail, "Recipients", null, null, null, kind: MetricKind.Count, unit: ""), _h.Today, 1000m);
        _h.Observe(_h.Metric(page, "Visits", null, null, null, kind: MetricKind.Count, unit: ""), _h.Today, 100m);
        var extra = _h.Activity("Extra", details: ActivityDetails.Empty);
        var engine = _h.Engine();
        engine.EvaluateAll();
        Assert.NotNull(engine.Find(Key(FunnelDropOffRule.RuleId, page)));

        _h.Journey.RemoveActivity(new Actor("ana"), mail);
        _h.Journey.RemoveActivity(new Actor("ana"), extra);
        engine.Refresh();

        Assert.Null(engine.Find(Key(FunnelDropOffRule.RuleId, page)));
        Assert.Null(engine.Find(Key(NoOwnerRule.RuleId, extra)));
    }

    [Fact]
    public void Events_applied_from_elsewhere_are_evaluated_incrementally_when_passed_in()
    {
        var email = BelowThreshold();
        _h.Journey.ClearPendingEvents();
        var engine = _h.Engine();
        engine.EvaluateAll();
        var elsewhere = Journey.FromSnapshot(_h.Journey.ToSnapshot(), _h.Clock);
        elsewhere.RecordObservation(new Actor("crm-sync"), _h.Journey.GetActivity(email).Widgets[0].Id, _h.Today.PlusDays(1), 10m);
        _h.Journey.Apply(elsewhere.PendingEvents[0]);

        var result = engine.Refresh(elsewhere.PendingEvents);

        Assert.False(result.Full);
        Assert.Equal(WarningSeverity.Critical, engine.Find(Key(MetricThresholdRule.RuleId, email))!.Severity);
    }

    [Fact]
    public void Without_the_new_events_the_engine_falls_back_to_a_full_evaluation()
    {
        BelowThreshold();
        var engine = _h.Engine();
        engine.EvaluateAll();
        _h.Activity("Another");
        _h.Journey.ClearPendingEvents();

        Assert.True(engine.Refresh().Full);
    }

    [Fact]
    public void An_observer_that_throws_does_not_stop_the_others_and_the_results_are_kept()
    {
        BelowThreshold();
        var engine = _h.Engine();
        var observer = new RecordingObserver();
        engine.Subscribe(new ThrowingObserver());
        engine.Subscribe(observer);

        Assert.Throws<AggregateException>(() => engine.EvaluateAll());

        Assert.Equal(3, observer.Log.Count);
        Assert.Equal(3, engine.Warnings.Count);
    }

    [Fact]
    public void An_unsubscribed_observer_hears_nothing()
    {
        BelowThreshold();
        var engine = _h.Engine();
        var observer = new RecordingObserver();
        engine.Subscribe(observer).Dispose();

        engine.EvaluateAll();

        Assert.Empty(observer.Log);
    }

    [Fact]
    public void The_needs_attention_view_hides_snoozed_and_resolved_warnings()
    {
        var a = BelowThreshold("A");
        var b = BelowThreshold("B");
        var c = BelowThreshold("C");
        var engine = _h.Engine(settings: WarningSettings.Default.With(EmptyPhaseRule.RuleId, new EmptyPhaseSettings { Enabled = false }));
        engine.EvaluateAll();
        _h.Journey.SnoozeWarning(new Actor("ana"), Key(MetricThresholdRule.RuleId, a), _h.Clock.GetCurrentInstant() + Duration.FromDays(1));
        _h.Journey.ResolveWarning(new Actor("ana"), Key(MetricThresholdRule.RuleId, b));
        _h.Journey.AcknowledgeWarning(new Actor("ana"), Key(MetricThresholdRule.RuleId, c));

        Assert.Equal(["C"], engine.View(WarningQuery.NeedsAttention).Select(i => i.SubjectName));
    }

    [Fact]
    public void Renaming_a_persona_updates_pain_point_messages_incrementally()
    {
        var returns = _h.Activity("Returns form");
        _h.Emotion(returns, -2);
        var engine = _h.Engine();
        engine.EvaluateAll();

        _h.Journey.ChangePersona(new Actor("ana"), _h.Buyer, "New customer", null);
        var result = engine.Refresh();

        Assert.False(result.Full);
        Assert.Equal("Pain point for 'New customer': feels very negative (-2) at 'Returns form'", engine.Find(Key(PainPointRule.RuleId, returns))!.Message);
    }

    [Fact]
    public void Removing_an_empty_phase_clears_its_warning_and_filling_one_clears_its_warning()
    {
        var engine = _h.Engine();
        engine.EvaluateAll();
        var think = new WarningKey(EmptyPhaseRule.RuleId, WarningSubject.For(_h.Think));
        var doKey = new WarningKey(EmptyPhaseRule.RuleId, WarningSubject.For(_h.Do));
        Assert.NotNull(engine.Find(think));

        _h.Journey.RemovePhase(new Actor("ana"), _h.Think);
        _h.Activity("Checkout", _h.Do);
        engine.Refresh();

        Assert.Null(engine.Find(think));
        Assert.Null(engine.Find(doKey));
        Assert.NotNull(engine.Find(new WarningKey(EmptyPhaseRule.RuleId, WarningSubject.For(_h.See))));
    }

    [Fact]
    public void Dates_follow_the_configured_time_zone()
    {
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var launch = _h.Activity("Launch", details: ActivityDetails.Empty with { Owner = "ana", Status = ActivityStatus.Active, PlannedEnd = _h.Today });
        _h.Clock.Reset(Instant.FromUtc(2026, 10, 10, 16, 0));
        var utc = _h.Engine();
        var japan = _h.Engine(options: new WarningEngineOptions { Zone = tokyo });

        utc.EvaluateAll();
        japan.EvaluateAll();

        Assert.Null(utc.Find(Key(OverdueRule.RuleId, launch)));
        Assert.NotNull(japan.Find(Key(OverdueRule.RuleId, launch)));
    }

    private sealed class ThrowingObserver : IWarningObserver
    {
        public void OnRaised(Warning warning) => throw new InvalidOperationException("mail server down");

        public void OnChanged(Warning previous, Warning current) => throw new InvalidOperationException("mail server down");

        public void OnCleared(Warning previous) => throw new InvalidOperationException("mail server down");
    }
}
