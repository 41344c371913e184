using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

public class IncrementalEvaluationProperties
{
    // Short time limits so that generated clock moves cross them.
    private static readonly WarningSettings Settings = WarningSettings.Default
        .With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 3 })
        .With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 4, SplitBy = SegmentSplit.EverySegment })
        .With(MetricTrendRule.RuleId, new MetricTrendSettings { WindowDays = 10, DropPercent = 5, SplitBy = SegmentSplit.Dimensions, SplitKeys = ValueList<string>.Of("region") })
        .With(FunnelDropOffRule.RuleId, new FunnelDropOffSettings { MaxDropPercent = 10 })
        .With(MetricThresholdRule.RuleId, new MetricThresholdSettings { ClearAfter = 2, ClearBand = 1, SplitBy = SegmentSplit.EverySegment })
        .With(MetricBaselineRule.RuleId, new MetricBaselineSettings { BaselineDays = 7, MinimumObservations = 2, ChangePercent = 10, StandardDeviations = 1 });

    // Re-raises within two days continue their episode.
    private static readonly WarningEngineOptions Options = new() { AcknowledgementCarryOver = Duration.FromDays(2) };

    [Property(Arbitrary = new[] { typeof(ClockMoves), typeof(JourneyArbitraries) }, MaxTest = 200)]
    public void Incremental_evaluation_gives_the_same_warnings_as_a_full_one_for_random_commands_and_clock_moves(JourneyScenario scenario, int[] days) =>
        RunAgainstFull(scenario, days);

    /// <summary>Runs <paramref name="scenario"/>, moving the clock by <paramref name="days"/> and comparing an incremental engine with a full evaluation.</summary>
    internal static void RunAgainstFull(JourneyScenario scenario, int[] days)
    {
        WarningEngine? engine = null;
        var step = 0;
        scenario.Run((_, journey, _) =>
        {
            var clock = (FakeClock)journey.Clock;
            engine ??= new WarningEngine(journey, clock, settings: Settings, options: Options);
            var move = days.Length == 0 ? 0 : days[step++ % days.Length];
            if (move % 4 == 0)
            {
                clock.Advance(Duration.FromDays(move / 4) + Duration.FromHours(move));
            }

            // Refresh after some steps only, so batches of several events are evaluated together.
            if (move % 3 != 1)
            {
                engine.Refresh();
                AssertSameAsFull(engine, journey, clock);
            }
        });

        if (engine is not null)
        {
            engine.Refresh();
            AssertSameAsFull(engine, engine.Journey, (FakeClock)engine.Journey.Clock);
        }
    }

    [Property(Arbitrary = new[] { typeof(SettingsHeavy) }, MaxTest = 150)]
    public void Incremental_evaluation_gives_the_same_warnings_as_a_full_one_when_rule_settings_change_often(JourneyScenario scenario)
    {
        WarningEngine? engine = null;
        var step = 0;
        scenario.Run((_, journey, _) =>
        {
            engine ??= new WarningEngine(journey, journey.Clock, settings: Settings);
            if (step++ % 2 == 0)
            {
                engine.Refresh();
                AssertSameAsFull(engine, journey, journey.Clock);
            }
        });

        if (engine is not null)
        {
            engine.Refresh();
            AssertSameAsFull(engine, engine.Journey, engine.Journey.Clock);
        }
    }

    [Fact]
    public void Incremental_evaluation_matches_a_full_one_on_a_journey_with_funnels_and_time_limits()
    {
        var h = new RuleHarness(2026, 1, 1);
        var engine = new WarningEngine(h.Journey, h.Clock, settings: Settings);
        var previous = (ActivityId?)null;
        var volumes = new System.Collections.Generic.List<WidgetId>();
        var random = new Random(7);
        for (var i = 0; i < 60; i++)
        {
            var activity = h.Activity("Step " + i, i % 2 == 0 ? h.See : h.Do, ActivityDetails.Empty with { Owner = i % 4 == 0 ? null : "ana", PlannedEnd = h.Today.PlusDays(random.Next(10)) });
            var volume = h.Metric(activity, "Visitors", null, null, null, kind: MetricKind.Count, unit: "");
            h.Observe(volume, h.Today, random.Next(1, 1000));
            volumes.Add(volume);
            if (i % 3 == 0)
            {
                // A changed volume changes the drop-off into the next step, not only into this one.
                var earlier = volumes[random.Next(volumes.Count)];
                var date = ((MetricWidget)h.Journey.FindWidget(earlier, out _)!).Observations.Latest!.Value.Date;
                h.Journey.CorrectObservation(new Actor("ana"), earlier, date, random.Next(1, 1000));
            }
            if (previous is { } p)
            {
                h.Journey.AddFlow(new Actor("ana"), p, activity);
            }

            previous = activity;
            if (i % 7 == 0)
            {
                h.Clock.Advance(Duration.FromDays(random.Next(4)));
            }

            if (i % 5 == 0)
            {
                engine.Refresh();
                AssertSameAsFull(engine, h.Journey, h.Clock);
            }
        }

        for (var day = 0; day < 15; day++)
        {
            h.Clock.Advance(Duration.FromHours(13));
            engine.Refresh();
            AssertSameAsFull(engine, h.Journey, h.Clock);
        }
    }

    /// <summary>Scenarios with a rule-settings change after every other step.</summary>
    public static class SettingsHeavy
    {
        public static Arbitrary<JourneyScenario> Scenarios() => JourneyGenerators.RuleSettingsScenarios(60);
    }

    /// <summary>Clock moves between steps, 0 to 40 each (a quarter of them move the clock by that many days).</summary>
    public static class ClockMoves
    {
        public static Arbitrary<int[]> Moves() => Gen.ArrayOf(Gen.Choose(0, 40)).ToArbitrary();
    }

    private static void AssertSameAsFull(WarningEngine incremental, Journey journey, IClock clock)
    {
        var full = new WarningEngine(journey, clock, settings: Settings);
        full.EvaluateAll();
        Assert.Equal(Describe(full), Describe(incremental));
        Assert.Empty(incremental.Failures);
    }

    private static string[] Describe(WarningEngine engine) =>
        [.. engine.Warnings.Select(w => $"{w.Key} {w.Severity} {w.Message} {w.Evidence}").Order(StringComparer.Ordinal)];
}
