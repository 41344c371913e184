using System.Collections.Generic;
using NodaTime;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>An activity as an NRules fact: one per activity, updated in place when the activity changes.</summary>
public sealed class ActivityFact
{
    /// <summary>Creates the fact.</summary>
    /// <param name="activity">The activity as it is now.</param>
    /// <param name="today">Today, for the stale rule.</param>
    public ActivityFact(Activity activity, LocalDate today) => (Activity, Today) = (activity, today);

    /// <summary>The activity as it is now.</summary>
    public Activity Activity { get; set; }

    /// <summary>Today, for the stale rule.</summary>
    public LocalDate Today { get; }
}

/// <summary>
/// The three rules as NRules rules (fluent DSL, compiled to a Rete network once), firing into a shared list: the
/// alternative a user would write with NRules. One session per full evaluation; a kept session for incremental updates.
/// </summary>
public static class NRulesBaseline
{
    private static ISessionFactory? _factory;

    /// <summary>Where the rules' actions put their hits.</summary>
    public static List<Hit> Sink { get; } = [];

    /// <summary>The compiled rules, built once.</summary>
    public static ISessionFactory Factory
    {
        get
        {
            if (_factory is null)
            {
                var repository = new RuleRepository();
                repository.Load(x => x.From(typeof(ThresholdNRule), typeof(NoOwnerNRule), typeof(StaleNRule)));
                _factory = repository.Compile();
            }

            return _factory;
        }
    }

    /// <summary>A full evaluation: a new session, every activity inserted, rules fired.</summary>
    /// <param name="facts">The facts.</param>
    /// <returns>The hits (the shared sink).</returns>
    public static List<Hit> Run(IReadOnlyList<ActivityFact> facts)
    {
        Sink.Clear();
        var session = Factory.CreateSession();
        session.InsertAll(facts);
        session.Fire();
        return Sink;
    }
}

/// <summary><c>metric.threshold</c> in NRules.</summary>
[Name("metric.threshold")]
public sealed class ThresholdNRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ActivityFact fact = null!;
        When().Match(() => fact, f => ThreeRules.ThresholdLevel(f.Activity) > 0);
        Then().Do(_ => NRulesBaseline.Sink.Add(new Hit(ThreeRules.Threshold, fact.Activity.Id, ThreeRules.SeverityOf(ThreeRules.ThresholdLevel(fact.Activity)))));
    }
}

/// <summary><c>activity.no-owner</c> in NRules.</summary>
[Name("activity.no-owner")]
public sealed class NoOwnerNRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ActivityFact fact = null!;
        When().Match(() => fact, f => ThreeRules.HasNoOwner(f.Activity));
        Then().Do(_ => NRulesBaseline.Sink.Add(new Hit(ThreeRules.NoOwner, fact.Activity.Id, WarningSeverity.Warning)));
    }
}

/// <summary><c>metric.stale</c> in NRules.</summary>
[Name("metric.stale")]
public sealed class StaleNRule : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ActivityFact fact = null!;
        When().Match(() => fact, f => ThreeRules.IsStale(f.Activity, f.Today));
        Then().Do(_ => NRulesBaseline.Sink.Add(new Hit(ThreeRules.Stale, fact.Activity.Id, WarningSeverity.Warning)));
    }
}
