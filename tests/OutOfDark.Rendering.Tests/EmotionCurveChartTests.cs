using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FsCheck.Xunit;
using OutOfDark.Rendering;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>The report's emotion curve: lines that break at a persona's gaps, and a legend clear of the plot.</summary>
public class EmotionCurveChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_persona_without_an_emotion_at_a_touchpoint_gets_a_broken_line_and_lone_scores_are_markers_only()
    {
        var chart = Chart(SampleJourneys.AccountOpening());

        var student = Persona(chart, 0);
        var family = Persona(chart, 1);
        // Student: no emotion at "Video call", so the as-is line is two runs: Web search … Identity check, Branch visit … First card payment.
        Assert.Equal(2, Subpaths(student, "as-is").Count);
        Assert.Equal([4, 2], Subpaths(student, "as-is").Select(s => s.Count));
        // Student's to-be: only Online form and Identity check are neighbours; Web search and First card payment stand alone.
        Assert.Equal([2], Subpaths(student, "to-be").Select(s => s.Count));
        // Family: gaps at Comparison site, Identity check and Branch visit; only First card payment → Mobile app is a line.
        Assert.Equal([2], Subpaths(family, "as-is").Select(s => s.Count));
        Assert.Empty(Subpaths(family, "to-be"));
        // Every score still shows as its marker: Family's 5 as-is (filled squares) and 4 to-be (white squares).
        var familyMarkers = family.Elements(Svg + "rect").Where(e => (string?)e.Attribute("class") == "marker").ToList();
        Assert.Equal(5, familyMarkers.Count(m => (string?)m.Attribute("fill") != "#ffffff"));
        Assert.Equal(4, familyMarkers.Count(m => (string?)m.Attribute("fill") == "#ffffff"));
        Assert.Equal(6, student.Elements(Svg + "circle").Count(m => (string?)m.Attribute("fill") != "#ffffff"));
    }

    [Fact]
    public void As_is_lines_are_solid_and_to_be_lines_dashed_for_every_persona()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();
        var chart = Chart(journey);

        var paths = chart.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") is "as-is" or "to-be").ToList();
        Assert.Equal(2, paths.Count(p => (string?)p.Attribute("class") == "as-is"));
        Assert.All(paths.Where(p => (string?)p.Attribute("class") == "as-is"), p => Assert.Null(p.Attribute("stroke-dasharray")));
        Assert.All(paths.Where(p => (string?)p.Attribute("class") == "to-be"), p => Assert.Equal("8 5", (string?)p.Attribute("stroke-dasharray")));
        // The legend shows the same: per persona a solid as-is sample and a dashed to-be sample.
        var legends = chart.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend").ToList();
        Assert.Equal(2, legends.Count);
        Assert.All(legends, g => Assert.Equal([null, "8 5"], g.Elements(Svg + "line").Select(l => (string?)l.Attribute("stroke-dasharray"))));
    }

    [Fact]
    public void The_legend_lies_below_the_plot_inside_the_chart_and_every_line_and_marker_inside_the_plot()
    {
        var chart = Chart(SampleJourneys.AccountOpening());

        var plot = RectOf(chart, "plot-area");
        var legend = RectOf(chart, "legend-box");
        var view = ((string)chart.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        Assert.False(plot.Overlaps(legend), $"the legend {legend} overlaps the plot {plot}");
        Assert.True(legend.Y >= plot.Bottom + 100, "the touchpoint names and the phases go between the plot and the legend");
        foreach (var box in new[] { plot, legend })
        {
            Assert.True(box.X >= 16 && box.Y >= 8 && box.Right <= view[2] - 16 && box.Bottom <= view[3] - 16, $"{box} touches the chart's edge ({view[2]} × {view[3]})");
        }

        foreach (var g in chart.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "legend"))
        {
            foreach (var y in g.Descendants().Select(e => e.Attribute("y") ?? e.Attribute("y1") ?? e.Attribute("cy")).OfType<XAttribute>().Select(a => double.Parse(a.Value, CultureInfo.InvariantCulture)))
            {
                Assert.InRange(y, legend.Y, legend.Bottom);
            }
        }

        foreach (var p in chart.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "persona").SelectMany(g => g.Elements(Svg + "path").Where(e => (string?)e.Attribute("class") != "marker")).SelectMany(p => Points((string)p.Attribute("d")!)))
        {
            Assert.True(p.X >= plot.X && p.X <= plot.Right && p.Y >= plot.Y && p.Y <= plot.Bottom, $"{p} lies outside the plot {plot}");
        }
    }

    [Fact]
    public void On_a_narrow_screen_the_chart_keeps_a_readable_width_and_its_figure_scrolls_and_takes_the_focus()
    {
        var html = HtmlReportRenderer.ToHtml(SampleJourneys.AccountOpening());

        Assert.Contains("figure.chart-box.scrolls{overflow-x:auto}.chart.emotion-chart{min-width:640px}", html, StringComparison.Ordinal);
        Assert.Matches("<figure class=\"chart-box scrolls\" role=\"region\" tabindex=\"0\" aria-label=\"Emotion per touchpoint and persona[^\"]*, scrolls sideways on a narrow screen\"><svg [^>]*class=\"chart emotion-chart\"", html);
    }

    [Property(Arbitrary = new[] { typeof(MapsOf20) }, MaxTest = 40)]
    public void No_line_joins_two_scores_that_are_not_at_neighbouring_touchpoints(JourneySpec spec)
    {
        var journey = spec.Build();
        var html = HtmlReportRenderer.ToHtml(journey);
        var start = html.IndexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart emotion-chart\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return;
        }

        var chart = XElement.Parse(html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
        var columns = chart.Elements(Svg + "line").Where(l => (string?)l.Attribute("stroke") == "#f1f5f9").Select(l => double.Parse((string)l.Attribute("x1")!, CultureInfo.InvariantCulture)).ToList();
        var step = columns.Count > 1 ? columns[1] - columns[0] : 0;
        var points = EmotionCurve.Compute(journey);
        foreach (var (g, i) in chart.Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "persona").Select((g, i) => (g, i)))
        {
            foreach (var kind in new[] { "as-is", "to-be" })
            {
                var runs = Subpaths(g, kind);
                Assert.All(runs, run => Assert.True(run.Count >= 2, "a subpath of one point"));
                foreach (var run in runs)
                {
                    for (var k = 1; k < run.Count; k++)
                    {
                        Assert.Equal(step, run[k].X - run[k - 1].X, 6);
                    }
                }
            }
        }
    }

    private static XElement Chart(Journey journey)
    {
        var html = HtmlReportRenderer.ToHtml(journey);
        var start = html.IndexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart emotion-chart\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no emotion chart");
        return XElement.Parse(html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)]);
    }

    private static XElement Persona(XElement chart, int index) =>
        chart.Elements(Svg + "g").Single(g => (string?)g.Attribute("class") == "persona" && (string?)g.Attribute("data-persona") == index.ToString(CultureInfo.InvariantCulture));

    /// <summary>The subpaths (one per <c>M</c>) of a persona's line of one kind; none when it has no such path.</summary>
    private static List<List<Point>> Subpaths(XElement persona, string kind)
    {
        var path = persona.Elements(Svg + "path").SingleOrDefault(p => (string?)p.Attribute("class") == kind);
        if (path is null)
        {
            return [];
        }

        return Regex.Split((string)path.Attribute("d")!, "(?=M)").Where(s => s.Length > 0).Select(Points).ToList();
    }

    private static List<Point> Points(string d) =>
        Regex.Matches(d, @"(-?[0-9.]+),(-?[0-9.]+)").Select(m => new Point(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();

    private static Box RectOf(XElement chart, string kind)
    {
        var r = chart.Elements(Svg + "rect").Single(e => (string?)e.Attribute("class") == kind);
        double A(string name) => double.Parse((string)r.Attribute(name)!, CultureInfo.InvariantCulture);
        return new Box(A("x"), A("y"), A("width"), A("height"));
    }
}
