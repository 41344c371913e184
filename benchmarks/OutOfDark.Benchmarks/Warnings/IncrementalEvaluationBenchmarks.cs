using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>Incremental evaluation after one new observation, on journeys of 1k, 10k and 100k activities.</summary>
[MemoryDiagnoser]
public class IncrementalEvaluationBenchmarks
{
    private Journey _journey = null!;
    private WarningEngine _engine = null!;
    private WidgetId[] _metrics = null!;
    private LocalDate[] _last = null!;
    private FakeClock _clock = null!;
    private int _turn;

    /// <summary>Activities in the journey.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>Builds the journey and evaluates it fully once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = _clock = new FakeClock(Instant.FromUtc(2026, 2, 5, 9, 0));
        _journey = SyntheticJourneys.Journey(Activities, 10, clock);
        _metrics = new WidgetId[_journey.ActivityCount];
        _last = new LocalDate[_metrics.Length];
        var i = 0;
        foreach (var activity in _journey.Activities)
        {
            _metrics[i] = activity.Widgets[0].Id;
            _last[i++] = SyntheticJourneys.FirstDay.PlusDays(9);
        }

        _engine = new WarningEngine(_journey, clock);
        _engine.EvaluateAll();
    }

    /// <summary>Records one observation on the next metric in turn and brings the warnings up to date.</summary>
    /// <returns>The number of checks the refresh ran.</returns>
    [Benchmark]
    public int OneObservationThenRefresh()
    {
        // Dated today (a journey refuses dates after tomorrow); the clock moves on a day once per pass over the metrics.
        var k = _turn++ % _metrics.Length;
        var date = _clock.GetCurrentInstant().InUtc().Date;
        if (date <= _last[k])
        {
            _clock.Advance(Duration.FromDays(1));
            date = _clock.GetCurrentInstant().InUtc().Date;
        }

        _last[k] = date;
        _journey.RecordObservation(new Actor("feed"), _metrics[k], date, (_turn & 1) == 0 ? 19m : 26m);
        var checks = _engine.Refresh().Checks;
        _journey.ClearPendingEvents();
        return checks;
    }
}
