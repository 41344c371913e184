using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using OutOfDark.Testing;
using OutOfDark.Warnings;

namespace OutOfDark.Testing;

/// <summary>
/// FsCheck generators for OutOfDark: names (hostile ones included), activity details, widgets, command steps and whole
/// journeys as <see cref="JourneyScenario"/>s. Property attributes such as FsCheck.Xunit's <c>[Property]</c> take them
/// registered through <see cref="JourneyArbitraries"/>; the example runs a property without one.
/// </summary>
/// <example>
/// <code>
/// Prop.ForAll(JourneyGenerators.Scenarios(), scenario =>
/// {
///     var (journey, clock) = scenario.Build();
///     return Journey.Replay(journey.PendingEvents, clock).ToSnapshot() == journey.ToSnapshot();
/// }).QuickCheckThrowOnFailure();
/// </code>
/// </example>
public static class JourneyGenerators
{
    private static readonly string[] Words =
        ["Newsletter", "Blog post", "Social ad", "Product page", "Checkout", "Delivery", "Returns", "Support call", "Review request", "Onboarding", "Invoice", "App", "Store visit"];

    /// <summary>Valid names: ordinary words, random text, hostile strings; now and then a long one.</summary>
    /// <returns>The generator.</returns>
    public static Gen<string> Names() => Gen.Frequency<string>(
        (6, Gen.Elements(Words)),
        (3, Gen.Elements<string>((System.Collections.Generic.IEnumerable<string>)HostileText.Names)),
        (3, ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(s => Printable(s.Get.Length > 500 ? s.Get[..500] : s.Get))),
        (1, Gen.Choose(1, 500).Select(n => HostileText.OfLength(n).TrimEnd() is { Length: > 0 } t ? t : "x")));

