using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck.Fluent;
using Microsoft.Playwright;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Testing;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Rendering.Tests;

public class MermaidTextTests
{
    [Fact]
    public void Characters_mermaid_reads_as_syntax_are_swapped_for_look_alikes_not_dropped()
    {
        var safe = MermaidText.Safe("Pay: card; or # voucher\nthen %% done");

        Assert.Equal("Pay\u2236 card\uFF1B or \uFF03 voucher then \uFF05\uFF05 done", safe);
    }

    [Fact]
    public void Commas_are_swapped_only_in_lists()
    {
        Assert.Equal("Smith, Jo", MermaidText.Safe("Smith, Jo"));
        Assert.Equal("Smith\uFF0C Jo", MermaidText.Safe("Smith, Jo", inList: true));
    }

    [Theory]
    [InlineData("section Evil")]
    [InlineData("Title case")]
    [InlineData("journey")]
    [InlineData("accTitle x")]
    public void Text_starting_with_a_mermaid_keyword_gets_a_zero_width_space_in_front(string name)
    {
        Assert.Equal("\u200B" + name, MermaidText.Safe(name));
    }

    [Fact]
    public void Emotion_scores_from_minus_two_to_plus_two_become_mermaid_scores_one_to_five()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var buyer = journey.AddPersona(new Actor("ana"), "Buyer");
        var scores = new[] { -2, -1, 0, 1, 2 };
        foreach (var score in scores)
        {
            var a = journey.AddActivity(new Actor("ana"), see, "Step " + score);
            journey.AddWidget(new Actor("ana"), a, new EmotionWidget(WidgetId.New(), "Feeling", buyer, new EmotionScore(score), null, null));
        }

        journey.AddActivity(new Actor("ana"), see, "No emotion");

        var lines = MermaidRenderer.ToJourneyDiagram(journey).Split('\n');

        Assert.Contains("      Step -2: 1: Buyer", lines);
        Assert.Contains("      Step -1: 2: Buyer", lines);
        Assert.Contains("      Step 0: 3: Buyer", lines);
        Assert.Contains("      Step 1: 4: Buyer", lines);
        Assert.Contains("      Step 2: 5: Buyer", lines);
        Assert.Contains("      No emotion: 3", lines);
    }

    [Fact]
    public void The_journey_diagram_can_score_one_persona_only()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var a = journey.AddPersona(new Actor("ana"), "A");
        var b = journey.AddPersona(new Actor("ana"), "B");
        var step = journey.AddActivity(new Actor("ana"), see, "Step");
        journey.AddWidget(new Actor("ana"), step, new EmotionWidget(WidgetId.New(), "Feeling", a, EmotionScore.VeryNegative, null, null));
        journey.AddWidget(new Actor("ana"), step, new EmotionWidget(WidgetId.New(), "Feeling", b, EmotionScore.VeryPositive, null, null));

        Assert.Contains("      Step: 3: A, B\n", MermaidRenderer.ToJourneyDiagram(journey));
        Assert.Contains("      Step: 5: B\n", MermaidRenderer.ToJourneyDiagram(journey, new MermaidJourneyOptions { Persona = b }));
    }

    [Fact]
    public void The_mindmap_nests_activities_under_their_phase_and_parent()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var think = journey.AddPhase(new Actor("ana"), "Think");
        var ads = journey.AddActivity(new Actor("ana"), see, "Ads");
        journey.AddActivity(new Actor("ana"), see, "Child", parentId: ads);
        journey.AddActivity(new Actor("ana"), think, "Compare");

        var text = MermaidRenderer.ToMindmap(journey);

        Assert.Equal(
            "mindmap\n  root((\"Store\"))\n    p0[\"See\"]\n      a0[\"Ads\"]\n        a1[\"Child\"]\n    p1[\"Think\"]\n      a2[\"Compare\"]\n",
            text);
    }
}

public class MermaidMindmapTests
{
    [Fact]
    public void Mindmap_labels_swap_markdown_and_katex_characters_for_look_alikes_and_the_journey_keeps_them()
    {
        const string name = "**b** _i_ a\\b $$x^2$$";

        Assert.Equal("\u2217\u2217b\u2217\u2217 \uFF3Fi\uFF3F a\u29F5b \uFF04\uFF04x^2\uFF04\uFF04", MermaidText.SafeMindmap(name));
        Assert.Equal(name, MermaidText.Safe(name));
    }

    private static Journey Chain(int length, out PhaseId phase)
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Deep", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        phase = journey.AddPhase(new Actor("ana"), "See");
        ActivityId? parent = null;
        for (var i = 0; i < length; i++)
        {
            parent = journey.AddActivity(new Actor("ana"), phase, "n" + i, parentId: parent);
        }

