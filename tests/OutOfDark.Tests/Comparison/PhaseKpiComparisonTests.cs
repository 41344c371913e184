using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Comparison;
using Xunit;

namespace OutOfDark.Tests.Comparison;

/// <summary>Phase deltas come from the phases' own KPIs when both sides have one, else from the activities' mean.</summary>
public sealed class PhaseKpiComparisonTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly LocalDate Day = new(2026, 9, 30);
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);

    /// <summary>A journey with phase Care: activities "Form" and "Call" each with a CSAT (%) metric, and optionally a phase KPI.</summary>
    private Journey Side(WorkspaceId workspace, string name, decimal form, decimal call, (string Title, string Unit, decimal Value, decimal? Target)? phaseKpi)
    {
        var journey = Journey.Create(Ana, workspace, name, _clock);
        var care = journey.AddPhase(Ana, "Care");
        foreach (var (activity, value) in new[] { ("Form", form), ("Call", call) })
        {
            var metric = journey.AddWidget(Ana, journey.AddActivity(Ana, care, activity), new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Percentage });
            journey.RecordObservation(Ana, metric, Day, value);
        }

        if (phaseKpi is { } kpi)
        {
            var id = journey.AddPhaseMetric(Ana, care, new MetricWidget(kpi.Title) { Unit = kpi.Unit, Kind = MetricKind.Percentage, Target = kpi.Target });
            journey.RecordObservation(Ana, id, Day, kpi.Value);
        }

        return journey;
    }

    private (Journey AsIs, Journey ToBe) Pair((string, string, decimal, decimal?)? asIsKpi, (string, string, decimal, decimal?)? toBeKpi)
    {
        var workspace = WorkspaceId.New();
        var asIs = Side(workspace, "Today", 60m, 70m, asIsKpi);
        var toBe = Side(workspace, "Tomorrow", 80m, 90m, toBeKpi);
        toBe.PairWith(Ana, asIs.Id);
        return (asIs, toBe);
    }

    [Fact]
    public void A_kpi_both_phases_hold_gives_the_phase_delta_instead_of_the_activity_mean()
    {
        // Title and unit pair ignoring case, as activities' KPIs do.
        var (asIs, toBe) = Pair(("CSAT", "%", 62m, 75m), ("csat", "%", 88m, 85m));

        var comparison = JourneyComparison.Compare(asIs, toBe);

        var phase = Assert.Single(comparison.Phases);
        var kpi = Assert.Single(phase.Kpis);
        Assert.Equal((KpiSource.PhaseKpi, "CSAT", 62m, 88m, 75m, 85m), (kpi.Source, kpi.Title, kpi.AsIsValue!.Value, kpi.ToBeValue!.Value, kpi.AsIsTarget!.Value, kpi.ToBeTarget!.Value));
        var line = comparison.ToDiffText().Split('\n').Single(l => l.StartsWith("@ [Care]", System.StringComparison.Ordinal));
        Assert.Equal("@ [Care] 0 added, 0 removed, 2 changed; KPI \"CSAT\" (%) [phase KPI] 62 → 88 (+26), target 75 → 85 (+10)", line);
        Assert.All(comparison.Changed.SelectMany(c => c.Kpis), k => Assert.Equal(KpiSource.ActivityMetric, k.Source));
    }

    [Fact]
    public void A_kpi_only_one_phase_holds_falls_back_to_the_activity_mean_and_says_so()
    {
        var (asIs, toBe) = Pair(("CSAT", "%", 62m, null), null);

        var phase = Assert.Single(JourneyComparison.Compare(asIs, toBe).Phases);

        var kpi = Assert.Single(phase.Kpis);
        Assert.Equal((KpiSource.ActivityMean, 65m, 85m), (kpi.Source, kpi.AsIsValue!.Value, kpi.ToBeValue!.Value));
    }

    [Fact]
    public void A_phase_kpi_no_activity_measures_is_shown_from_the_phase_and_the_activities_keep_their_mean()
    {
        var (asIs, toBe) = Pair(("Conversion", "%", 3.1m, null), ("Conversion", "%", 4.4m, null));
        var (asIsOnly, toBeWithout) = Pair(("Conversion", "%", 3.1m, null), null);

        var both = Assert.Single(JourneyComparison.Compare(asIs, toBe).Phases).Kpis;
        var one = Assert.Single(JourneyComparison.Compare(asIsOnly, toBeWithout).Phases).Kpis;

        Assert.Equal([(KpiSource.PhaseKpi, "Conversion", (decimal?)3.1m, (decimal?)4.4m), (KpiSource.ActivityMean, "CSAT", 65m, 85m)], both.Select(k => (k.Source, k.Title, k.AsIsValue, k.ToBeValue)));
        Assert.Equal([(KpiSource.PhaseKpi, "Conversion", (decimal?)3.1m, (decimal?)null), (KpiSource.ActivityMean, "CSAT", 65m, 85m)], one.Select(k => (k.Source, k.Title, k.AsIsValue, k.ToBeValue)));
    }

    [Fact]
    public void Seen_from_the_other_side_a_delta_keeps_its_source()
    {
        var delta = new KpiDelta("CSAT", "%", 62m, 88m, null, null) { Source = KpiSource.PhaseKpi };

        Assert.Equal(new KpiDelta("CSAT", "%", 88m, 62m, null, null) { Source = KpiSource.PhaseKpi }, delta.Swapped());
    }
}
