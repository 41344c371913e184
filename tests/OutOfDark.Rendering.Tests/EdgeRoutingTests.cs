using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class EdgeRoutingTests
{
    private const double Tolerance = 1e-6;
    private static readonly LayoutOptions Blueprint = LayoutOptions.Default with { ServiceBlueprint = true };

    [Property(Arbitrary = new[] { typeof(MapsOf40) }, MaxTest = 80)]
    public void No_edge_segment_crosses_an_activity_box(JourneySpec spec)
    {
        var journey = spec.Build();
        AssertNoCrossing(ActivityMapLayout.Compute(journey));
        AssertNoCrossing(ActivityMapLayout.Compute(journey, Blueprint));
    }

    [Property(Arbitrary = new[] { typeof(LongJourneyArbitraries) }, MaxTest = 60)]
    public void No_edge_segment_crosses_an_activity_box_in_maps_built_from_random_command_sequences(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        AssertNoCrossing(ActivityMapLayout.Compute(journey));
        AssertNoCrossing(ActivityMapLayout.Compute(journey, Blueprint));
    }

    [Property(Arbitrary = new[] { typeof(MapsOf40) }, MaxTest = 80)]
    public void Routes_run_from_a_side_of_the_first_box_to_a_side_of_the_second_in_horizontal_and_vertical_segments(JourneySpec spec)
    {
        foreach (var layout in new[] { ActivityMapLayout.Compute(spec.Build()), ActivityMapLayout.Compute(spec.Build(), Blueprint) })
        {
            var boxes = layout.Nodes.ToDictionary(n => n.ActivityId, n => n.Bounds);
            foreach (var edge in layout.Edges)
            {
                var route = edge.Route;
                Assert.True(route.Count >= 2, $"{edge} has no route");
                Assert.Equal(edge.Start, route[0]);
                Assert.Equal(edge.End, route[^1]);
                Assert.True(OnSide(edge.Start, boxes[edge.From]), $"{edge.Start} is not on a side of {boxes[edge.From]}");
                Assert.True(OnSide(edge.End, boxes[edge.To]), $"{edge.End} is not on a side of {boxes[edge.To]}");
                for (var i = 1; i < route.Count; i++)
                {
                    Assert.True(Math.Abs(route[i].X - route[i - 1].X) < Tolerance || Math.Abs(route[i].Y - route[i - 1].Y) < Tolerance, $"segment {route[i - 1]}–{route[i]} is slanted");
                }

                // The last segment enters the box sideways, so the arrowhead points into it.
                Assert.True(Math.Abs(route[^2].Y - route[^1].Y) < Tolerance, $"{edge} does not enter its box sideways");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MapsOf40) }, MaxTest = 80)]
    public void Flows_meeting_one_side_of_a_box_get_distinct_ports_apart_from_the_tree_links(JourneySpec spec)
    {
        foreach (var layout in new[] { ActivityMapLayout.Compute(spec.Build()), ActivityMapLayout.Compute(spec.Build(), Blueprint) })
        {
            var ends = layout.Edges.SelectMany(e => new[] { (Box: e.From, Point: e.Start, e.Kind), (Box: e.To, Point: e.End, e.Kind) }).ToList();
            foreach (var group in ends.GroupBy(end => (end.Box, end.Point.X)))
            {
                var flows = group.Where(end => end.Kind == MapEdgeKind.Flow).Select(end => end.Point).ToList();
                var trees = group.Where(end => end.Kind == MapEdgeKind.Tree).Select(end => end.Point).ToHashSet();
                Assert.Equal(flows.Count, flows.Distinct().Count());
                Assert.DoesNotContain(flows, trees.Contains);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MapsOf40) }, MaxTest = 80)]
    public void Each_flow_label_lies_near_its_own_arrow_or_has_a_leader_to_it_and_no_label_covers_a_box_its_outline_or_another_label(JourneySpec spec)
    {
        foreach (var layout in new[] { ActivityMapLayout.Compute(spec.Build()), ActivityMapLayout.Compute(spec.Build(), Blueprint) })
        {
            var labelled = layout.Edges.Where(e => e is { Kind: MapEdgeKind.Flow, Label: not null }).ToList();
            var labels = FlowLabels.Place(layout);
            var m = FlowLabels.OutlineMargin;
            var outlined = layout.Nodes.Select(n => new Box(n.Bounds.X - m, n.Bounds.Y - m, n.Bounds.Width + (2 * m), n.Bounds.Height + (2 * m))).ToList();

            Assert.Equal(labelled.Count, labels.Count);
            for (var i = 0; i < labels.Count; i++)
            {
                var label = labels[i];
                var points = labelled[i].Points();
                var distance = FlowLabels.DistanceTo(points, label.Box);
                // Its anchor is a point of its own arrow; a plate off that point has a leader from it to the plate's edge.
                Assert.True(FlowLabels.DistanceTo(points, new Box(label.Anchor.X, label.Anchor.Y, 0, 0)) < 1e-6, $"the label '{label.Text}' is anchored off its arrow");
                Assert.True(label.HasLeader ? distance <= FlowLabels.MaxLeader : distance <= PlacedLabel.Touching, $"the label '{label.Text}' is {distance} units from its arrow (leader: {label.HasLeader})");
                Assert.True(distance <= FlowLabels.MaxDistance || label.HasLeader, $"the label '{label.Text}' is {distance} units from its arrow without a leader");
                Assert.DoesNotContain(outlined, box => box.Overlaps(label.Box));
                for (var j = i + 1; j < labels.Count; j++)
                {
                    Assert.False(labels[i].Box.Overlaps(labels[j].Box), $"labels '{labels[i].Text}' and '{labels[j].Text}' overlap");
                }
            }
        }
    }

    [Fact]
    public void Three_arrows_into_one_box_meet_it_at_three_points_and_their_labels_sit_on_them()
    {
        var actor = new Actor("ana");
        var journey = Journey.Create(actor, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(actor, "See");
        var buy = journey.AddPhase(actor, "Buy");
        var ad = journey.AddActivity(actor, see, "Ad");
        var mail = journey.AddActivity(actor, see, "Newsletter");
        var blog = journey.AddActivity(actor, see, "Blog post");
        var shop = journey.AddActivity(actor, buy, "Shop");
        journey.AddFlow(actor, ad, shop, "clicks");
        journey.AddFlow(actor, mail, shop, "opens");
        journey.AddFlow(actor, blog, shop, "reads on");

        var layout = ActivityMapLayout.Compute(journey);

        var ends = layout.Edges.Where(e => e.To == shop).Select(e => e.End).ToList();
        Assert.Equal(3, ends.Distinct().Count());
        Assert.All(ends, end => Assert.Equal(layout.Nodes.Single(n => n.ActivityId == shop).Bounds.X, end.X));
        // Ordered like the boxes they come from, so the arrows do not cross at the box.
        Assert.Equal(ends.OrderBy(p => p.Y), ends);
        var labels = FlowLabels.Place(layout);
        Assert.Equal(["clicks", "opens", "reads on"], labels.Select(l => l.Text));
        // The first arrow's midpoint lies in the narrow gap between the columns, where a plate would cover a box's outline:
        // its label moves off the arrow and gets a leader; "opens" and "reads on" sit on (or just beside) their own arrows.
        var flows = layout.Edges.Where(e => e.Kind == MapEdgeKind.Flow).ToList();
        Assert.Equal([true, false, false], labels.Select(l => l.HasLeader));
        Assert.True(FlowLabels.DistanceTo(flows[0].Points(), new Box(labels[0].Anchor.X, labels[0].Anchor.Y, 0, 0)) < 1e-9);
        var svg = SvgMapRenderer.ToSvg(journey);
        Assert.Single(Regex.Matches(svg, "<line class=\"ood-leader\""));
        foreach (var (label, edge) in labels.Zip(flows))
        {
            Assert.True(FlowLabels.DistanceTo(edge.Points(), label.Box) <= FlowLabels.MaxDistance);
        }
    }

    [Fact]
    public void A_box_with_an_open_warning_is_outlined_in_its_severity_colour_and_says_the_severity_in_words()
    {
        var (journey, warnings, _) = SampleJourneys.OnlineStore();
        Assert.NotEmpty(warnings);

        var svg = XDocument.Parse(SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Warnings = [.. warnings], Focusable = true }));

        XNamespace ns = "http://www.w3.org/2000/svg";
        var nodes = svg.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "ood-node").ToList();
        Assert.Equal(journey.ActivityCount, nodes.Count);
        var flagged = nodes.Where(g => g.Attribute("data-severity") is not null).ToList();
        Assert.NotEmpty(flagged);
        foreach (var node in flagged)
        {
            var severity = (string)node.Attribute("data-severity")!;
            var box = node.Elements(ns + "rect").First();
            Assert.Equal(severity switch { "critical" => "#b91c1c", "warning" => "#b45309", _ => "#1d4ed8" }, (string?)box.Attribute("stroke"));
            Assert.Contains(severity, (string)node.Element(ns + "title")!);
            Assert.Null(node.Attribute("aria-label"));
            Assert.Equal("0", (string?)node.Attribute("tabindex"));
            Assert.Equal("button", (string?)node.Attribute("role"));
        }

        Assert.All(nodes, g => Assert.True(Guid.TryParse((string?)g.Attribute("data-activity-id"), out _)));
        Assert.Equal("group", (string?)svg.Root!.Attribute("role"));
        var legend = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "ood-legend");
        Assert.Equal(["flow", "part of", "critical warning", "warning", "info"], legend.Descendants(ns + "text").Select(t => t.Value));
    }

    [Fact]
    public void The_static_map_has_no_focusable_boxes_and_no_legend_when_asked_not_to()
    {
        var (journey, _, _) = SampleJourneys.OnlineStore();

        var svg = SvgMapRenderer.ToSvg(journey, new SvgMapOptions { Legend = false });

        Assert.DoesNotContain("tabindex", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"ood-map\" role=\"img\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("ood-legend", svg, StringComparison.Ordinal);
        Assert.Contains("height=\"" + Numbers.Coordinate(ActivityMapLayout.Compute(journey).Height) + "\"", svg, StringComparison.Ordinal);
    }

    private static bool OnSide(Point p, Box box) =>
        (Math.Abs(p.X - box.X) < Tolerance || Math.Abs(p.X - box.Right) < Tolerance) && p.Y > box.Y && p.Y < box.Bottom;

    private static void AssertNoCrossing(MapLayout layout)
    {
        var boxes = layout.Nodes.Select(n => n.Bounds).ToList();
        foreach (var edge in layout.Edges)
        {
            var route = edge.Route;
            for (var i = 1; i < route.Count; i++)
            {
                var (a, b) = (route[i - 1], route[i]);
                var segment = new Box(Math.Min(a.X, b.X), Math.Min(a.Y, b.Y), Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y));
                foreach (var box in boxes)
                {
                    var inside = segment.X < box.Right - Tolerance && segment.Right > box.X + Tolerance
                        && segment.Y < box.Bottom - Tolerance && segment.Bottom > box.Y + Tolerance;
                    Assert.False(inside, $"the {edge.Kind} {edge.From}→{edge.To} runs through {box} from {a} to {b}");
                }
            }
        }
    }
}
