using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>
/// The journey the per-segment benchmarks (<see cref="SegmentBenchmarks"/>, <see cref="SegmentSplitBenchmarks"/>)
/// evaluate: a synthetic journey whose every activity holds one CSAT metric (%, target 80) of <see cref="Days"/> days,
/// cut into <see cref="SegmentsPerMetric"/> segments by region and customer.
/// </summary>
internal static class SegmentedJourneys
{
    /// <summary>How many days of observations each series has.</summary>
    public const int Days = 10;

    /// <summary>How many segments each metric is cut into.</summary>
    public const int SegmentsPerMetric = 10;

    private static readonly Segment[] Segments = Enumerable.Range(0, SegmentsPerMetric)
        .Select(i => Segment.Of(("region", $"R{i}"), ("customer", i % 2 == 0 ? "new" : "returning")))
        .ToArray();

    /// <summary>A clock standing at the day after the last observation.</summary>
    /// <returns>The clock.</returns>
    public static FakeClock Clock() => new(SyntheticJourneys.Created.Plus(Duration.FromDays(Days)));

    /// <summary>Builds the journey.</summary>
    /// <param name="activities">How many activities (one metric each).</param>
    /// <param name="clock">The journey's clock, from <see cref="Clock"/>.</param>
    /// <param name="warningThreshold">Each metric's warning threshold, or <see langword="null"/>.</param>
    /// <param name="criticalThreshold">Each metric's critical threshold, or <see langword="null"/>.</param>
    /// <param name="series">The series of activity n's metric: for its own series (segment <see langword="null"/>) and for
    /// each segment 0 to <see cref="SegmentsPerMetric"/> − 1.</param>
    /// <returns>The journey.</returns>
    public static Journey Build(int activities, IClock clock, decimal? warningThreshold, decimal? criticalThreshold, Func<int, int?, ObservationSeries> series)
    {
        var snapshot = SyntheticJourneys.Snapshot(activities, 0);
        snapshot = snapshot with
        {
            Activities = ValueList<Activity>.From(snapshot.Activities.Select((a, n) => a with
            {
                Widgets = ValueList<Widget>.Of(new MetricWidget(WidgetId.New(), "CSAT")
                {
                    Kind = MetricKind.Csat,
                    Unit = "%",
                    Target = 80,
                    WarningThreshold = warningThreshold,
                    CriticalThreshold = criticalThreshold,
                    Observations = series(n, null),
                    Segments = ValueList<SegmentSeries>.From(Segments.Select((s, i) => new SegmentSeries(s, series(n, i)))),
                }),
            })),
        };
        return Journey.FromSnapshot(snapshot, clock);
    }
}
