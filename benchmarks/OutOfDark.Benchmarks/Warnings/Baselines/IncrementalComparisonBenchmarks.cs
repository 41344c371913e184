using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using NRules;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings.Baselines;

/// <summary>
/// One new observation on one activity's metric, then each contender brings its result up to date: OutOfDark's
/// <see cref="WarningEngine.Refresh(System.Threading.CancellationToken)"/>, NRules' update of the fact and fire on a kept
/// session, RulesEngine's workflow on that activity, and the hand recheck of that activity (the baseline). Every
/// benchmark records the observation through the same journey command, dated today, the clock moving on a day after each
/// pass over the activities; <see cref="CommandOnly"/> is that command alone. Iterations of 100 ms (not the job's
/// 500 ms): each call takes microseconds, and the in-process toolchain stops a benchmark that runs for five minutes,
/// which the 100k case did on a loaded machine.
/// </summary>
[MemoryDiagnoser]
[IterationTime(100)]
public class IncrementalComparisonBenchmarks
{
    private static readonly Actor Feed = new("feed");
    private readonly List<Hit> _hits = [];
    private Journey _journey = null!;
    private WarningEngine _engine = null!;
    private ActivityFact[] _facts = null!;
    private WidgetId[] _metrics = null!;
    private LocalDate[] _last = null!;
    private FakeClock _clock = null!;
    private ISession _session = null!;
    private RulesEngineBaseline _rulesEngine = null!;
    private int _turn;

    /// <summary>Activities in the journey.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>Builds the journey and every contender's kept state, and checks that they agree after one update.</summary>
    /// <exception cref="InvalidOperationException">A contender disagrees with the hand recheck.</exception>
    [GlobalSetup]
    public void Setup()
    {
        var clock = _clock = new FakeClock(ThreeRules.Now);
        _journey = ThreeRules.Journey(Activities, clock);
        _facts = [.. _journey.Activities.Select(a => new ActivityFact(a, ThreeRules.Today))];
        _metrics = [.. _journey.Activities.Select(a => a.Widgets[0].Id)];
        _last = [.. _journey.Activities.Select(a => ((MetricWidget)a.Widgets[0]).Observations.Latest!.Value.Date)];
        _engine = new WarningEngine(_journey, clock, ThreeRules.Registry());
        _engine.EvaluateAll();
        _session = NRulesBaseline.Factory.CreateSession();
        _session.InsertAll(_facts);
        _session.Fire();
        _rulesEngine = new RulesEngineBaseline();

        // One update through each contender, on an activity whose hits change (a stale metric gets a fresh value past
        // its critical threshold), then the same hits for that activity from all four.
        var k = Array.FindIndex(_facts, f => ThreeRules.IsStale(f.Activity, ThreeRules.Today));
        Record(k, 5m);
        _engine.Refresh();
        _journey.ClearPendingEvents();
        var activity = _facts[k].Activity;
        NRulesBaseline.Sink.Clear();
        _session.Update(_facts[k]);
        _session.Fire();
        var nrules = NRulesBaseline.Sink.ToArray();
        var rulesEngine = new List<Hit>();
        _rulesEngine.Check(_facts[k], rulesEngine);
        var hand = new List<Hit>();
        ThreeRules.Check(activity, ThreeRules.Today, hand);
        ThreeRules.AssertAgree(
            "Incremental evaluation",
            hand,
            ("OutOfDark", ThreeRules.HitsOf(_engine).Where(h => h.Activity == activity.Id)),
            ("NRules", nrules),
            ("RulesEngine", rulesEngine));
        if (hand.Count == 0)
        {
            throw new InvalidOperationException("The update must leave a hit to compare.");
        }

        Console.WriteLine($"// {Activities} activities: after one observation, {string.Join(", ", hand)}");
    }

    /// <summary>The command alone: one observation recorded, nothing re-evaluated.</summary>
    /// <returns>The journey's version.</returns>
    [Benchmark]
    public long CommandOnly()
    {
        Record(NextTurn(), Value());
        _journey.ClearPendingEvents();
        return _journey.Version;
    }

    /// <summary>The hand recheck of the changed activity.</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark(Baseline = true)]
    public int HandRecheck()
    {
        var k = NextTurn();
        Record(k, Value());
        _journey.ClearPendingEvents();
        _hits.Clear();
        ThreeRules.Check(_facts[k].Activity, ThreeRules.Today, _hits);
        return _hits.Count;
    }

    /// <summary>OutOfDark: the engine refreshes after the event.</summary>
    /// <returns>The number of checks.</returns>
    [Benchmark]
    public int OutOfDarkRefresh()
    {
        Record(NextTurn(), Value());
        var checks = _engine.Refresh().Checks;
        _journey.ClearPendingEvents();
        return checks;
    }

    /// <summary>NRules: the fact updated on the kept session, rules fired.</summary>
    /// <returns>The number of hits fired.</returns>
    [Benchmark]
    public int NRulesUpdateAndFire()
    {
        var k = NextTurn();
        Record(k, Value());
        _journey.ClearPendingEvents();
        NRulesBaseline.Sink.Clear();
        _session.Update(_facts[k]);
        _session.Fire();
        return NRulesBaseline.Sink.Count;
    }

    /// <summary>RulesEngine: the workflow on the changed activity.</summary>
    /// <returns>The number of hits.</returns>
    [Benchmark]
    public int RulesEngineOneActivity()
    {
        var k = NextTurn();
        Record(k, Value());
        _journey.ClearPendingEvents();
        _hits.Clear();
        _rulesEngine.Check(_facts[k], _hits);
        return _hits.Count;
    }

    /// <summary>
    /// Brings the engine up to date after the other benchmarks' commands (a full evaluation, as the events are no longer
    /// pending), for a caller that runs the benchmarks of one instance in turn (<see cref="CpuTimeComparison"/>) and
    /// times the refreshes after it.
    /// </summary>
    public void CatchUp()
    {
        _engine.Refresh();
        _journey.ClearPendingEvents();
    }

    private int NextTurn() => _turn++ % _facts.Length;

    // Alternates across the warning threshold from one pass over the activities to the next, so that each activity's
    // threshold warning comes and goes. (Alternating with every turn gave each activity the same value on every pass when
    // their number is even, so its run of values past the threshold — which the engine's evidence counts — grew without end.)
    private decimal Value() => ((_turn / _facts.Length) & 1) == 0 ? 17m : 26m;

    // Observations are dated today (a journey refuses dates after tomorrow); when an activity comes round again on the
    // same day, the clock moves on a day — once per pass over the activities — as a daily feed's would.
    private void Record(int k, decimal value)
    {
        var date = _clock.GetCurrentInstant().InUtc().Date;
        if (date <= _last[k])
        {
            _clock.Advance(Duration.FromDays(1));
            date = _clock.GetCurrentInstant().InUtc().Date;
        }

        _last[k] = date;
        _journey.RecordObservation(Feed, _metrics[k], date, value);
        _facts[k].Activity = _journey.GetActivity(_facts[k].Activity.Id);
    }
}
