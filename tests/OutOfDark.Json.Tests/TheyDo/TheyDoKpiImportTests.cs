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
    private static readonly Actor Crm = TheyDoSamples.Crm;
    private readonly Journey _journey;
    private readonly PhaseId _care;
    private readonly Dictionary<string, WidgetId> _targets;

    public TheyDoKpiImportTests()
    {
        _journey = TheyDoSamples.ReturnsJourney(out _care, out var refund);

        // A phase KPI and journey KPIs next to activity metrics.
        _targets = TheyDoSamples.Targets((key, metric) => key switch
        {
            "returns-csat" => _journey.AddPhaseMetric(Crm, _care, metric),
            "store-nps" or "returns-per-day" => _journey.AddJourneyMetric(Crm, metric),
            _ => _journey.AddWidget(Crm, refund, metric),
        });
    }

    [Fact]
    public void A_metric_lands_in_a_phase_kpi_and_in_a_journey_kpi_and_a_reimport_changes_nothing()
    {
        var file = TheyDoSamples.Metrics();

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
        TheyDoInterchange.ImportMetrics(_journey, Crm, TheyDoSamples.Metrics(), _targets);

        var export = TheyDoInterchange.ExportMetrics(_journey, _targets.Select(t => KeyValuePair.Create(t.Value, t.Key)));
        var exported = TheyDoJson.WriteMetrics(export.File);

        TheyDoSamples.AssertValidMetrics(exported);
        Assert.Equal([("returns-per-day", TheyDoDowngradeReason.KindWithoutType), ("refund-rate", TheyDoDowngradeReason.RatioWithoutTerms)], export.Downgrades.Select(d => (d.ImportKey, d.Reason)));
        var file = TheyDoJson.ReadMetrics(exported);
        Assert.Equal([TheyDoMetricType.Csat, TheyDoMetricType.Nps, TheyDoMetricType.Ces, TheyDoMetricType.Other, TheyDoMetricType.Other], file.Metrics.Select(m => m.Type));
        var version = _journey.Version;
        Assert.Equal((0, 0), TheyDoInterchange.ImportMetrics(_journey, Crm, file, _targets));
        Assert.Equal(version, _journey.Version);
    }
}
