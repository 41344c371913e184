using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>TheyDo metrics landing in journey and phase KPIs (not only in activities' metric widgets), and going back out.</summary>
public sealed class TheyDoKpiImportTests
{
    private static readonly Actor Crm = new("theydo-sync");
    private readonly Journey _journey;
    private readonly PhaseId _care;
    private readonly Dictionary<string, WidgetId> _targets;

    public TheyDoKpiImportTests()
    {
        _journey = Journey.Create(Crm, WorkspaceId.New(), "Returns", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        _care = _journey.AddPhase(Crm, "Care");
        var refund = _journey.AddActivity(Crm, _care, "Refund");
        _targets = new Dictionary<string, WidgetId>
        {
            // A phase KPI and a journey KPI next to activity metrics.
            ["returns-csat"] = _journey.AddPhaseMetric(Crm, _care, new MetricWidget("Care CSAT") { Unit = "%", Kind = MetricKind.Csat }),
            ["store-nps"] = _journey.AddJourneyMetric(Crm, new MetricWidget("NPS") { Kind = MetricKind.Nps }),
            ["checkout-effort"] = _journey.AddWidget(Crm, refund, new MetricWidget("Effort") { Kind = MetricKind.Ces, Direction = MetricDirection.LowerIsBetter }),
            ["returns-per-day"] = _journey.AddJourneyMetric(Crm, new MetricWidget("Returns per day")),
            ["refund-rate"] = _journey.AddWidget(Crm, refund, new MetricWidget("Refund rate") { Kind = MetricKind.Ratio, Target = 0.9m }),
        };
    }

    [Fact]
    public void A_metric_lands_in_a_phase_kpi_and_in_a_journey_kpi_and_a_reimport_changes_nothing()
    {
        var file = TheyDoJson.ReadMetrics(TheyDoFileTests.Sample("metrics.json"));

        Assert.Equal((6, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));

        var day = new LocalDate(2026, 9, 30);
        var phaseKpi = _journey.Phases.Single(p => p.Id == _care).Metrics.Single();
        Assert.Equal([80m, 81m], phaseKpi.Observations.Select(o => o.Value));
        Assert.Equal(AnswerDistribution.Of(SurveyScale.Csat, 3, 7, 9, 41, 40), phaseKpi.Observations[1].Answers);
        var nps = _journey.Metrics.Single(m => m.Id == _targets["store-nps"]);
        Assert.Equal((day, 30m), (nps.Observations[0].Date, nps.Observations[0].Value));
        Assert.Equal(41.5m, _journey.Metrics.Single(m => m.Id == _targets["returns-per-day"]).Observations.Single().Value);
        var version = _journey.Version;
        Assert.Equal((0, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));
        Assert.Equal(version, _journey.Version);
    }

    [Fact]
    public void Kpis_export_to_a_valid_file_that_imports_back_to_the_same_values()
    {
        TheyDoInterchange.ImportMetrics(_journey, Crm, TheyDoJson.ReadMetrics(TheyDoFileTests.Sample("metrics.json")), _targets);

        var exported = TheyDoJson.WriteMetrics(TheyDoInterchange.ExportMetrics(_journey, _targets.Select(t => KeyValuePair.Create(t.Value, t.Key))));

        using var document = JsonDocument.Parse(exported);
        Assert.Empty(new SchemaValidator(TheyDoSchemas.ReadMetricsSchema()).Validate(document.RootElement));
        var file = TheyDoJson.ReadMetrics(exported);
        Assert.Equal([TheyDoMetricType.Csat, TheyDoMetricType.Nps, TheyDoMetricType.Ces, TheyDoMetricType.Other, TheyDoMetricType.Other], file.Metrics.Select(m => m.Type));
        var version = _journey.Version;
        Assert.Equal((0, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));
        Assert.Equal(version, _journey.Version);
    }
}
