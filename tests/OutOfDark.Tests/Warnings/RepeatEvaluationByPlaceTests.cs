using System;
using System.Linq;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>
/// A repeat full evaluation with the journey unchanged reads the kept warnings by their place in the evaluation's order
/// and records nothing for an unchanged one: what it does change (settings that switch a rule off or on, a rule that
/// starts failing) must still reach the kept table, the observers and the next evaluation.
/// </summary>
public class RepeatEvaluationByPlaceTests
{
    [Fact]
    public void Switching_a_rule_off_and_on_between_repeat_full_evaluations_clears_and_raises_its_warnings_and_keeps_the_others()
    {
        var h = new RuleHarness(2026, 1, 1);
        var noOwner = ActivityDetails.Empty with { Status = ActivityStatus.Active };
        var call = h.Activity("Support call", details: noOwner);
        var mail = h.Activity("Mail", details: noOwner);
        h.Observe(h.Metric(call), h.Today, 10);
        h.Observe(h.Metric(mail), h.Today, 20);
        var engine = h.Engine(new RuleRegistry().Add(BuiltInRules.NoOwner).Add(BuiltInRules.MetricThreshold));
        engine.EvaluateAll();
        engine.EvaluateAll();
        var thresholds = engine.Warnings.Where(w => w.Key.Rule == MetricThresholdRule.RuleId).ToArray();
        Assert.Single(thresholds);
        var observer = new RecordingObserver();
        using var subscription = engine.Subscribe(observer);

        engine.Settings = WarningSettings.Default.With(NoOwnerRule.RuleId, new NoOwnerSettings { Enabled = false });
        var off = engine.EvaluateAll();

        Assert.Equal((0, 0, 2), (off.Raised, off.Changed, off.Cleared));
        Assert.Equal(["cleared activity.no-owner", "cleared activity.no-owner"], observer.Log);
        Assert.Same(thresholds[0], Assert.Single(engine.Warnings));
        Assert.Null(engine.Find(new WarningKey(NoOwnerRule.RuleId, WarningSubject.For(call))));
        var again = engine.EvaluateAll();
        Assert.Equal((0, 0, 0), (again.Raised, again.Changed, again.Cleared));

        engine.Settings = WarningSettings.Default;
        var on = engine.EvaluateAll();

        Assert.Equal((2, 0, 0), (on.Raised, on.Changed, on.Cleared));
        Assert.Equal(new[] { call.Value, mail.Value }.Order(), engine.Warnings.Where(w => w.Key.Rule == NoOwnerRule.RuleId).Select(w => w.Key.Subject.Id).Order());
        Assert.Same(thresholds[0], engine.Find(thresholds[0].Key));
    }

    [Fact]
    public void A_rule_that_fails_where_a_warning_is_kept_keeps_it_and_keeps_it_unchanged_when_it_recovers()
    {
        var h = new RuleHarness(2026, 1, 1);
        var call = h.Activity("Support call", details: ActivityDetails.Empty with { Status = ActivityStatus.Active });
        var rule = new SwitchableRule();
        var engine = h.Engine(new RuleRegistry().Add(rule));
        engine.EvaluateAll();
        engine.EvaluateAll();
        var kept = Assert.Single(engine.Warnings);

        rule.Fail = true;
        var failing = engine.EvaluateAll();

        Assert.Equal((0, 0, 0, 1), (failing.Raised, failing.Changed, failing.Cleared, failing.Failures));
        Assert.Same(kept, Assert.Single(engine.Warnings));
        Assert.Equal(WarningSubject.For(call), Assert.Single(engine.Failures).Subject);

        rule.Fail = false;
        var recovered = engine.EvaluateAll();

        Assert.Equal((0, 0, 0, 0), (recovered.Raised, recovered.Changed, recovered.Cleared, recovered.Failures));
        Assert.Same(kept, Assert.Single(engine.Warnings));
        Assert.Empty(engine.Failures);
    }

    /// <summary>Raises a constant warning on every activity, or throws while <see cref="Fail"/> is set.</summary>
    private sealed class SwitchableRule() : WarningRule("test.switchable", "Switchable", WarningSeverity.Warning)
    {
        public bool Fail { get; set; }

        protected override RuleResult Evaluate(RuleContext context) =>
            Fail ? throw new InvalidOperationException("The rule's source is down.") : context.Raise("Always");
    }
}
