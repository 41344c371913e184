using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>
/// <c>metric.threshold</c> hands back its kept warning without walking the series when the warning was found from the
/// same metric widget and settings objects. A kept engine, after random edits to exactly those inputs — observations
/// recorded, corrected and removed, thresholds, direction and title changed, the rule's settings changed for the journey
/// and for one metric, the clock advanced — and a full evaluation or a refresh, holds what a new engine finds.
/// </summary>
public class ThresholdMemoProperties
{
    /// <summary>One edit: what (0–6) and its numbers.</summary>
    public sealed record Edit(int What, int Metric, int Day, decimal Value, int A, int B, bool Full)
    {
        public override string ToString() => $"{What}/{Metric}/{Day}/{Value}/{A}/{B}/{(Full ? "full" : "refresh")}";
    }

    /// <summary>Edits weighted towards observations, which move a metric's run past its limits.</summary>
    public static class Edits
    {
        public static Arbitrary<Edit[]> Arrays() => Gen.ArrayOf(
            from what in Gen.Frequency<int>((8, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(2)), (2, Gen.Constant(3)), (2, Gen.Constant(4)), (1, Gen.Constant(5)), (1, Gen.Constant(6)))
            from metric in Gen.Choose(0, 2)
            from day in Gen.Choose(0, 12)
            from value in Gen.Elements(5m, 11.5m, 12m, 12.01m, 15m, 18m, 19.25m, 24m, 25m, 30m)
            from a in Gen.Choose(0, 3)
            from b in Gen.Choose(0, 3)
            from full in Gen.Elements(true, false)
            select new Edit(what, metric, day, value, a, b, full)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Edits) }, MaxTest = 200)]
    public void A_kept_engine_after_edits_to_series_thresholds_direction_and_settings_holds_what_a_new_engine_finds(Edit[] edits)
    {
        var h = new RuleHarness(2026, 1, 1);
        var activity = h.Activity("Checkout");
        var metrics = new[] { h.Metric(activity, "Open rate"), h.Metric(activity, "Churn", 12, 18, 25, MetricDirection.LowerIsBetter), h.Metric(h.Activity("Support"), "CSAT") };
        var start = h.Today.PlusDays(-20);
        foreach (var metric in metrics)
        {
            h.Observe(metric, start.PlusDays(1), 11m);
            h.Observe(metric, start.PlusDays(2), 15m);
        }

        var rules = new RuleRegistry().Add(BuiltInRules.MetricThreshold).Add(BuiltInRules.StaleMetric);
        var engine = h.Engine(rules);
        engine.EvaluateAll();
        var actor = new Actor("ana");
        foreach (var edit in edits)
        {
            var id = metrics[edit.Metric];
            var metric = h.Journey.FindMetric(id, out _, out _)!;
            var date = start.PlusDays(edit.Day);
            switch (edit.What)
            {
                case 0:
                    if (metric.Observations.Any(o => o.Date == date))
                    {
                        h.Journey.CorrectObservation(actor, id, date, edit.Value);
                    }
                    else
                    {
                        h.Journey.RecordObservation(actor, id, date, edit.Value);
                    }

                    break;
                case 1:
                    if (metric.Observations.Count > 0)
                    {
                        h.Journey.RemoveObservation(actor, id, metric.Observations[edit.Day % metric.Observations.Count].Date);
                    }

                    break;
                case 2:
                    // Thresholds and direction (consistent with each other, sometimes missing).
                    var higher = edit.A % 2 == 0;
                    var step = higher ? 1m + edit.B : -1m - edit.B;
                    var critical = higher ? edit.Value : edit.Value + 10m;
                    h.Journey.ChangeWidget(actor, metric with
                    {
                        Direction = higher ? MetricDirection.HigherIsBetter : MetricDirection.LowerIsBetter,
                        CriticalThreshold = edit.A == 3 ? null : critical,
                        WarningThreshold = critical + step,
                        Target = edit.B == 3 ? null : critical + (2 * step),
                    });
                    break;
                case 3:
                    h.Journey.SetRuleSettings(actor, MetricThresholdRule.RuleId, Settings(edit));
                    break;
                case 4:
                    h.Journey.SetMetricRuleSettings(actor, id, MetricThresholdRule.RuleId, Settings(edit));
                    break;
                case 5:
                    h.Journey.ChangeWidget(actor, metric with { Title = edit.A % 2 == 0 ? "Open rate" : "Conversion" });
                    break;
                default:
                    h.Clock.Advance(Duration.FromDays(edit.Day) + Duration.FromHours(edit.A));
                    break;
            }

            if (edit.Full)
            {
                engine.EvaluateAll();
            }
            else
            {
                engine.Refresh();
            }

            var fresh = h.Engine(rules);
            fresh.EvaluateAll();
            Assert.Equal(Describe(fresh), Describe(engine));

            // Nothing changed since: a repeat full evaluation (the memo's fast path) keeps every warning as it is.
            var again = engine.EvaluateAll();
            Assert.Equal(0, again.Raised + again.Changed + again.Cleared);
            Assert.Equal(Describe(fresh), Describe(engine));
        }
    }

    private static MetricThresholdSettings Settings(Edit edit) => new()
    {
        MinimumRun = 1 + (edit.A % 3),
        ClearAfter = 1 + (edit.B % 3),
        ClearBand = edit.Day % 3 == 0 ? 0m : edit.Day % 3 == 1 ? 1m : 2.5m,
        FlagOffTarget = edit.Day % 2 == 0,
    };

    private static string[] Describe(WarningEngine engine) =>
        [.. engine.Warnings.Select(w => $"{w.Key} {w.Severity} {w.Message} {w.Evidence} {w.PastLimit}").Order(StringComparer.Ordinal)];
}
