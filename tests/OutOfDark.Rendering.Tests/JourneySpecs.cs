using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;

namespace OutOfDark.Rendering.Tests;

/// <summary>A generated activity: its texts, where it sits, and the data on it.</summary>
public sealed record ActivitySpec(
    string Name,
    int Phase,
    int Parent,
    ActivityKind Kind,
    ActivityStatus Status,
    string? Owner,
    string[] Channels,
    string[] Tags,
    string? Description,
    int? Emotion,
    int EmotionPersona,
    MetricKind MetricKind,
    string MetricTitle,
    int[] Observations,
    string? LinkUrl,
    string? Quote);

/// <summary>A generated journey, as plain data so FsCheck can print and shrink it; <see cref="Build"/> makes the journey.</summary>
public sealed record JourneySpec(string Name, string[] Phases, string[] Personas, ActivitySpec[] Activities, (int From, int To, string? Label)[] Flows)
{
    public override string ToString() =>
        $"Journey '{Name}': phases [{string.Join(", ", Phases)}], {Activities.Length} activities, {Flows.Length} flows";

    public Journey Build(IClock? clock = null)
    {
        clock ??= FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var journey = Journey.Create(new Actor("gen"), WorkspaceId.New(), Name, clock, description: "Generated: " + Name);
        var phases = Phases.Select(p => journey.AddPhase(new Actor("gen"), p, "Goal of " + p)).ToList();
        var personas = Personas.Select(p => journey.AddPersona(new Actor("gen"), p)).ToList();
        var ids = new List<ActivityId>();
        foreach (var a in Activities)
        {
            var details = new ActivityDetails
            {
                Owner = a.Owner,
                Status = a.Status,
                Channels = ValueList<string>.From(a.Channels),
                Tags = ValueList<string>.From(a.Tags),
                Description = a.Description,
                PlannedStart = a.Observations.Length > 0 ? new LocalDate(2026, 3, 1) : null,
            };
            ActivityId? parent = a.Parent >= 0 && a.Parent < ids.Count ? ids[a.Parent] : null;

            // A child lives in its parent's phase.
            var phase = parent is { } p ? journey.GetActivity(p).PhaseId : phases[a.Phase % phases.Count];
            var id = journey.AddActivity(new Actor("gen"), phase, a.Name, a.Kind, details, parent);
            ids.Add(id);
            if (a.Emotion is { } score && personas.Count > 0)
            {
                journey.AddWidget(new Actor("gen"), id, new EmotionWidget(WidgetId.New(), "Feeling", personas[a.EmotionPersona % personas.Count], new EmotionScore(score), null, a.Description));
            }

            if (a.Observations.Length > 0)
            {
                var metric = journey.AddWidget(new Actor("gen"), id, new MetricWidget(WidgetId.New(), a.MetricTitle) { Kind = a.MetricKind, Unit = "u" });
                for (var i = 0; i < a.Observations.Length; i++)
                {
                    journey.RecordObservation(new Actor("gen"), metric, new LocalDate(2026, 1, 1).PlusDays(i * 3), a.Observations[i]);
                }
            }

            if (a.LinkUrl is { } url)
            {
                journey.AddWidget(new Actor("gen"), id, new LinkWidget(WidgetId.New(), a.Name, new Uri(url, UriKind.Absolute)));
            }

            if (a.Quote is { } quote)
            {
                var feedback = journey.AddWidget(new Actor("gen"), id, new FeedbackWidget(WidgetId.New(), "Voice of the customer"));
                journey.RecordFeedback(new Actor("gen"), feedback, new FeedbackEntry(a.Name, quote, Sentiment.Negative, new LocalDate(2026, 2, 2)));
            }
        }

        var flows = new HashSet<(int, int)>();
        foreach (var (from, to, label) in Flows)
        {
            if (ids.Count > 1 && from % ids.Count != to % ids.Count && flows.Add((from % ids.Count, to % ids.Count)))
            {
                journey.AddFlow(new Actor("gen"), ids[from % ids.Count], ids[to % ids.Count], label);
            }
        }

        return journey;
    }
}

/// <summary>FsCheck generators for journeys with ordinary, odd and hostile text.</summary>
internal static class JourneyGen
{
    // Ours (payloads that set a flag a test can read) first, then the shared list from OutOfDark.Testing. All are single
    // lines, as names refuse tabs and line breaks; MultiLine holds the texts only descriptions, notes and quotes take.
    public static readonly string[] Hostile =
    [
        "<script>window.__pwned=(window.__pwned||0)+1</script>",
        "\"onmouseover=\"window.__pwned=1\" x=\"",
        "'><img src=x onerror=window.__pwned=1>",
        "javascript:window.__pwned=1",
        "]]><script>window.__pwned=1</script><![CDATA[",
        "Checkout: pay; then # confirm",
        "%%{init: {'theme':'dark'}}%%",
        "section Evil",
        "title Hijack",
        "journey",
        "accTitle: x",
        "root((boom))",
        "a[\"b\"] --> c((d)) {{e}} )f(",
        "`**markdown**`",
        "&amp; &#60;b&#62; #quot;",
        "=HYPERLINK(\"http://evil\")",
        "+1+1",
        "-2",
        "@SUM(A1)",
        "'already quoted",
        "🙂 emoji 👩‍👩‍👧",
        "Ümlaut, comma",
        "bar | and \\ backslash",
        "  padded  ",
        .. OutOfDark.Testing.HostileText.Names.Where(n => !string.IsNullOrWhiteSpace(n)),
    ];