        return journey;
    }

    [Fact]
    public void Activities_deeper_than_the_cap_are_drawn_at_the_last_level_with_a_breadcrumb_naming_their_parent()
    {
        var journey = Chain(MermaidRenderer.MaxMindmapDepth + 2, out var see);
        journey.AddActivity(new Actor("ana"), see, "sibling");

        var lines = MermaidRenderer.ToMindmap(journey).Split('\n');

        var last = new string(' ', 6 + (2 * (MermaidRenderer.MaxMindmapDepth - 1)));
        Assert.Equal(last + "a11[\"n11\"]", lines[3 + 11]);
        Assert.Equal(last + "a12[\"… › n11 › n12\"]", lines[3 + 12]);
        Assert.Equal(last + "a13[\"… › n12 › n13\"]", lines[3 + 13]);
        Assert.Equal("      a14[\"sibling\"]", lines[3 + 14]);
    }

    [Fact]
    public void The_mindmap_of_a_100000_deep_chain_is_linear_in_the_number_of_activities()
    {
        const int length = 100_000;
        var journey = Chain(length, out _);

        var text = MermaidRenderer.ToMindmap(journey);

        // Each line: indentation (at most 28), the node id (at most 7), the breadcrumb and the name (about 25).
        Assert.True(text.Length < 70L * length, $"{text.Length:N0} characters for {length:N0} activities");
        Assert.Equal(length + 3, text.Count(c => c == '\n'));
        Assert.EndsWith("a99999[\"… › n99998 › n99999\"]\n", text, System.StringComparison.Ordinal);
    }
}

