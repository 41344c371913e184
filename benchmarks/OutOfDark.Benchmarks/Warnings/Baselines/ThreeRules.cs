using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>One rule's finding about one activity: what every contender must agree on before it is timed.</summary>
/// <param name="Rule">The rule's id.</param>
/// <param name="Activity">The activity.</param>
/// <param name="Severity">The severity.</param>
public readonly record struct Hit(string Rule, ActivityId Activity, WarningSeverity Severity)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule} {Activity} {Severity}";
}

/// <summary>
/// The three rules the rules engines are compared on, with the built-ins' default settings — a metric past its
/// warning or critical threshold in its direction (<c>metric.threshold</c>), a live activity without an owner
/// (<c>activity.no-owner</c>), a live activity's metric without an observation for 30 days (<c>metric.stale</c>) —
/// written once as plain checks that NRules' conditions, RulesEngine's expressions and the hand loop all call, and the
/// journey they run on.
/// </summary>
public static class ThreeRules
{
    /// <summary>The stale rule's limit in days (the built-in default).</summary>
    public const int StaleDays = 30;

    /// <summary>The rules' ids.</summary>
    public static readonly string Threshold = MetricThresholdRule.RuleId.Value, NoOwner = NoOwnerRule.RuleId.Value, Stale = StaleMetricRule.RuleId.Value;

    /// <summary>The evaluation instant: 34 days after the first observation day, so that 4 in 10 metrics are stale.</summary>
    public static readonly Instant Now = SyntheticJourneys.FirstDay.PlusDays(34).AtMidnight().InUtc().ToInstant().Plus(Duration.FromHours(9));

    /// <summary>Today's date at <see cref="Now"/> (UTC).</summary>
    public static LocalDate Today => Now.InUtc().Date;

    /// <summary>The built-in rules of the comparison, nothing else.</summary>
    /// <returns>A registry of three rules.</returns>
    public static RuleRegistry Registry() =>
        new RuleRegistry().Add(BuiltInRules.MetricThreshold).Add(BuiltInRules.NoOwner).Add(BuiltInRules.StaleMetric);

    /// <summary>
    /// The synthetic journey (one metric per activity, one in ten without owner) with activity <c>i</c>'s metric cut to
    /// <c>1 + i % 10</c> daily observations, so that some metrics are stale and their levels differ.
    /// </summary>
    /// <param name="activities">How many activities.</param>
    /// <param name="clock">The journey's clock.</param>
    /// <returns>The journey.</returns>
    public static Journey Journey(int activities, IClock clock)
    {
        var snapshot = SyntheticJourneys.Snapshot(activities, 10);
        var i = 0;
        snapshot = snapshot with
        {
            Activities = ValueList<Activity>.From(snapshot.Activities.Select(a =>
            {
                var keep = 1 + (i++ % 10);
                return a with
                {
                    Widgets = ValueList<Widget>.From(a.Widgets.Select(w => w is MetricWidget m
                        ? m with { Observations = ObservationSeries.From(m.Observations.Take(keep)) }
                        : w)),
                };
            })),
        };
        return OutOfDark.Journey.FromSnapshot(snapshot, clock);
    }

