using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace OutOfDark.Tests;

public class ObservationSeriesTests
{
    private static readonly LocalDate Day0 = new(2026, 1, 1);

    /// <summary>Observations to add: a day 0 to 60 after <see cref="Day0"/> (often repeated) and a value from -500 to 500.</summary>
    public static class Observations
    {
        public static Arbitrary<(int Day, int Value)[]> Ops() => Gen.ArrayOf(Gen.Choose(0, 60).Zip(Gen.Choose(-500, 500))).ToArbitrary();
    }

    /// <summary>
    /// A parent series of 0 to 20 days, built at once or one observation at a time (which leaves room at the end of its
    /// buffer that children may share), and the gaps (1 to 5 days) after it at which its children append.
    /// </summary>
    public static class Branches
    {
        public static Arbitrary<(int Size, bool OneAtATime, int[] Gaps)> Input() =>
            (from size in Gen.Choose(0, 20)
             from oneAtATime in Gen.Elements(false, true)
             from gaps in Gen.ArrayOf(Gen.Choose(1, 5))
             select (size, oneAtATime, gaps)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Observations) })]
    public void A_series_built_one_observation_at_a_time_matches_a_sorted_dictionary((int Day, int Value)[] ops)
    {
        var series = ObservationSeries.Empty;
        var model = new SortedDictionary<LocalDate, decimal>();
        foreach (var (day, value) in ops)
        {
            var date = Day0.PlusDays(day);
            if (model.ContainsKey(date))
            {
                Assert.Throws<JourneyRuleException>(() => series.Add(new Observation(date, value)));
                series = series.Replace(new Observation(date, value));
            }
            else
            {
                series = series.Add(new Observation(date, value));
            }

            model[date] = value;
        }

        Assert.Equal(model.Select(kv => new Observation(kv.Key, kv.Value)), series);
        Assert.Equal(model.Count == 0 ? null : new Observation(model.Keys.Last(), model.Values.Last()), series.Latest);
    }

    [Property(Arbitrary = new[] { typeof(Branches) })]
    public void Series_derived_from_one_parent_never_see_each_others_appends((int Size, bool OneAtATime, int[] Gaps) input)
    {
        var (size, oneAtATime, branches) = input;
        var observations = Enumerable.Range(0, size).Select(d => new Observation(Day0.PlusDays(d), d));
        var parent = oneAtATime ? observations.Aggregate(ObservationSeries.Empty, (s, o) => s.Add(o)) : ObservationSeries.From(observations);
        var snapshot = parent.ToList();
        var children = branches.Select((gap, i) => (gap, i, series: parent.Add(new Observation(Day0.PlusDays(size + gap), 1000 + i)))).ToList();

        Assert.Equal(snapshot, parent);
        foreach (var (gap, i, series) in children)
        {
            Assert.Equal(snapshot.Append(new Observation(Day0.PlusDays(size + gap), 1000 + i)), series);
        }
    }

    [Fact]
    public void Between_returns_the_observations_in_the_inclusive_range()
    {
        var series = ObservationSeries.From([new(Day0, 1), new(Day0.PlusDays(2), 2), new(Day0.PlusDays(5), 3)]);

        Assert.Equal([2m, 3m], series.Between(Day0.PlusDays(1), Day0.PlusDays(5)).ToArray().Select(o => o.Value));
        Assert.Empty(series.Between(Day0.PlusDays(3), Day0.PlusDays(4)).ToArray());
        Assert.Empty(series.Between(Day0.PlusDays(5), Day0).ToArray());
    }

    [Fact]
    public void Building_a_series_with_two_values_on_one_date_names_the_date()
    {
        var ex = Assert.Throws<JourneyRuleException>(() => ObservationSeries.From([new(Day0, 1), new(Day0, 2)]));

        Assert.Equal(JourneyRules.ObservationDate, ex.Rule);
        Assert.Contains("2026-01-01", ex.Message);
    }
}
