using System;
using System.Linq;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>
/// A kept engine's repeat full evaluations (which reuse the kept warnings, their order and the recheck queue of the
/// evaluation before) give what a new engine's first evaluation gives, also when refreshes come in between.
/// </summary>
public class RepeatEvaluationProperties
{
    private static readonly WarningSettings Settings = WarningSettings.Default
        .With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 3 })
        .With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 4 });

    [Property(Arbitrary = new[] { typeof(IncrementalEvaluationProperties.ClockMoves), typeof(JourneyArbitraries) }, MaxTest = 150)]
    public void Repeat_full_evaluations_mixed_with_refreshes_give_the_same_warnings_as_a_new_engine(JourneyScenario scenario, int[] moves)
    {
        WarningEngine? engine = null;
        var step = 0;
        scenario.Run((_, journey, _) =>
        {
            var clock = (FakeClock)journey.Clock;
            engine ??= new WarningEngine(journey, clock, settings: Settings);
            var move = moves.Length == 0 ? 0 : moves[step++ % moves.Length];
            if (move % 4 == 0)
            {
                clock.Advance(Duration.FromDays(move / 4) + Duration.FromHours(move));
            }

            var full = move % 3 != 0;
            if (!full)
            {
                engine.Refresh();
            }
            else
            {
                engine.EvaluateAll();

                // Twice in a row: the second finds everything kept.
                var again = engine.EvaluateAll();
                Assert.Equal(0, again.Raised + again.Changed + again.Cleared);
            }

            AssertSameAsNew(engine, journey, clock, full);
        });
    }

    private static void AssertSameAsNew(WarningEngine kept, Journey journey, IClock clock, bool full)
    {
        var fresh = new WarningEngine(journey, clock, settings: Settings);
        fresh.EvaluateAll();
        Assert.Equal(Describe(fresh), Describe(kept));
        if (full)
        {
            // A full evaluation leaves exactly the recheck instants it found, whether it rebuilt the queue or kept it.
            Assert.Equal(fresh.NextDue, kept.NextDue);
        }
        else if (fresh.NextDue is { } due)
        {
            // A refresh may leave superseded rechecks queued (they are skipped when they come due), never miss one.
            Assert.True(kept.NextDue <= due, $"Next due {kept.NextDue}, a new engine's {due}.");
        }
    }

    private static string[] Describe(WarningEngine engine) =>
        [.. engine.Warnings.Select(w => $"{w.Key} {w.Severity} {w.Message} {w.Evidence} {w.PastLimit}").Order(StringComparer.Ordinal)];
}

public class RepeatEvaluationTests
{
    [Fact]
    public void A_repeat_full_evaluation_raises_the_warning_of_an_activity_that_took_the_place_of_a_removed_one_with_the_same_facts()
    {
        // Same name, no owner: the two activities' no-owner warnings hold equal facts. Removing the first and adding a
        // third moves the third into the second's place in the map order, where the last evaluation kept the second's.
        var h = new RuleHarness(2026, 1, 1);
        var noOwner = ActivityDetails.Empty with { Status = ActivityStatus.Active };
        var first = h.Activity("Support call", details: noOwner);
        var second = h.Activity("Support call", details: noOwner);
        var engine = h.Engine(new RuleRegistry().Add(BuiltInRules.NoOwner));
        engine.EvaluateAll();
        h.Journey.RemoveActivity(new Actor("ana"), first);
        var third = h.Activity("Support call", details: noOwner);

        var evaluation = engine.EvaluateAll();

        Assert.Equal(new[] { second.Value, third.Value }.Order(), engine.Warnings.Select(w => w.Key.Subject.Id).Order());
        Assert.Equal((1, 1), (evaluation.Raised, evaluation.Cleared));
    }
}