    private static readonly char[] Letters = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,:;#%<>&\"'`()[]{}|\\-=+@".ToCharArray();

    public static Gen<string> Text =>
        Gen.Frequency(
            (3, Gen.Elements(Hostile)),
            (3, Gen.ArrayOf(Gen.Elements(Letters)).Select(c => new string(c))),
            (1, Gen.Zip(Gen.Elements(Hostile), Gen.Elements(Hostile), (a, b) => a + " " + b)))
        .Where(s => !string.IsNullOrWhiteSpace(s) && s.Length <= 500);

    private static Gen<string?> Optional(Gen<string> gen) =>
        Gen.Frequency((1, Gen.Constant<string?>(null)), (3, gen.Select(s => (string?)s)));

    /// <summary>Texts with tabs and line breaks, for descriptions, notes and quotes (names refuse them).</summary>
    public static readonly string[] MultiLine = ["two\nlines", "tab\tinside", .. OutOfDark.Testing.HostileText.MultiLine];

    private static Gen<string?> LongText =>
        Gen.Frequency(
            (4, Optional(Text)),
            (1, Gen.Elements(MultiLine).Select(m => (string?)m)),
            (1, Gen.Elements(Hostile).Select(h => (string?)(new string('x', 10_000) + h))));

    private static Gen<string[]> Names => Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(Text, n)).Select(l => l.Distinct(StringComparer.Ordinal).Take(3).ToArray());

    private static Gen<ActivitySpec> Activity(int index, int phases) =>
        from name in Text
        from phase in Gen.Choose(0, phases - 1)
        from parent in Gen.Frequency((2, Gen.Constant(-1)), (3, Gen.Choose(0, Math.Max(0, index - 1))))
        from kind in Gen.Elements(ActivityKind.Touchpoint, ActivityKind.Milestone, ActivityKind.Other)
        from status in Gen.Elements(Enum.GetValues<ActivityStatus>())
        from owner in Optional(Text)
        from channels in Names
        from tags in Names
        from description in LongText
        from emotion in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Choose(-2, 2).Select(v => (int?)v)))
        from persona in Gen.Choose(0, 5)
        from metricKind in Gen.Elements(MetricKind.Count, MetricKind.Score)
        from metricTitle in Text
        from observationCount in Gen.Choose(0, 4)
        from observations in Gen.ListOf(Gen.Choose(0, 5000), observationCount)
        from link in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("https://example.com/a?b=1&c=<x>", "javascript:window.__pwned=1", "mailto:team@example.com", "data:text/html,<script>window.__pwned=1</script>")))
        from quote in Optional(LongText.Select(s => s ?? "plain"))
        select new ActivitySpec(
            name, phase, index == 0 ? -1 : parent, kind, status, owner, channels, tags, description, emotion, persona, metricKind, metricTitle,
            observations.Select(o => metricKind == MetricKind.Score ? o - 2500 : o).ToArray(), link, quote);

    public static Gen<JourneySpec> Journeys(int maxActivities = 25) =>
        from name in Text
        from phaseCount in Gen.Choose(1, 6)
        from phaseNames in Gen.ArrayOf(Text, phaseCount)
        from personas in Gen.ArrayOf(Text, 2)
        from count in Gen.Choose(0, maxActivities)
        from activities in Sequence(Enumerable.Range(0, count).Select(i => Activity(i, phaseCount)))
        from flowCount in Gen.Choose(0, 8)
        from flows in Gen.ListOf(Gen.Zip(Gen.Zip(Gen.Choose(0, 100), Gen.Choose(0, 100)), Optional(Text), (p, l) => (p.Item1, p.Item2, l)), flowCount)
        select new JourneySpec(name, Unique(phaseNames), Unique(personas), activities, flows.ToArray());

    // Phase and persona names are unique (a journey refuses a second phase or persona of the same name, ignoring case),
    // which also lets CSV import (which finds phases by name) rebuild the journey.
    private static string[] Unique(string[] names) => names.Select((n, i) => n.Length > 490 ? n[..490] + i : n + " #" + i).ToArray();

    private static Gen<ActivitySpec[]> Sequence(IEnumerable<Gen<ActivitySpec>> gens) =>
        gens.Aggregate(Gen.Constant(Array.Empty<ActivitySpec>()), (acc, g) => from xs in acc from x in g select xs.Append(x).ToArray());

    public static Arbitrary<JourneySpec> Arbitrary(int maxActivities = 25) => Arb.From(Journeys(maxActivities));
}

/// <summary>FsCheck arbitrary provider: generated maps of up to 20 activities.</summary>
public static class MapsOf20
{
    public static Arbitrary<JourneySpec> Journeys() => JourneyGen.Arbitrary(20);
}

/// <summary>FsCheck arbitrary provider: generated maps of up to 25 activities.</summary>
public static class MapsOf25
{
    public static Arbitrary<JourneySpec> Journeys() => JourneyGen.Arbitrary(25);
}

/// <summary>FsCheck arbitrary provider: generated maps of up to 30 activities.</summary>
public static class MapsOf30
{
    public static Arbitrary<JourneySpec> Journeys() => JourneyGen.Arbitrary(30);
}

/// <summary>FsCheck arbitrary provider: generated maps of up to 40 activities.</summary>
public static class MapsOf40
{
    public static Arbitrary<JourneySpec> Journeys() => JourneyGen.Arbitrary(40);
}