    /// <summary>The threshold check: 2 when a metric's latest value is past its critical threshold, 1 past its warning threshold, else 0.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The severity code.</returns>
    public static int ThresholdLevel(Activity activity)
    {
        var level = 0;
        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget is MetricWidget m && m.Observations.Latest is { } latest)
            {
                if (m.CriticalThreshold is { } c && m.IsWorse(latest.Value, c))
                {
                    return 2;
                }

                if (m.WarningThreshold is { } w && m.IsWorse(latest.Value, w))
                {
                    level = 1;
                }
            }
        }

        return level;
    }

    /// <summary>The owner check: a live activity with no owner.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>Whether it has no owner.</returns>
    public static bool HasNoOwner(Activity activity) =>
        activity.Details.Status != ActivityStatus.Retired && activity.Details.Owner is null;

    /// <summary>The stale check: a live activity with a metric whose latest observation is more than 30 days before today.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="today">Today.</param>
    /// <returns>Whether a metric is stale.</returns>
    public static bool IsStale(Activity activity, LocalDate today)
    {
        if (activity.Details.Status == ActivityStatus.Retired)
        {
            return false;
        }

        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget is MetricWidget m && m.Observations.Latest is { } latest && today >= latest.Date.PlusDays(StaleDays + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The severity of a threshold level.</summary>
    /// <param name="level">1 or 2.</param>
    /// <returns>The severity.</returns>
    public static WarningSeverity SeverityOf(int level) => level == 2 ? WarningSeverity.Critical : WarningSeverity.Warning;

    /// <summary>The hand loop's check of one activity: adds its hits.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="today">Today.</param>
    /// <param name="hits">Where hits go.</param>
    public static void Check(Activity activity, LocalDate today, List<Hit> hits)
    {
        if (ThresholdLevel(activity) is > 0 and var level)
        {
            hits.Add(new Hit(Threshold, activity.Id, SeverityOf(level)));
        }

        if (HasNoOwner(activity))
        {
            hits.Add(new Hit(NoOwner, activity.Id, WarningSeverity.Warning));
        }

        if (IsStale(activity, today))
        {
            hits.Add(new Hit(Stale, activity.Id, WarningSeverity.Warning));
        }
    }

    /// <summary>The hand loop: every activity, the three checks, hits into a reused list.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="today">Today.</param>
    /// <param name="hits">Cleared, then filled.</param>
    public static void HandLoop(Journey journey, LocalDate today, List<Hit> hits)
    {
        hits.Clear();
        foreach (var activity in journey.Activities)
        {
            Check(activity, today, hits);
        }
    }

    /// <summary>The engine's present warnings as hits; a metric's warning counts for the activity that holds the metric.</summary>
    /// <param name="engine">The engine.</param>
    /// <returns>The hits.</returns>
    /// <exception cref="InvalidOperationException">A warning's subject is neither an activity nor a metric of one.</exception>
    public static IEnumerable<Hit> HitsOf(WarningEngine engine) =>
        engine.Warnings.Select(w => new Hit(w.Key.Rule.Value, ActivityOf(engine.Journey, w.Key.Subject), w.Severity));

    private static ActivityId ActivityOf(Journey journey, WarningSubject subject)
    {
        if (subject.ActivityId is { } activity)
        {
            return activity;
        }

        if (subject.MetricId is { } metric && journey.FindWidget(metric, out var owner) is not null)
        {
            return owner!.Id;
        }

        throw new InvalidOperationException($"Warning subject {subject} is neither an activity nor a metric of one.");
    }

    /// <summary>Throws unless every contender found the same hits.</summary>
    /// <param name="what">What was compared, for the message.</param>
    /// <param name="expected">The hand loop's hits.</param>
    /// <param name="contenders">Each contender's name and hits.</param>
    /// <returns>How many hits all found.</returns>
    /// <exception cref="InvalidOperationException">A contender disagrees.</exception>
    public static int AssertAgree(string what, IEnumerable<Hit> expected, params (string Name, IEnumerable<Hit> Hits)[] contenders)
    {
        var want = expected.Select(h => h.ToString()).Order(StringComparer.Ordinal).ToArray();
        foreach (var (name, hits) in contenders)
        {
            var got = hits.Select(h => h.ToString()).Order(StringComparer.Ordinal).ToArray();
            if (!got.SequenceEqual(want))
            {
                var missing = want.Except(got).Take(3);
                var extra = got.Except(want).Take(3);
                throw new InvalidOperationException(
                    $"{what}: {name} found {got.Length} hits, the hand loop {want.Length}; missing [{string.Join("; ", missing)}], extra [{string.Join("; ", extra)}].");
            }
        }

        return want.Length;
    }
}
