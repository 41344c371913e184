using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck.Fluent;
using Microsoft.Playwright;
using NodaTime;
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
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.At(2026, 1, 1));
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
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.At(2026, 1, 1));
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
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.At(2026, 1, 1));
        var see = journey.AddPhase(new Actor("ana"), "See");
        var think = journey.AddPhase(new Actor("ana"), "Think");
        var ads = journey.AddActivity(new Actor("ana"), see, "Ads");
        journey.AddActivity(new Actor("ana"), think, "Child in another phase", parentId: ads);

        var text = MermaidRenderer.ToMindmap(journey);

        Assert.Equal(
            "mindmap\n  root((\"Store\"))\n    p0[\"See\"]\n      a0[\"Ads\"]\n        a1[\"Child in another phase\"]\n    p1[\"Think\"]\n",
            text);
    }
}

[Collection(BrowserCollection.Name)]
public class MermaidParserTests(BrowserFixture browser, ITestOutputHelper output)
{
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
        string[] texts = [MermaidRenderer.ToJourneyDiagram(journey), MermaidRenderer.ToMindmap(journey)];
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
        Assert.Equal(2, rendered);
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
