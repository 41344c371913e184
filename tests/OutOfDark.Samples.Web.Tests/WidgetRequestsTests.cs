using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Samples.Web.Api;
using Xunit;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>Invariants of the widget requests (WidgetRequests) over any input: the scale, a metric's limits, feedback entries.</summary>
public sealed class WidgetRequestsTests
{
    private static readonly string Persona = PersonaId.New().ToString();

    private static AddWidgetRequest Add(string kind, string? metricKind = null, decimal? target = null, int? asIs = null, int? toBe = null) =>
        new(kind, "Title") { Unit = "min", MetricKind = metricKind, Target = target, Persona = Persona, AsIs = asIs, ToBe = toBe };

    // The members a feedback change sends.
    private static readonly HashSet<string> Given = new(["title", "addEntry", "removeEntries"], System.StringComparer.OrdinalIgnoreCase);

    private static ChangeWidgetRequest Change(FeedbackEntryRequest? add, IReadOnlyList<int>? remove) =>
        new("Title", null, add, remove);

    [Property]
    public bool An_emotion_score_is_taken_exactly_when_it_is_on_the_scale(int asIs, int toBe)
    {
        var errors = new Dictionary<string, string[]>();
        var widget = WidgetRequests.Create(Add("emotion", asIs: asIs, toBe: toBe), errors) as EmotionWidget;
        var asIsOk = asIs is >= -2 and <= 2;
        var toBeOk = toBe is >= -2 and <= 2;
        return errors.ContainsKey("asIs") == !asIsOk
            && errors.ContainsKey("toBe") == !toBeOk
            && (!asIsOk || widget is { } w && w.AsIs.Value == asIs && (w.ToBe?.Value == toBe || !toBeOk));
    }

    [Property]
    public bool A_count_target_is_refused_on_target_exactly_when_it_is_negative(decimal target)
    {
        var errors = new Dictionary<string, string[]>();
        var widget = WidgetRequests.Create(Add("metric", "count", target), errors);
        return errors.ContainsKey("target") == target < 0 && errors.Keys.All(k => k == "target") && widget is MetricWidget { Kind: MetricKind.Count };
    }

    [Property]
    public bool A_percentage_target_is_refused_on_target_exactly_when_it_is_outside_0_to_100(decimal target)
    {
        var errors = new Dictionary<string, string[]>();
        WidgetRequests.Create(Add("metric", "percentage", target), errors);
        return errors.ContainsKey("target") == target is < 0 or > 100;
    }

    [Property]
    public Property The_threshold_order_is_refused_exactly_when_the_journey_refuses_it_and_on_the_later_limit() =>
        Prop.ForAll(
            Gen.Elements(MetricDirection.HigherIsBetter, MetricDirection.LowerIsBetter).ToArbitrary(),
            Gen.ArrayOf(Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 20).Select(i => (int?)i)), 3).ToArbitrary(),
            (direction, limits) =>
            {
                var metric = new MetricWidget(WidgetId.New(), "Wait") { Direction = direction, Target = limits[0], WarningThreshold = limits[1], CriticalThreshold = limits[2] };
                var journey = Journey.Create(new Actor("test"), WorkspaceId.New(), "Journey", NodaTime.SystemClock.Instance);
                var activity = journey.AddActivity(new Actor("test"), journey.AddPhase(new Actor("test"), "See"), "Call");
                var refused = Record.Exception(() => journey.AddWidget(new Actor("test"), activity, metric)) is JourneyRuleException;
                var problem = WidgetRequests.OrderProblem(metric);
                var later = problem is { Field: "warningThreshold" } ? metric.WarningThreshold : metric.CriticalThreshold;
                return refused == (problem is not null)
                    && (problem is null || problem.Value.Message.Contains($"({later})", System.StringComparison.Ordinal)
                        && problem.Value.Message.Contains(direction == MetricDirection.LowerIsBetter ? "when lower is better" : "when higher is better", System.StringComparison.Ordinal));
            });

    [Property]
    public Property Changing_feedback_keeps_the_entries_not_removed_in_order_and_adds_the_new_one_last() =>
        Prop.ForAll(
            Gen.Choose(0, 12).ToArbitrary(),
            Gen.ListOf(Gen.Choose(0, 11)).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (count, remove, add) =>
            {
                var entries = Enumerable.Range(0, count).Select(i => new FeedbackEntry("Source " + i, "Quote " + i, Sentiment.Neutral, new LocalDate(2026, 4, 1).PlusDays(i))).ToList();
                var widget = new FeedbackWidget(WidgetId.New(), "Title", ValueList<FeedbackEntry>.From(entries));
                var valid = remove.Where(i => i < count).Distinct().ToList();
                var newEntry = add ? new FeedbackEntryRequest("Chat", "New", "positive", "2026-05-01") : null;
                var errors = new Dictionary<string, string[]>();
                var change = WidgetRequests.Change(Change(newEntry, valid), "Title", Given, errors);

                var changed = (FeedbackWidget)change(widget);
                var expected = entries.Where((_, i) => !valid.Contains(i)).Select(e => e.Quote).Concat(add ? ["New"] : []).ToList();
                return errors.Count == 0 && changed.Entries.Select(e => e.Quote).SequenceEqual(expected);
            });

    [Property]
    public bool Removing_an_entry_that_is_not_there_changes_nothing_and_names_removeEntries(PositiveInt beyond)
    {
        var widget = new FeedbackWidget(WidgetId.New(), "Title", ValueList<FeedbackEntry>.Of(new FeedbackEntry("Chat", "Hi", Sentiment.Neutral, new LocalDate(2026, 4, 1))));
        var change = WidgetRequests.Change(Change(null, [beyond.Get]), "Title", Given, new Dictionary<string, string[]>());

        var refused = Assert.Throws<JourneyRuleException>(() => change(widget));
        return refused.Subjects.OfType<WidgetField>().Single().Name == "removeEntries" && widget.Entries.Count == 1;
    }
}
