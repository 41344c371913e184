using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>Journey and phase KPIs in the observations CSV: exported with their scope, imported back into the KPI.</summary>
public sealed class CsvKpiTests
{
    private const string Header = "activity_id,activity,metric_id,metric,unit,kind,date,value,scope,phase";
    private static readonly Actor Ana = new("ana");
    private static readonly LocalDate Day = new(2026, 1, 10);

    private static Journey Store(out PhaseId think, out ActivityId ads, out WidgetId repeat, out WidgetId conversion, out WidgetId visitors)
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 2, 1, 9, 0, 0));
        var see = journey.AddPhase(Ana, "See");
        think = journey.AddPhase(Ana, "Think");
        ads = journey.AddActivity(Ana, see, "Ads");
        repeat = journey.AddJourneyMetric(Ana, new MetricWidget("Repeat purchase") { Unit = "%", Kind = MetricKind.Percentage });
        conversion = journey.AddPhaseMetric(Ana, think, new MetricWidget("Conversion") { Unit = "%", Kind = MetricKind.Percentage });
        visitors = journey.AddWidget(Ana, ads, new MetricWidget("Visitors"));
        journey.RecordObservation(Ana, repeat, Day, 31.5m);
        journey.RecordObservation(Ana, conversion, Day, 4.2m);
        journey.RecordObservation(Ana, visitors, Day, 900m);
        return journey;
    }

    private static async Task<string> Export(Journey journey)
    {
        using var writer = new StringWriter();
        await JourneyCsv.ExportObservationsAsync(journey, writer);
        return writer.ToString();
    }

    private static Task<CsvImportResult> Import(Journey journey, params string[] rows) =>
        JourneyCsv.ImportObservationsAsync(journey, new StringReader(string.Join('\n', [Header, .. rows]) + "\n"), new Actor("importer"), CsvImportMode.ApplyValidRows);

    [Fact]
    public async Task Journey_and_phase_kpis_are_exported_first_with_their_scope_and_phase()
    {
        var journey = Store(out _, out var ads, out var repeat, out var conversion, out var visitors);

        var csv = await Export(journey);

        Assert.Equal(string.Join('\n',
            Header,
            $",,{repeat},Repeat purchase,%,Percentage,2026-01-10,31.5,journey,",
            $",,{conversion},Conversion,%,Percentage,2026-01-10,4.2,phase,Think",
            $"{ads},Ads,{visitors},Visitors,,Count,2026-01-10,900,activity,See") + "\n", csv);
    }

    [Fact]
    public async Task Kpi_rows_record_and_correct_the_kpi_and_an_unknown_metric_id_adds_the_kpi()
    {
        var journey = Store(out var think, out _, out var repeat, out var conversion, out _);
        var churn = WidgetId.New();

        var result = await Import(journey,
            $",,{repeat},Repeat purchase,%,Percentage,2026-01-10,32,journey,",
            $",,{conversion},Conversion,%,Percentage,2026-01-11,4.4,PHASE,Think",
            $",,{churn},Churn,%,Percentage,2026-01-11,2.5,phase,Think");

        Assert.Equal((3, 0), (result.Applied, result.Rejected.Count));
        Assert.Equal([new Observation(Day, 32m)], journey.Metrics.Single().Observations);
        var kpis = journey.GetPhase(think).Metrics;
        Assert.Equal([conversion, churn], kpis.Select(m => m.Id));
        Assert.Equal([new Observation(Day, 4.2m), new Observation(Day.PlusDays(1), 4.4m)], kpis[0].Observations);
        Assert.Equal(("Churn", "%", MetricKind.Percentage, 2.5m), (kpis[1].Title, kpis[1].Unit, kpis[1].Kind, kpis[1].Observations.Single().Value));
    }

    [Fact]
    public async Task Kpi_rows_that_do_not_fit_are_refused_with_their_line_and_what_to_do()
    {
        var journey = Store(out _, out var ads, out var repeat, out var conversion, out var visitors);
        var before = journey.Version;

        var result = await Import(journey,
            $",,{repeat},Repeat purchase,%,Percentage,2026-01-10,32,portfolio,",
            $"{ads},Ads,{repeat},Repeat purchase,%,Percentage,2026-01-10,32,journey,",
            $",,{conversion},Conversion,%,Percentage,2026-01-10,4,phase,Care",
            $",,{conversion},Conversion,%,Percentage,2026-01-10,4,phase,See",
            $",,{visitors},Visitors,,Count,2026-01-10,1,journey,",
            $"{ads},Ads,{repeat},Repeat purchase,%,Percentage,2026-01-10,32,activity,See",
            $",,{repeat},Repeat purchase,%,Percentage,2026-01-10,32,journey,Think",
            $",,{repeat},Repeat purchase,%,Percentage,2026-01-10,120,journey,");

        Assert.Equal(0, result.Applied);
        Assert.Equal(before, journey.Version);
        Assert.Equal(
            [
                "line 2: the scope 'portfolio' is not one of journey, phase, activity (empty = activity).",
                $"line 3: a journey KPI row leaves activity_id empty; it has '{ads}'. Write scope 'activity' for a metric of that activity.",
                "line 4: the journey has no phase named 'Care'; its phases are 'See', 'Think'.",
                $"line 5: metric {conversion} is a KPI of phase 'Think', not of phase 'See'.",
                $"line 6: widget {visitors} is on activity 'Ads', not a KPI of the journey; write scope 'activity' and its activity_id.",
                $"line 7: metric {repeat} is a KPI of the journey, not a metric of activity 'Ads'; write scope 'journey' and leave activity_id empty.",
                "line 8: a journey KPI row leaves phase empty; it has 'Think'. Write scope 'phase' for a KPI of that phase.",
            ],
            result.Rejected.Take(7).Select(r => r.ToString()));
        Assert.Equal(9, result.Rejected[7].Line);
    }

    [Fact]
    public async Task Kpis_round_trip_into_a_journey_with_the_same_phases()
    {
        var original = Store(out _, out _, out _, out _, out _);
        var copy = Journey.Create(new Actor("importer"), WorkspaceId.New(), "Copy", FakeClock.FromUtc(2026, 2, 1, 9, 0, 0));
        copy.AddPhase(Ana, "See");
        copy.AddPhase(Ana, "Think");
        using (var activities = new StringWriter())
        {
            await JourneyCsv.ExportActivitiesAsync(original, activities);
            await JourneyCsv.ImportActivitiesAsync(copy, new StringReader(activities.ToString()), new Actor("importer"));
        }

        await JourneyCsv.ImportObservationsAsync(copy, new StringReader(await Export(original)), new Actor("importer"));

        Assert.Equal(original.Metrics, copy.Metrics);
        Assert.Equal(original.Phases.Select(p => (p.Name, p.Metrics)), copy.Phases.Select(p => (p.Name, p.Metrics)));
        Assert.Equal(await Export(original), await Export(copy));
    }
}