[Collection(BrowserCollection.Name)]
public class MermaidParserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string ShownTexts = """
        async texts => {
            mermaid.initialize({ startOnLoad: false, maxTextSize: 50000000, securityLevel: 'strict' });
            const shown = [];
            for (let i = 0; i < texts.length; i++) {
                const { svg } = await mermaid.render('d' + i, texts[i]);
                const d = document.createElement('div');
                d.innerHTML = svg;
                const nodes = d.querySelectorAll('.mindmap-node');
                shown.push(nodes.length > 0 ? [...nodes].map(n => n.textContent) : [...d.querySelectorAll('text')].map(n => n.textContent));
            }
            return shown;
        }
        """;

    private static string Squeeze(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '\u200B').ToArray());

    [Fact]
    public async Task Every_hostile_name_shows_exactly_as_the_documented_label_in_both_diagrams()
    {
        if (browser.Require(output) is not { } chromium || browser.RequireMermaid(output) is not { } bundle)
        {
            return;
        }

        var names = HostileText.Names.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Hostile", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var phase = journey.AddPhase(new Actor("ana"), "Phase");
        foreach (var name in names)
        {
            journey.AddActivity(new Actor("ana"), phase, name);
        }

        var (page, _) = await BrowserFixture.OpenAsync(chromium, "<!DOCTYPE html><html><body></body></html>", "text/html");
        await using var _ = page.Context;
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = bundle });
        var shown = await page.EvaluateAsync<string[][]>(ShownTexts, new[] { MermaidRenderer.ToMindmap(journey), MermaidRenderer.ToJourneyDiagram(journey) });

        var mindmap = shown[0].Select(Squeeze).ToHashSet();
        var journeyText = string.Concat(shown[1].Select(Squeeze));
        var lost = names.Where(n => !mindmap.Contains(Squeeze(MermaidText.SafeMindmap(n)))).Select(n => "mindmap: " + n)
            .Concat(names.Where(n => !journeyText.Contains(Squeeze(MermaidText.Safe(n)), System.StringComparison.Ordinal)).Select(n => "journey: " + n))
            .ToList();
        Assert.True(lost.Count == 0, "Shown differently from the label:\n" + string.Join("\n", lost) + "\n\nmindmap nodes:\n" + string.Join("\n", shown[0]));
    }

    [Fact]
    public async Task Mermaid_parses_the_mindmap_of_a_chain_deeper_than_the_cap()
    {
        if (browser.Require(output) is not { } chromium || browser.RequireMermaid(output) is not { } bundle)
        {
            return;
        }

        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Deep", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        var phase = journey.AddPhase(new Actor("ana"), "See");
        ActivityId? parent = null;
        for (var i = 0; i < 2_000; i++)
        {
            parent = journey.AddActivity(new Actor("ana"), phase, HostileText.Names[i % HostileText.Names.Count] is { } n && !string.IsNullOrWhiteSpace(n) ? n : "x", parentId: parent);
        }

        var failures = await ParseAsync(chromium, bundle, [MermaidRenderer.ToMindmap(journey)]);

        Assert.Empty(failures);
    }

    private const string ParseAll = """
        async texts => {
            mermaid.initialize({ startOnLoad: false, maxTextSize: 50000000, securityLevel: 'strict' });
            const failures = [];
            for (let i = 0; i < texts.length; i++) {
                try { await mermaid.parse(texts[i]); }
                catch (e) { failures.push(i + ': ' + (e && e.message ? e.message : String(e)) + '\n' + texts[i].slice(0, 2000)); }
            }
            return failures;
        }
        """;

    [Fact]
    public async Task Mermaid_parses_the_journey_and_mindmap_of_generated_journeys()
    {
        if (browser.Require(output) is not { } chromium || browser.RequireMermaid(output) is not { } bundle)
        {
            return;
        }

        var specs = JourneyGen.Journeys(20).Sample(80, 15);
        var texts = new List<string>();
        foreach (var spec in specs)
        {
            var journey = spec.Build();
            texts.Add(MermaidRenderer.ToJourneyDiagram(journey));
            texts.Add(MermaidRenderer.ToMindmap(journey));
        }

        foreach (var journey in OutOfDark.Testing.JourneyGenerators.Journeys(120).Sample(60, 20))
        {
            texts.Add(MermaidRenderer.ToJourneyDiagram(journey));
            texts.Add(MermaidRenderer.ToMindmap(journey));
            texts.Add(MermaidRenderer.ToBlueprint(journey));
        }

        // Controls: unescaped text Mermaid must refuse, or the check proves nothing.
        var controls = texts.Count;
        texts.Add("journey\n    title T\n    section S\n      journey planner: 5: Me\n");
        texts.Add("journey\n    title T\n    section S\n      Pay # now: 5: Me\n");
        texts.Add("mindmap\n  root((\"a\"b\"))\n");

        var failures = await ParseAsync(chromium, bundle, texts);

        Assert.True(
            failures.Count == 3 && failures.All(f => int.Parse(f[..f.IndexOf(':', System.StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) >= controls),
            string.Join("\n\n", failures.Take(4)));
    }

    [Fact]
    public async Task Mermaid_parses_and_renders_hostile_names_without_running_them()
    {
        if (browser.Require(output) is not { } chromium || browser.RequireMermaid(output) is not { } bundle)
        {
            return;
        }

        var (journey, _) = SampleJourneys.Hostile(t => t, u => u);
        string[] texts = [MermaidRenderer.ToJourneyDiagram(journey), MermaidRenderer.ToMindmap(journey), MermaidRenderer.ToBlueprint(journey)];
        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, "<!DOCTYPE html><html><body><div id=\"out\"></div></body></html>", "text/html");
        await using var _ = page.Context;
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = bundle });

        var failures = await page.EvaluateAsync<string[]>(ParseAll, texts);
        var rendered = await page.EvaluateAsync<int>("""
            async texts => {
                let n = 0;
                for (const t of texts) { const { svg } = await mermaid.render('m' + n, t); document.getElementById('out').insertAdjacentHTML('beforeend', svg); n++; }
                return document.querySelectorAll('#out svg').length;
            }
            """, texts);
        var pwned = await page.EvaluateAsync<int>("() => window.__pwned + document.querySelectorAll('#out script, #out img, #out iframe').length");

        Assert.Empty(failures);
        Assert.Equal(3, rendered);
        Assert.Equal(0, pwned);
        Assert.Empty(leaks);
        Assert.Contains("script", texts[0]);
        Assert.Contains("HYPERLINK", texts[1]);
    }

    [Fact]
    public async Task Mermaid_parses_the_online_store_journey()
    {
        if (browser.Require(output) is not { } chromium || browser.RequireMermaid(output) is not { } bundle)
        {
            return;
        }

        var (journey, _, _) = SampleJourneys.OnlineStore();

        var failures = await ParseAsync(chromium, bundle, [MermaidRenderer.ToJourneyDiagram(journey), MermaidRenderer.ToMindmap(journey)]);

        Assert.Empty(failures);
    }

    private static async Task<IReadOnlyList<string>> ParseAsync(IBrowser chromium, string bundle, IReadOnlyList<string> texts)
    {
        var (page, _) = await BrowserFixture.OpenAsync(chromium, "<!DOCTYPE html><html><body></body></html>", "text/html");
        await using var _ = page.Context;
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = bundle });
        return await page.EvaluateAsync<string[]>(ParseAll, texts);
    }
}
