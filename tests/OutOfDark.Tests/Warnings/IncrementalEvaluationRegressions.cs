using System;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>Counterexamples the incremental-evaluation properties found, kept as fixed cases.</summary>
public class IncrementalEvaluationRegressions
{
    /// <summary>
    /// A journey KPI's per-segment stale warning, raised under "split by every segment", must clear when the journey's
    /// settings change to "split by region" — also after an activity removal in the same batch (the removal once dropped
    /// the KPI's segment bookkeeping, so the segment the new settings no longer split by kept its warning).
    /// </summary>
    [Fact]
    public void A_kpi_segment_warning_clears_when_the_settings_stop_splitting_by_it_after_an_activity_removal()
    {
        var details = ActivityDetails.Empty with { Status = ActivityStatus.Retired };
        JourneyStep[] steps =
        [
            new AddPhaseStep(Guid.Parse("4b3212c4-24cb-4fed-e493-1c9885de6a72"), "Product page", null, int.MaxValue),
            new AddActivityStep(Guid.Parse("164a4baa-4336-7689-0adf-bda6a548aa2f"), null, 64, 221, "Blog post", ActivityKind.Other, details),
            new AddKpiStep(0, 479, new WidgetSeed(Guid.Parse("e2ba367c-5724-f887-48bd-ddd3187abe79"), 0, "Delivery", "x", new MetricSeed(MetricKind.Csat, MetricDirection.HigherIsBetter, 79, 68, 59, ValueList<decimal>.Of(82.27m, 88.04m, 45.59m, 56.35m, 22.7m, 4.32m, 0.53m, 93.84m)), 15, -1, -2)),
            new MoveActivityStep(909, 57, 180),
            new MeasurementStep(598, 117, 159, 91.65m, 4529, 1, ValueList<int>.Of(53, 33, 22, 53, 29, 40, 31), 0),
            new ObservationStep(59, 26, 26.98m, 2),
            new ChangeRuleSettingsStep("custom.rule", 2, 612, 7, true, true, null),
            new ObservationStep(174, 23, 83.36m, 0),
            new MovePhaseStep(233, 179),
            new AddWidgetStep(933, new WidgetSeed(Guid.Parse("798914b2-3e58-6f4a-d140-bf0518f3819e"), 0, "t", "", new MetricSeed(MetricKind.Percentage, MetricDirection.LowerIsBetter, 44, 50, 59, ValueList<decimal>.Of(62.93m, 9.88m, 67.65m, 25.84m, 52.17m)), 56, 1, 0)),
            new MatchActivityStep(153, Guid.Parse("1906b40a-b508-a11d-e57f-5cc7c3b56a34"), 0),
            new ObservationStep(587, 6, 21.78m, 0),
            new MeasurementStep(447, 17, 701, 43.71m, -1, 1, ValueList<int>.Of(57, 43, 32, 19, 3, 52, 60), 0),
            new AddActivityStep(Guid.Parse("f26c0c4c-0e17-be00-5fff-3205870b5f09"), null, 706, -306, "line", ActivityKind.Milestone, ActivityDetails.Empty with { Status = ActivityStatus.Planned }),
            new RemoveActivityStep(967),
            new ChangeRuleSettingsStep("metric.stale", 0, 130, 5, true, false, null),
        ];
        int[] days = [2, 29, 31, 25, 5, 0, 24];
        var scenario = new JourneyScenario(Guid.NewGuid(), Guid.NewGuid(), "Store visit", ValueList<JourneyStep>.From(steps));
        IncrementalEvaluationProperties.RunAgainstFull(scenario, days);
    }
}
