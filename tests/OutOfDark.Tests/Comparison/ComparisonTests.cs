using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Comparison;
using Xunit;

namespace OutOfDark.Tests.Comparison;

/// <summary>What a comparison of an as-is with a to-be journey reports, and its diff text.</summary>
public sealed class ComparisonTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);

    [Fact]
    public void Added_removed_and_changed_activities_with_kpi_and_emotion_deltas()
    {
        var workspace = WorkspaceId.New();
        var asIs = Journey.Create(Ana, workspace, "Returns today", _clock);
        var buyer = asIs.AddPersona(Ana, "First-time buyer");
        var care = asIs.AddPhase(Ana, "Care");
        var call = asIs.AddActivity(Ana, care, "Call centre");
        var form = asIs.AddActivity(Ana, care, "Return form");
        var csat = asIs.AddWidget(Ana, form, new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Percentage, Target = 70m });
        asIs.RecordObservation(Ana, csat, new LocalDate(2026, 9, 30), 61.5m);
        asIs.AddWidget(Ana, form, new EmotionWidget("Feeling", buyer, new EmotionScore(-1)));

        var toBe = Journey.Create(Ana, workspace, "Returns 2027", _clock);
        toBe.SetState(Ana, JourneyState.Future);
        var buyer2 = toBe.AddPersona(Ana, "first-time buyer");
        var care2 = toBe.AddPhase(Ana, "Care");
        var portal = toBe.AddActivity(Ana, care2, "Self-service return");
        var form2 = toBe.AddActivity(Ana, care2, "Return form");
        toBe.AddWidget(Ana, form2, new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Percentage, Target = 85m });
        toBe.AddWidget(Ana, form2, new EmotionWidget("Feeling", buyer2, new EmotionScore(1)));
        toBe.PairWith(Ana, asIs.Id);

        var comparison = JourneyComparison.Compare(asIs, toBe);

        Assert.Equal([new ActivityRef(portal, "Self-service return", "Care")], comparison.Added);
        Assert.Equal([new ActivityRef(call, "Call centre", "Care")], comparison.Removed);
        var changed = Assert.Single(comparison.Changed);
        Assert.Equal((form, form2, MatchedBy.SameName), (changed.AsIs.Id, changed.ToBe.Id, changed.MatchedBy));
        Assert.Equal(ActivityChanges.Widgets, changed.Changes);
        var kpi = Assert.Single(changed.Kpis);
        Assert.Equal((61.5m, (decimal?)null, 70m, 85m, (decimal?)15m), (kpi.AsIsValue, kpi.ToBeValue, kpi.AsIsTarget, kpi.ToBeTarget, kpi.TargetDelta));
        Assert.Equal(2m, Assert.Single(changed.Emotions).Delta);
        var phase = Assert.Single(comparison.Phases);
        Assert.Equal(("Care", 1, 1, 1), (phase.Phase, phase.Added, phase.Removed, phase.Changed));
        Assert.Equal(
            $"""
            --- as-is {asIs.Id}
            +++ to-be {toBe.Id}
            + [Care] "Self-service return"
            - [Care] "Call centre"
            ~ [Care] "Return form": widgets changed; KPI "CSAT" (%) 61.5 → none, target 70 → 85 (+15); emotion of "First-time buyer" -1 → +1 (+2)
            @ [Care] 1 added, 1 removed, 1 changed; KPI "CSAT" (%) 61.5 → none, target 70 → 85 (+15); emotion of "First-time buyer" -1 → +1 (+2)

            """.ReplaceLineEndings("\n"),
            comparison.ToDiffText());
    }

    [Fact]
    public void An_explicit_match_comes_before_the_name_fallback()
    {
        var workspace = WorkspaceId.New();
        var asIs = Journey.Create(Ana, workspace, "Today", _clock);
        var a = asIs.AddActivity(Ana, asIs.AddPhase(Ana, "Do"), "Checkout");
        var toBe = Journey.Create(Ana, workspace, "Tomorrow", _clock);
        var doPhase = toBe.AddPhase(Ana, "Do");
        toBe.AddActivity(Ana, doPhase, "Checkout");
        var oneClick = toBe.AddActivity(Ana, doPhase, "One-click checkout");
        asIs.PairWith(Ana, toBe.Id);
        asIs.MatchActivity(Ana, a, oneClick);

        var comparison = JourneyComparison.Compare(asIs, toBe);

        var changed = Assert.Single(comparison.Changed);
        Assert.Equal((a, oneClick, MatchedBy.Link, ActivityChanges.Name), (changed.AsIs.Id, changed.ToBe.Id, changed.MatchedBy, changed.Changes));
        Assert.Equal("Checkout", Assert.Single(comparison.Added).Name);
        Assert.Empty(comparison.Removed);
    }

    [Fact]
    public void A_journey_compared_with_an_earlier_version_of_itself_shows_what_changed_since()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", _clock);
        var see = journey.AddPhase(Ana, "See");
        var ad = journey.AddActivity(Ana, see, "Social ad");
        var then = Journey.Replay(journey.PendingEvents, _clock);
        journey.RenameActivity(Ana, ad, "Video ad");

        var comparison = JourneyComparison.Compare(then, journey);

        var changed = Assert.Single(comparison.Changed);
        Assert.Equal((MatchedBy.SameId, ActivityChanges.Name), (changed.MatchedBy, changed.Changes));
    }

    [Fact]
    public void A_kpi_without_values_on_either_side_shows_only_its_target_change_not_none_to_none()
    {
        Assert.Equal("KPI \"Conversion\" (%) target 3 → 4 (+1)", JourneyComparison.Describe(new KpiDelta("Conversion", "%", null, null, 3, 4)));
        Assert.Equal("KPI \"Conversion\" (%) none → 2.5, target 3 → 4 (+1)", JourneyComparison.Describe(new KpiDelta("Conversion", "%", null, 2.5m, 3, 4)));
    }
}
