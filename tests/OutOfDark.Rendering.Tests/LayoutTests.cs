using System.Linq;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class LayoutTests
{
    [Property(Arbitrary = new[] { typeof(MapsOf40) }, MaxTest = 60)]
    public void No_two_boxes_of_a_generated_map_overlap(JourneySpec spec)
    {
        var layout = ActivityMapLayout.Compute(spec.Build());
        var boxes = layout.Nodes.Select(n => n.Bounds).Concat(layout.Lanes.Select(l => l.Header)).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"{boxes[i]} overlaps {boxes[j]}");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(LongJourneyArbitraries) }, MaxTest = 60)]
    public void No_two_boxes_overlap_in_maps_built_from_random_command_sequences(JourneyScenario scenario)
    {
        var layout = ActivityMapLayout.Compute(scenario.Build().Journey);
        var boxes = layout.Nodes.Select(n => n.Bounds).Concat(layout.Lanes.Select(l => l.Header)).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"{boxes[i]} overlaps {boxes[j]}");
            }
        }
    }

    /// <summary>The map draws each group of siblings (one parent, one phase) top to bottom in the user's order, reorders included.</summary>
    [Property(Arbitrary = new[] { typeof(LongJourneyArbitraries) }, MaxTest = 60)]
    public void Siblings_are_drawn_top_to_bottom_in_the_order_the_user_gave_them(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        var layout = ActivityMapLayout.Compute(journey);
        var y = layout.Nodes.ToDictionary(n => n.ActivityId, n => n.Bounds.Y);
        foreach (var activity in journey.Activities)
        {
            var siblings = journey.SiblingsOf(activity.Id);
            for (var i = 1; i < siblings.Count; i++)
            {
                Assert.True(y[siblings[i - 1].Id] < y[siblings[i].Id], $"'{siblings[i - 1].Name}' comes before '{siblings[i].Name}' but is not drawn above it");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MapsOf40) }, MaxTest = 60)]
    public void Every_activity_gets_one_box_inside_its_lane_below_the_header(JourneySpec spec)
    {
        var journey = spec.Build();
        var layout = ActivityMapLayout.Compute(journey);

        Assert.Equal(journey.Activities.Select(a => a.Id), layout.Nodes.Select(n => n.ActivityId));
        Assert.Equal(journey.Phases.Select(p => p.Id), layout.Lanes.Select(l => l.PhaseId));
        foreach (var node in layout.Nodes)
        {
            var lane = layout.Lanes[node.LaneIndex];
            Assert.True(node.Bounds.X >= lane.Bounds.X && node.Bounds.Right <= lane.Bounds.Right, $"{node} leaves {lane}");
            Assert.True(node.Bounds.Y >= lane.Header.Bottom && node.Bounds.Bottom <= lane.Bounds.Bottom, $"{node} leaves {lane}");
            Assert.True(node.Bounds.Right <= layout.Width && node.Bounds.Bottom <= layout.Height);
        }
    }

    [Property(Arbitrary = new[] { typeof(MapsOf30) }, MaxTest = 60)]
    public void Top_level_activities_sit_in_their_own_phase_lane_and_children_one_level_to_the_right(JourneySpec spec)
    {
        var journey = spec.Build();
        var layout = ActivityMapLayout.Compute(journey);
        var byId = layout.Nodes.ToDictionary(n => n.ActivityId);
        foreach (var activity in journey.Activities)
        {
            var node = byId[activity.Id];
            if (activity.ParentId is { } parent)
            {
                Assert.Equal(byId[parent].Depth + 1, node.Depth);
                Assert.True(node.Bounds.X > byId[parent].Bounds.Right);
                Assert.Equal(byId[parent].LaneIndex, node.LaneIndex);
            }
            else
            {
                Assert.Equal(journey.PhaseIndex(activity.PhaseId), node.LaneIndex);
                Assert.Equal(0, node.Depth);
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(MapsOf30) }, MaxTest = 60)]
    public void The_layout_is_deterministic_and_draws_every_tree_link_and_flow(JourneySpec spec)
    {
        var journey = spec.Build();

        var first = ActivityMapLayout.Compute(journey);
        var second = ActivityMapLayout.Compute(journey);

        Assert.Equal(first, second);
        Assert.Equal(journey.Activities.Count(a => a.ParentId is not null), first.Edges.Count(e => e.Kind == MapEdgeKind.Tree));
        Assert.Equal(journey.Flows.Select(f => (f.From, f.To)), first.Edges.Where(e => e.Kind == MapEdgeKind.Flow).Select(e => (e.From, e.To)));
    }

    [Fact]
    public void A_parent_sits_halfway_between_its_first_and_last_child()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var parent = journey.AddActivity(new Actor("ana"), see, "Campaign");
        var a = journey.AddActivity(new Actor("ana"), see, "A", parentId: parent);
        journey.AddActivity(new Actor("ana"), see, "B", parentId: parent);
        var c = journey.AddActivity(new Actor("ana"), see, "C", parentId: parent);

        var nodes = ActivityMapLayout.Compute(journey).Nodes.ToDictionary(n => n.ActivityId, n => n.Bounds);

        Assert.Equal((nodes[a].Y + nodes[c].Y) / 2, nodes[parent].Y);
    }

    [Fact]
    public void Sizes_that_are_not_positive_are_refused()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));

        Assert.Throws<System.ArgumentOutOfRangeException>(() => ActivityMapLayout.Compute(journey, new LayoutOptions { NodeWidth = 0 }));
    }
}