    /// <summary>
    /// Names as above, and now and then an invalid one (empty, blank, too long, invisible, with a line separator or an
    /// unbalanced bidi isolate) that commands refuse.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<string> NamesOrInvalid() => Gen.Frequency<string>(
        (30, Names()),
        (1, Gen.Elements("", "   ", HostileText.OfLength(501))),
        (1, Gen.Elements<string>((System.Collections.Generic.IEnumerable<string>)HostileText.RefusedNames)));

    /// <summary>Free text: names, empty text, multi-line hostile text, long markup-laden text.</summary>
    /// <returns>The generator.</returns>
    public static Gen<string> Texts() => Gen.Frequency<string>(
        (5, Names()),
        (1, Gen.Elements<string>((System.Collections.Generic.IEnumerable<string>)HostileText.MultiLine)),
        (1, Gen.Constant("")),
        (1, Gen.Choose(500, 10_000).Select(HostileText.OfLength)));

    /// <summary>Optional free text.</summary>
    /// <returns>The generator.</returns>
    public static Gen<string?> OptionalTexts() => Gen.Frequency<string?>(
        (2, Gen.Constant<string?>(null)),
        (3, Texts().Select(t => (string?)t)));

    /// <summary>Activity details: channels, owner, team, status, schedule (sometimes ending before it starts), tags.</summary>
    /// <returns>The generator.</returns>
    public static Gen<ActivityDetails> Details() =>
        from description in OptionalTexts()
        from channels in Gen.SubListOf(["email", "web", "social", "phone", "store", "app"])
        from owner in Gen.Frequency<string?>((1, Gen.Constant<string?>(null)), (2, Names().Select(n => (string?)n)))
        from team in Gen.Elements<string?>(null, "Marketing", "Sales", "Support", "Logistics")
        from status in Gen.Elements(Enum.GetValues<ActivityStatus>())
        from start in Gen.Choose(-1, 400)
        from length in Gen.Choose(-5, 60)
        from tags in Gen.SubListOf(["q3", "pilot", "b2c", "loyalty"])
        select new ActivityDetails
        {
            Description = description,
            Channels = ValueList<string>.From(channels),
            Owner = owner,
            Team = team,
            Status = status,
            PlannedStart = start < 0 ? null : ObservationStep.Origin.PlusDays(start),
            PlannedEnd = start < 0 ? null : ObservationStep.Origin.PlusDays(start + length),
            Tags = ValueList<string>.From(tags),
        };

    /// <summary>Metric values in a range that mostly fits every metric kind, with some outside it.</summary>
    /// <returns>The generator.</returns>
    public static Gen<decimal> Values() => Gen.Frequency<decimal>(
        (10, Gen.Choose(0, 10_000).Select(v => v / 100m)),
        (1, Gen.Choose(-20_000, 20_000).Select(v => v / 10m)));

    /// <summary>Metric shapes, mostly consistent with their direction, sometimes not.</summary>
    /// <returns>The generator.</returns>
    public static Gen<MetricSeed> Metrics() =>
        from kind in Gen.Elements(Enum.GetValues<MetricKind>())
        from direction in Gen.Elements(Enum.GetValues<MetricDirection>())
        from a in Gen.Choose(0, 100)
        from b in Gen.Choose(0, 100)
        from c in Gen.Choose(0, 100)
        from shape in Gen.Choose(0, 9)
        from values in Gen.ListOf(Values(), 0).SelectMany(_ => Gen.Choose(0, 8)).SelectMany(n => Gen.ArrayOf(Values(), n))
        select Metric(kind, direction, a, b, c, shape, values);

    private static MetricSeed Metric(MetricKind kind, MetricDirection direction, int a, int b, int c, int shape, decimal[] values)
    {
        var sorted = new[] { (decimal)a, b, c }.OrderBy(x => x).ToArray();
        // Consistent: higher is better → critical ≤ warning ≤ target; lower is better → the reverse.
        var (critical, warning, target) = direction == MetricDirection.HigherIsBetter
            ? (sorted[0], sorted[1], sorted[2])
            : (sorted[2], sorted[1], sorted[0]);
        return shape switch
        {
            0 => new MetricSeed(kind, direction, null, null, null, ValueList<decimal>.From(values)),
            1 => new MetricSeed(kind, direction, target, null, null, ValueList<decimal>.From(values)),
            9 => new MetricSeed(kind, direction, critical, warning, target, ValueList<decimal>.From(values)), // usually inconsistent
            _ => new MetricSeed(kind, direction, target, warning, critical, ValueList<decimal>.From(values)),
        };
    }

    /// <summary>Widgets of every built-in kind and of an unknown kind.</summary>
    /// <returns>The generator.</returns>
    public static Gen<WidgetSeed> Widgets() =>
        from id in ArbMap.Default.GeneratorFor<Guid>()
        from kind in Gen.Frequency<int>((4, Gen.Constant(0)), (1, Gen.Choose(1, 6)))
        from title in Names()
        from text in Texts()
        from metric in Metrics()
        from persona in Gen.Choose(0, 100)
        from asIs in Gen.Choose(-2, 2)
        from toBe in Gen.Frequency<int?>((1, Gen.Constant<int?>(null)), (2, Gen.Choose(-2, 2).Select(v => (int?)v)))
        select new WidgetSeed(id, kind, title, text, metric, persona, asIs, toBe);

    /// <summary>Single steps, weighted towards building a map with metrics and observations.</summary>
    /// <returns>The generator.</returns>
    public static Gen<JourneyStep> Steps()
    {
        var pick = Gen.Choose(0, 1_000);
        var guid = ArbMap.Default.GeneratorFor<Guid>();
        return Gen.Frequency<JourneyStep>(
            (1, NamesOrInvalid().Select(n => (JourneyStep)new RenameJourneyStep(n))),
            (2, Gen.Choose(1, 60 * 24 * 3).Select(m => (JourneyStep)new AdvanceClockStep(m))),
            (4, from id in guid from name in NamesOrInvalid() from goal in OptionalTexts() from p in pick select (JourneyStep)new AddPhaseStep(id, name, goal, p)),
            (1, from p in pick from name in Names() from goal in OptionalTexts() select (JourneyStep)new ChangePhaseStep(p, name, goal)),
            (1, from p in pick from q in pick select (JourneyStep)new MovePhaseStep(p, q)),
            (1, pick.Select(p => (JourneyStep)new RemovePhaseStep(p))),
            (2, from id in guid from name in Names() from d in OptionalTexts() select (JourneyStep)new AddPersonaStep(id, name, d)),
            (1, from p in pick from q in pick select (JourneyStep)new MovePersonaStep(p, q)),
            (1, pick.Select(p => (JourneyStep)new RemovePersonaStep(p))),
            (12, from id in guid
                 from reuse in Gen.Frequency<int?>((20, Gen.Constant<int?>(null)), (1, pick.Select(p => (int?)p)))
                 from phase in pick
                 from parent in Gen.Choose(-600, 1_000)
                 from name in NamesOrInvalid()
                 from kind in Gen.Elements(Enum.GetValues<ActivityKind>())
                 from details in Details()
                 select (JourneyStep)new AddActivityStep(id, reuse, phase, parent, name, kind, details)),
            (3, from p in pick from name in Names() from kind in Gen.Elements(Enum.GetValues<ActivityKind>()) from details in Details() select (JourneyStep)new ChangeActivityStep(p, name, kind, details)),
            (3, from p in pick from phase in pick from parent in Gen.Choose(-300, 1_000) select (JourneyStep)new MoveActivityStep(p, phase, parent)),
            (2, from p in pick from q in pick select (JourneyStep)new ReorderActivityStep(p, q)),
            (1, pick.Select(p => (JourneyStep)new RemoveActivityStep(p))),
            (4, from id in guid from a in pick from b in pick from label in Gen.Elements<string?>(null, "clicks", "buys", "calls") select (JourneyStep)new AddFlowStep(id, a, b, label)),
            (1, pick.Select(p => (JourneyStep)new RemoveFlowStep(p))),
            (2, from p in pick from label in Gen.Elements<string?>(null, "clicks", "buys", "calls", "returns") select (JourneyStep)new RelabelFlowStep(p, label)),
            (8, from p in pick from w in Widgets() select (JourneyStep)new AddWidgetStep(p, w)),
            (4, from p in pick from w in Widgets() select (JourneyStep)new AddMetricStep(p, w)),
            (3, from p in pick from q in pick from w in Widgets() select (JourneyStep)new AddKpiStep(p, q, w)),
            (2, from p in pick from title in Names() from target in Gen.Frequency<decimal?>((1, Gen.Constant<decimal?>(null)), (2, Values().Select(v => (decimal?)v))) select (JourneyStep)new ChangeWidgetStep(p, title, target)),
            (1, from p in pick from q in pick select (JourneyStep)new MoveWidgetStep(p, q)),
            (1, pick.Select(p => (JourneyStep)new RemoveWidgetStep(p))),
            (12, from p in pick from day in Gen.Choose(0, 120) from v in Values() from op in Gen.Frequency<int>((8, Gen.Constant(0)), (1, Gen.Choose(1, 2))) select (JourneyStep)new ObservationStep(p, day, v, op)),
            (2, from p in pick from source in Names() from quote in Texts() from s in Gen.Choose(-2, 2) from day in Gen.Choose(0, 120)
                select (JourneyStep)new RecordFeedbackStep(p, new FeedbackEntry(source, quote, (Sentiment)s, ObservationStep.Origin.PlusDays(day)))),
            (2, from rule in Gen.Frequency<string>((10, Gen.Elements("metric.threshold", "metric.baseline", "activity.no-owner", "phase.empty", "custom.rule")), (1, Gen.Constant("Not A Rule")))
                from p in pick
                from handling in Gen.Elements(Enum.GetValues<WarningHandling>())
                from minutes in Gen.Choose(-10, 60 * 24 * 7)
                from note in OptionalTexts()
                select (JourneyStep)new HandleWarningStep(rule, p, handling, minutes, note)),
            (3, RuleSettingsSteps()),
            (10, MeasurementSteps()),
            (3, PortfolioSteps()),
            (3, PairingSteps()),
            (8, BlueprintSteps()));
    }

    /// <summary>
    /// The portfolio's commands on one journey: parent changes (a few shared ids, none, or itself), sub-journey links
    /// and their removal, and removals of feedback entries (now and then past the end).
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<JourneyStep> PortfolioSteps()
    {
        // A few fixed ids, so that links are set, changed back and cleared rather than always new.
        var journeys = Gen.Frequency<Guid?>(
            (1, Gen.Constant<Guid?>(null)),
            (3, Gen.Elements<Guid?>(new Guid("6f1d6c52-5c61-4b59-9c2f-1c1b0e0f0a01"), new Guid("6f1d6c52-5c61-4b59-9c2f-1c1b0e0f0a02"), new Guid("6f1d6c52-5c61-4b59-9c2f-1c1b0e0f0a03"))));
        var self = Gen.Frequency<bool>((12, Gen.Constant(false)), (1, Gen.Constant(true)));
        return Gen.Frequency<JourneyStep>(
            (2, from parent in journeys from s in self select (JourneyStep)new SetParentJourneyStep(parent, s)),
            (3, from p in Gen.Choose(0, 1_000) from sub in journeys from s in self select (JourneyStep)new LinkSubJourneyStep(p, sub, s)),
            (2, from p in Gen.Choose(0, 1_000) from i in Gen.Choose(0, 1_000) from past in self select (JourneyStep)new RemoveFeedbackStep(p, i, past)));
    }

    /// <summary>
    /// Service-blueprint lanes and opportunities: lanes added, changed and removed, activities moved between lanes,
    /// opportunities added, changed, scored, linked to the journey's objects (now and then to missing ones), unlinked and
    /// removed; some of them refused.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<JourneyStep> BlueprintSteps()
    {
        var pick = Gen.Choose(0, 1_000);
        var statuses = Gen.Elements(Enum.GetValues<OpportunityStatus>());
        var owners = Gen.Elements<string?>(null, "ana", "Service design");
        return Gen.Frequency<JourneyStep>(
            (2, from id in Gen.Elements("partners", "it-systems", "field.service", "backstage", "Bad Id", "")
                from name in NamesOrInvalid()
                from order in Gen.Frequency<int>((10, Gen.Choose(0, 500)), (1, Gen.Constant(2_000_000)))
                select (JourneyStep)new AddLaneStep(id, name, order)),
            (1, from p in pick from name in Names() from order in Gen.Choose(0, 500) select (JourneyStep)new ChangeLaneStep(p, name, order)),
            (1, pick.Select(p => (JourneyStep)new RemoveLaneStep(p))),
            (4, from a in pick from l in Gen.Frequency<int>((12, pick), (1, Gen.Constant(-1))) select (JourneyStep)new SetActivityLaneStep(a, l)),
            (3, from id in ArbMap.Default.GeneratorFor<Guid>() from title in NamesOrInvalid() from d in OptionalTexts() from owner in owners from status in statuses
                select (JourneyStep)new AddOpportunityStep(id, title, d, owner, status)),
            (1, from p in pick from title in Names() from d in OptionalTexts() from owner in owners from status in statuses
                select (JourneyStep)new ChangeOpportunityStep(p, title, d, owner, status)),
            (2, from p in pick from c in Gen.Choose(0, 6) from b in Gen.Choose(1, 5) from e in Gen.Choose(1, 6) from clear in Gen.Frequency<bool>((6, Gen.Constant(false)), (1, Gen.Constant(true)))
                select (JourneyStep)new ScoreOpportunityStep(p, c, b, e, clear)),
            (5, from p in pick from kind in Gen.Choose(0, 3) from t in pick from entry in Gen.Choose(0, 2) from missing in Gen.Frequency<bool>((8, Gen.Constant(false)), (1, Gen.Constant(true)))
                select (JourneyStep)new LinkOpportunityStep(p, kind, t, entry, missing)),
            (1, from p in pick from l in pick select (JourneyStep)new UnlinkOpportunityStep(p, l)),
            (1, pick.Select(p => (JourneyStep)new RemoveOpportunityStep(p))));
    }

    /// <summary>
    /// As-is / to-be pairing: pairing with a counterpart (now and then with the journey itself, or the empty id) and
    /// pairing again with another one (which drops the matches), unpairing, matching activities and matching them again
    /// (now and then with a counterpart activity already taken, or with an activity of the journey itself), unmatching,
    /// and adding an activity with a matched counterpart's id.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<JourneyStep> PairingSteps()
    {
        // A few counterpart ids, so that pairing again with the same journey (a no-op) happens too.
        var counterpart = Gen.Frequency<Guid>((6, Gen.Elements(PairedIds)), (1, Gen.Constant(Guid.Empty)));
        return Gen.Frequency<JourneyStep>(
            (2, from id in counterpart from op in Gen.Frequency<int>((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2))) select (JourneyStep)new PairJourneyStep(id, op)),
            (5, from p in Gen.Choose(0, 1_000)
                from id in ArbMap.Default.GeneratorFor<Guid>()
                from op in Gen.Frequency<int>((6, Gen.Constant(0)), (1, Gen.Constant(1)), (2, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4)))
                select (JourneyStep)new MatchActivityStep(p, id, op)));
    }

    private static readonly Guid[] PairedIds =
    [
        new("3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
        new("3f2504e0-4f89-11d3-9a0c-0305e82c3302"),
    ];

    /// <summary>
    /// Observations for segments of customers, with sample sizes or NPS / CSAT / CES answer counts (now and then on the
    /// wrong scale, empty, or with a negative sample size, which the journey refuses).
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<JourneyStep> MeasurementSteps() =>
        from p in Gen.Choose(0, 1_000)
        from day in Gen.Choose(0, 120)
        from segment in Gen.Choose(0, 1_000)
        from value in Values()
        from size in Gen.Frequency<int?>((2, Gen.Constant<int?>(null)), (6, Gen.Choose(0, 5_000).Select(n => (int?)n)), (1, Gen.Constant<int?>(-1)))
        from answers in Gen.Frequency<int>((3, Gen.Constant(0)), (6, Gen.Constant(1)), (1, Gen.Constant(2)))
        from counts in Gen.Frequency<int[]>((12, Gen.ArrayOf(Gen.Choose(0, 60), 7)), (1, Gen.ArrayOf(Gen.Constant(0), 1)))
        from op in Gen.Frequency<int>((8, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        select (JourneyStep)new MeasurementStep(p, day, segment, value, size, answers, ValueList<int>.From(counts), op);

    /// <summary>
    /// Rule settings set or cleared for the whole journey, an activity or a KPI: built-in rules (now and then out of range,
    /// or switched off) and a rule no host registers.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<JourneyStep> RuleSettingsSteps() =>
        from rule in Gen.Elements(ChangeRuleSettingsStep.Rules)
        from level in Gen.Choose(0, 2)
        from p in Gen.Choose(0, 1_000)
        from value in Gen.Frequency<int>((12, Gen.Choose(1, 8)), (1, Gen.Constant(0)))
        from enabled in Gen.Frequency<bool>((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from clear in Gen.Frequency<bool>((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from reason in OptionalTexts()
        select (JourneyStep)new ChangeRuleSettingsStep(rule, level, p, value, enabled, clear, reason);

    /// <summary>Whole journeys: scenarios of up to <paramref name="maxSteps"/> steps, starting with a few phases.</summary>
    /// <param name="maxSteps">The most steps a scenario has.</param>
    /// <returns>The generator.</returns>
    public static Gen<JourneyScenario> ScenarioGen(int maxSteps = 80) =>
        from journeyId in ArbMap.Default.GeneratorFor<Guid>().Where(g => g != Guid.Empty)
        from workspaceId in ArbMap.Default.GeneratorFor<Guid>()
        from name in Names()
        from phaseNames in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Names(), n))
        from phaseIds in Gen.ArrayOf(ArbMap.Default.GeneratorFor<Guid>(), 4)
        from count in Gen.Choose(0, maxSteps)
        from steps in Gen.ArrayOf(Steps(), count)
        let phases = phaseNames
            .Distinct(StringComparer.OrdinalIgnoreCase) // a journey refuses two phases of the same name
            .Select((phaseName, i) => (JourneyStep)new AddPhaseStep(phaseIds[i], phaseName, null, int.MaxValue))
        select new JourneyScenario(journeyId, workspaceId, name, ValueList<JourneyStep>.From(phases.Concat(steps)));

    /// <summary>Whole journeys as an FsCheck arbitrary that shrinks by dropping steps.</summary>
    /// <param name="maxSteps">The most steps a scenario has.</param>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<JourneyScenario> Scenarios(int maxSteps = 80) => Arb.From(ScenarioGen(maxSteps), s => s.Shrink());

    /// <summary>
    /// Scenarios in which rule settings change often: a <see cref="RuleSettingsSteps"/> step after every other step,
    /// for round trips of settings through serializers and stores and for incremental evaluation.
    /// </summary>
    /// <param name="maxSteps">The most ordinary steps a scenario has, besides its settings steps.</param>
    /// <returns>The arbitrary; it shrinks by dropping steps.</returns>
    public static Arbitrary<JourneyScenario> RuleSettingsScenarios(int maxSteps = 40) => Arb.From(
        from scenario in ScenarioGen(maxSteps)
        from settings in Gen.ArrayOf(RuleSettingsSteps(), (scenario.Steps.Count / 2) + 1)
        select scenario with { Steps = ValueList<JourneyStep>.From(scenario.Steps.SelectMany((step, i) => i % 2 == 0 && i / 2 < settings.Length ? new[] { step, settings[i / 2] } : new[] { step })) },
        s => s.Shrink());

    /// <summary>Journeys built from generated scenarios, with their events pending.</summary>
    /// <param name="maxSteps">The most steps a scenario has.</param>
    /// <returns>The generator.</returns>
    public static Gen<Journey> Journeys(int maxSteps = 80) => ScenarioGen(maxSteps).Select(s => s.Build().Journey);

    /// <summary>Instants in 2026, for clock moves and as-of queries.</summary>
    /// <returns>The generator.</returns>
    public static Gen<Instant> Instants() =>
        Gen.Choose(0, 365 * 24 * 60).Select(m => JourneyScenario.Start + Duration.FromMinutes(m));

    // Names hold no control, bidi override, line separator or bidi isolate character (the model refuses the first three
    // and unbalanced isolates): those become '?', which keeps the text non-blank. A name with no visible character left
    // (only zero-width or combining characters) becomes "x".
    private static string Printable(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || chars[i] is >= '\u202A' and <= '\u202E' or '\u2028' or '\u2029' or >= '\u2066' and <= '\u2069')
            {
                chars[i] = '?';
            }
        }

        var printable = new string(chars);
        return HasVisibleCharacter(printable) ? printable : "x";
    }

    /// <summary>Whether a reader can see a character of <paramref name="text"/>, as the model's name rule decides it.</summary>
    private static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 || System.Text.Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            if (System.Text.Rune.GetUnicodeCategory(rune) is not (System.Globalization.UnicodeCategory.SpaceSeparator
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control
                or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.EnclosingMark))
            {
                return true;
            }
        }

        return false;
    }
}
