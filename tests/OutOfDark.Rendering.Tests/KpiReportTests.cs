using System;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>The HTML report's section of journey and phase KPIs, and how its warnings name them.</summary>
public class KpiReportTests
{
    private static readonly Actor Ana = new("ana");

    [Fact]
    public void The_report_lists_journey_and_phase_kpis_with_their_observations_and_names_their_warnings()
    {
        var clock = FakeClock.FromUtc(2026, 3, 10, 9, 0, 0);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", clock);
        var think = journey.AddPhase(Ana, "Think");
        var conversion = journey.AddPhaseMetric(Ana, think, new MetricWidget(WidgetId.New(), "Conversion of Think") { Unit = "%", Target = 25, WarningThreshold = 18, CriticalThreshold = 12 });
        journey.AddJourneyMetric(Ana, new MetricWidget(WidgetId.New(), "Repeat <purchase>") { Kind = MetricKind.Percentage });
        journey.RecordObservation(Ana, conversion, new LocalDate(2026, 3, 9), 10.5m);
        var engine = new WarningEngine(journey, clock);
        engine.EvaluateAll();

        var html = HtmlReportRenderer.ToHtml(journey, HtmlReportOptions.Default with { Warnings = engine.Warnings.ToList() });

        var start = html.IndexOf("<section id=\"kpis\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "The report has no KPI section.");
        var section = html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
        Assert.Contains("<h3>Journey › Repeat &lt;purchase&gt;</h3>", section, StringComparison.Ordinal);
        Assert.Contains("<h3>Phase Think › Conversion of Think</h3>", section, StringComparison.Ordinal);
        Assert.Contains("<td><time datetime=\"2026-03-09\">9 Mar 2026</time></td><td>10.5</td>", section, StringComparison.Ordinal);
        Assert.Contains("Phase Think › Conversion of Think", html[html.IndexOf("<section id=\"warnings\">", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void A_journey_without_kpis_has_no_kpi_section()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", FakeClock.FromUtc(2026, 3, 10, 9, 0, 0));
        journey.AddPhase(Ana, "Think");

        Assert.DoesNotContain("id=\"kpis\"", HtmlReportRenderer.ToHtml(journey), StringComparison.Ordinal);
    }
}
