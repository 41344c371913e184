using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark.Rendering;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>Where flow labels go on the map: on or right beside their own arrow, clear of cards and of each other.</summary>
public class FlowLabelPlacementTests
{
    /// <summary>The farthest a label may lie from its own arrow.</summary>
    private const double Near = FlowLabels.MaxDistance;

    [Fact]
    public void In_a_three_phase_map_each_label_sits_on_or_beside_its_own_arrow_nearer_to_it_than_to_any_other_flow()
    {
        var journey = SampleJourneys.AccountOpening();
        var layout = ActivityMapLayout.Compute(journey);

        var labels = FlowLabels.Place(layout);

        Assert.Equal(["opens the form", "follows the comparison…", "gets the card", "installs the app"], labels.Select(l => l.Text));
        AssertPlacement(layout, labels);
        Assert.All(labels, l => Assert.True(l.Apart && FlowLabels.DistanceTo(layout.Edges.First(e => e.Label is not null && l.Text.StartsWith(e.Label[..10], StringComparison.Ordinal)).Points(), l.Box) <= Near));
        // Each label sits on its own arrow (or touches it), except the first one: its arrow is a short hop between two
        // cards in one row, with no room beside it, so it sits in the free strip above the cards with a short leader.
        Assert.Equal([true, false, false, false], labels.Select(l => l.HasLeader));
        var flows = layout.Edges.Where(e => e.Kind == MapEdgeKind.Flow).ToList();
        Assert.True(FlowLabels.DistanceTo(flows[0].Points(), labels[0].Box) <= 18);
        // The two labels of the arrows into "Online form" are not stacked in one gutter: one above the first row, the
        // other between the rows, where its arrow runs.
        Assert.True(labels[0].Box.Bottom <= labels[1].Box.Y - 40);
    }

    [Property(Arbitrary = new[] { typeof(LabelledMaps) }, MaxTest = 150)]
    public void Labels_never_overlap_each_other_cards_or_lane_headers_and_lie_nearer_their_own_arrow_than_any_other(JourneySpec spec)
    {
        var layout = ActivityMapLayout.Compute(spec.Build());
        var labels = FlowLabels.Place(layout);
        AssertPlacement(layout, labels);
    }

    [Fact]
    public void In_a_dense_synthetic_map_nine_labels_in_ten_find_a_spot_of_their_own()
    {
        // The seeded 1,000-activity journey of the benchmarks, every flow labelled: corridors shared by many arrows.
        var journey = OutOfDark.Testing.SyntheticJourneys.Journey(1_000, 0, NodaTime.SystemClock.Instance);
        var texts = new[] { "clicks", "follows the partner link", "pays" };
        var k = 0;
        foreach (var flow in journey.Flows.ToList())
        {
            journey.RelabelFlow(new Actor("test"), flow.Id, texts[k++ % texts.Length]);
        }

        var layout = ActivityMapLayout.Compute(journey);
        var labels = FlowLabels.Place(layout);

        AssertPlacement(layout, labels);
        Assert.True(labels.Count > 600);
        // 602 of 666 when written; a change that lets labels drift off their arrows shows here.
        Assert.True(labels.Count(l => l.Apart) >= labels.Count * 0.88, $"{labels.Count(l => l.Apart)} of {labels.Count} labels found a spot of their own");
    }

    /// <summary>
    /// For every labelled flow: its leader (if any) runs from the nearest point of its own line to the plate; no plate
    /// overlaps another, a card with its outline margin, or a lane header; every plate lies inside the drawing; and every
    /// plate that found a spot of its own (<see cref="PlacedLabel.Apart"/>) lies nearer to its own line than to any other
    /// flow's line.
    /// </summary>
    internal static void AssertPlacement(MapLayout layout, List<PlacedLabel> labels)
    {
        var flows = layout.Edges.Where(e => e.Kind == MapEdgeKind.Flow).ToList();
        var labelled = flows.Where(e => e.Label is not null).ToList();
        var m = FlowLabels.OutlineMargin;
        var cards = layout.Nodes.Select(n => new Box(n.Bounds.X - m, n.Bounds.Y - m, n.Bounds.Width + (2 * m), n.Bounds.Height + (2 * m))).ToList();
        Assert.Equal(labelled.Count, labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            var (label, edge) = (labels[i], labelled[i]);
            var own = FlowLabels.DistanceTo(edge.Points(), label.Box);
            Assert.True(FlowLabels.DistanceTo(edge.Points(), new Box(label.Anchor.X, label.Anchor.Y, 0, 0)) < 1e-6, $"the label '{label.Text}' is anchored off its arrow");
            Assert.Equal(own > PlacedLabel.Touching, label.HasLeader);
            Assert.True(Math.Abs(own - Math.Sqrt(Math.Pow(label.LeaderEnd.X - label.Anchor.X, 2) + Math.Pow(label.LeaderEnd.Y - label.Anchor.Y, 2))) < 1e-6, $"the leader of '{label.Text}' is longer than the way to its arrow");
            Assert.True(own <= FlowLabels.MaxLeader, $"the label '{label.Text}' is {own:0.#} units from its own arrow");
            Assert.DoesNotContain(cards, card => card.Overlaps(label.Box));
            Assert.DoesNotContain(layout.Lanes, lane => lane.Header.Overlaps(label.Box));
            Assert.True(label.Box.X >= 0 && label.Box.Y >= 0 && label.Box.Right <= layout.Width && label.Box.Bottom <= layout.Height, $"the label '{label.Text}' lies outside the drawing");
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(label.Box.Overlaps(labels[j].Box), $"labels '{label.Text}' and '{labels[j].Text}' overlap");
            }
            if (!label.Apart)
            {
                continue;
            }


            foreach (var other in flows.Where(f => !ReferenceEquals(f, edge)))
            {
                var distance = FlowLabels.DistanceTo(other.Points(), label.Box);
                Assert.True(own < distance, $"the label '{label.Text}' is {own:0.#} units from its own arrow but {distance:0.#} from the flow {other.From}→{other.To}");
            }

        }
    }
}

/// <summary>Generated maps of up to 16 activities over 1–6 phases, with up to 8 flows, every one labelled.</summary>
public static class LabelledMaps
{
    public static Arbitrary<JourneySpec> Journeys() => Arb.From(
        from spec in JourneyGen.Journeys(16)
        from labels in Gen.ArrayOf(Gen.Elements("clicks", "opens the form", "pays", "follows the partner link", "calls support", "x"), spec.Flows.Length)
        select spec with { Flows = spec.Flows.Take(Flows).Select((f, i) => (f.From, f.To, (string?)labels[i])).ToArray() });

    /// <summary>The most flows a generated map has.</summary>
    public static int Flows { get; set; } = 8;
}
