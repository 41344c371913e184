using System;
using System.Linq;
using System.Xml.Linq;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>Service-blueprint lanes and the prioritisation matrix in the layout, the SVG map, the report and Mermaid.</summary>
public sealed class BlueprintRenderingTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly Actor Ana = new("ana");
    private static readonly LayoutOptions Blueprint = LayoutOptions.Default with { ServiceBlueprint = true };

    private static (Journey Journey, ActivityId Browse, ActivityId Pay, ActivityId Pick, OpportunityId PayPal, OpportunityId Chat, OpportunityId Later) Store()
    {
        var j = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        var buy = j.AddPhase(Ana, "Buy");
        var get = j.AddPhase(Ana, "Get");
        var browse = j.AddActivity(Ana, buy, "Browse");
        j.SetActivityLane(Ana, browse, LaneId.CustomerAction);
        var pay = j.AddActivity(Ana, buy, "Pay");
        var pick = j.AddActivity(Ana, get, "Pick & pack");
        j.SetActivityLane(Ana, pick, LaneId.Backstage);
        j.AddLane(Ana, new LaneId("carrier"), "Carrier", 350);
        var ship = j.AddActivity(Ana, get, "Ship");
        j.SetActivityLane(Ana, ship, new LaneId("carrier"));
        j.AddFlow(Ana, browse, pay, "buys");
        j.AddFlow(Ana, pay, pick);
        var paypal = j.AddOpportunity(Ana, "Offer PayPal");
        j.ScoreOpportunity(Ana, paypal, new OpportunityScores(5, 4, 1));
        j.LinkOpportunity(Ana, paypal, OpportunityLink.ToActivity(pay));
        var chat = j.AddOpportunity(Ana, "Live chat <b>now</b>");
        j.ScoreOpportunity(Ana, chat, new OpportunityScores(2, 2, 5));
        var later = j.AddOpportunity(Ana, "Loyalty app");
        return (j, browse, pay, pick, paypal, chat, later);
    }

    [Fact]
    public void The_blueprint_layout_puts_each_box_in_its_lanes_band_with_the_three_lines_above_their_lanes()
    {
        var (journey, _, _, _, _, _, _) = Store();

        var layout = ActivityMapLayout.Compute(journey, Blueprint);

        Assert.Equal(["customer-action", "frontstage", "backstage", "carrier", "support-process"], layout.Bands.Select(b => b.LaneId.Value));
        foreach (var node in layout.Nodes)
        {
            var band = layout.Bands.Single(b => b.LaneId == node.BlueprintLane).Bounds;
            Assert.True(node.Bounds.Y >= band.Y + Blueprint.BandLabelHeight && node.Bounds.Bottom <= band.Bottom, $"{node.Bounds} is outside {band}");
            Assert.Equal(journey.GetActivity(node.ActivityId).Lane, node.BlueprintLane);
        }

        Assert.Equal(
            [(BlueprintLine.Interaction, layout.Bands[1].Bounds.Y), (BlueprintLine.Visibility, layout.Bands[2].Bounds.Y), (BlueprintLine.InternalInteraction, layout.Bands[4].Bounds.Y)],
            layout.Lines.Select(l => (l.Line, l.Start.Y)));
        Assert.All(layout.Lines, l => Assert.Equal((0d, layout.Width), (l.Start.X, l.End.X)));
        Assert.Equal(layout.Bands[^1].Bounds.Bottom, layout.Height);
    }

    [Fact]
    public void The_tidy_tree_layout_has_no_bands_but_says_each_boxs_lane()
    {
        var (journey, _, _, pick, _, _, _) = Store();

        var layout = ActivityMapLayout.Compute(journey);

        Assert.Empty(layout.Bands);
        Assert.Empty(layout.Lines);
        Assert.Equal(LaneId.Backstage, layout.Nodes.Single(n => n.ActivityId == pick).BlueprintLane);
    }

    [Property(Arbitrary = new[] { typeof(LongJourneyArbitraries) }, MaxTest = 60)]
    public void No_two_boxes_overlap_and_every_box_sits_in_its_band_in_blueprints_of_random_command_sequences(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        var layout = ActivityMapLayout.Compute(journey, Blueprint);

        Assert.Equal(journey.ActivityCount, layout.Nodes.Count);
        Assert.Equal(journey.Lanes.Select(l => l.Id), layout.Bands.Select(b => b.LaneId));
        Assert.Equal(3, layout.Lines.Count);
        var boxes = layout.Nodes.Select(n => n.Bounds).Concat(layout.Lanes.Select(l => l.Header)).Concat(layout.Bands.Select(b => b.Label)).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var k = i + 1; k < boxes.Count; k++)
            {
                Assert.False(boxes[i].Overlaps(boxes[k]) && !(i >= layout.Nodes.Count && k >= layout.Nodes.Count), $"{boxes[i]} overlaps {boxes[k]}");
            }
        }

        foreach (var node in layout.Nodes)
        {
            var band = layout.Bands.Single(b => b.LaneId == node.BlueprintLane).Bounds;
            Assert.InRange(node.Bounds.Y, band.Y, band.Bottom - node.Bounds.Height);
        }

        var svg = XDocument.Parse(SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Layout = Blueprint }));
        Assert.Equal(journey.Lanes.Count, svg.Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "ood-band"));
    }

    [Fact]
    public void The_svg_blueprint_draws_each_band_with_its_name_and_the_three_named_lines()
    {
        var (journey, _, _, _, _, _, _) = Store();

        var svg = XDocument.Parse(SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Layout = Blueprint }));

        var bands = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "ood-band").ToList();
        Assert.Equal(["Customer actions", "Frontstage", "Backstage", "Carrier", "Support processes"], bands.Select(b => b.Element(Svg + "title")!.Value));
        var lines = svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("ood-blueprint-line", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(["line of interaction", "line of visibility", "line of internal interaction"], lines.Select(l => l.Element(Svg + "title")!.Value));
    }

    [Fact]
    public void The_matrix_places_value_up_and_effort_right_and_leaves_unscored_opportunities_off()
    {
        var (journey, _, _, _, paypal, chat, later) = Store();

        var m = OpportunityMatrix.Compute(journey);

        Assert.Equal([paypal, chat], m.Points.Select(p => p.OpportunityId));
        Assert.Equal([later], m.Unscored);
        var top = m.Points[0];
        Assert.Equal((4.5m, 1, 9m, 1, OpportunityQuadrant.QuickWin), (top.Value, top.Effort, top.Priority, top.Rank, top.Quadrant));
        Assert.Equal(m.Plot.X, top.Center.X);
        Assert.Equal(m.Plot.Bottom - (3.5 / 4 * m.Plot.Height), top.Center.Y, 6);
        var pit = m.Points[1];
        Assert.Equal((OpportunityQuadrant.MoneyPit, m.Plot.Right, m.Plot.Bottom - (1.0 / 4 * m.Plot.Height)), (pit.Quadrant, pit.Center.X, pit.Center.Y));
        Assert.True(m.Quadrants.Single(q => q.Quadrant == pit.Quadrant).Bounds.Right >= pit.Center.X);
    }

    [Fact]
    public void Opportunities_with_the_same_scores_do_not_hide_each_other()
    {
        var (journey, _, _, _, _, _, later) = Store();
        var twin = journey.AddOpportunity(Ana, "Apple Pay");
        journey.ScoreOpportunity(Ana, twin, new OpportunityScores(5, 4, 1));

        var points = OpportunityMatrix.Compute(journey).Points;

        Assert.Equal(points.Count, points.Select(p => p.Center).Distinct().Count());
    }

    [Fact]
    public void The_report_shows_the_blueprint_and_the_ranked_opportunities_with_the_matrix_and_stays_well_formed()
    {
        var (journey, _, _, _, _, _, _) = Store();

        var html = HtmlReportRenderer.ToHtml(journey);

        Assert.Contains("<section id=\"blueprint\"><h2>Service blueprint</h2>", html, StringComparison.Ordinal);
        Assert.Contains("line of visibility", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("<table class=\"opportunities\">", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf("Offer PayPal", StringComparison.Ordinal) < table.IndexOf("Live chat", StringComparison.Ordinal));
        Assert.True(table.IndexOf("Live chat", StringComparison.Ordinal) < table.IndexOf("Loyalty app", StringComparison.Ordinal));
        Assert.Contains("<td>5</td><td>4</td><td>1</td><td>9</td><td>quick win</td><td><ul><li>activity &quot;Pay&quot;</li></ul>", html, StringComparison.Ordinal);
        Assert.Contains("Live chat &lt;b&gt;now&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"5\" class=\"meta\">not scored</td>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("class=\"matrix-point\"").Length - 1);
        var body = html[html.IndexOf("<main>", StringComparison.Ordinal)..(html.IndexOf("</main>", StringComparison.Ordinal) + 7)];
        XDocument.Parse(body.Replace("&nbsp;", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_integrators_formula_ranks_the_report()
    {
        var (journey, _, _, _, _, _, _) = Store();

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { OpportunityPriority = (_, s) => s.Effort });

        var table = html[html.IndexOf("<table class=\"opportunities\">", StringComparison.Ordinal)..];
        Assert.True(table.IndexOf("Live chat", StringComparison.Ordinal) < table.IndexOf("Offer PayPal", StringComparison.Ordinal));
        Assert.Contains("the host's formula", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mermaid_blueprint_has_a_subgraph_per_lane_and_the_lines_between_them()
    {
        var (journey, _, _, _, _, _, _) = Store();

        var text = MermaidRenderer.ToBlueprint(journey);

        Assert.Equal(
            """
            flowchart TB
                subgraph l0["Customer actions"]
                    direction LR
                    a0["Browse"]
                end
                subgraph l1["Frontstage"]
                    direction LR
                    a1["Pay"]
                end
                subgraph l2["Backstage"]
                    direction LR
                    a2["Pick #38; pack"]
                end
                subgraph l3["Carrier"]
                    direction LR
                    a3["Ship"]
                end
                subgraph l4["Support processes"]
                    direction LR
                    e4["(no activities)"]
                end
                l0 ---|line of interaction| l1
                l1 ---|line of visibility| l2
                l2 ~~~ l3
                l3 ---|line of internal interaction| l4
                a0 -->|"buys"| a1
                a1 --> a2

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            text);
    }
}
