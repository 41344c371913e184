using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
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
    public void Characters_mermaid_reads_as_syntax_become_entity_codes_not_look_alikes()
    {
        var safe = MermaidText.Safe("Pay: \"card\"; or # voucher <b> & [x] {y} (z) | `k` *s* _u_ \\ $$ then %% done");

        Assert.Equal(
            "Pay#58; #34;card#34;#59; or #35; voucher #60;b#62; #38; #91;x#93; #123;y#125; #40;z#41; #124; #96;k#96; #42;s#42; #95;u#95; #92; #36;#36; then #37;#37; done",
            safe);
    }

    [Fact]
    public void Letters_digits_common_marks_and_non_ASCII_text_stay_readable()
    {
        Assert.Equal("Straße 7 - café? Yes! a/b+c=d @home it's 😀 日本", MermaidText.Safe("Straße 7 - café? Yes! a/b+c=d @home it's 😀 日本"));
    }

    [Fact]
    public void Commas_are_coded_only_in_lists()
    {
        Assert.Equal("Smith, Jo", MermaidText.Safe("Smith, Jo"));
        Assert.Equal("Smith#44; Jo", MermaidText.Safe("Smith, Jo", inList: true));
    }

    [Fact]
    public void Spaces_Mermaid_would_trim_or_collapse_are_coded_and_line_breaks_read_as_one_space()
    {
        Assert.Equal("#32;a#32;#32;b#32;", MermaidText.Safe(" a  b "));
        Assert.Equal("a#160;b", MermaidText.Safe("a\u00A0b"));
        Assert.Equal("Pay then done", MermaidText.Safe("Pay\r\nthen\tdone"));
        Assert.Equal("a\uFFFDb", MermaidText.Safe("a\u0007b"));
        Assert.Equal("\uFFFD", MermaidText.Safe(""));
    }

    [Fact]
    public void Mermaids_own_placeholder_pairs_get_a_word_joiner_so_its_second_decoding_leaves_them()
    {
        Assert.Equal("\uFB02\u2060\u00B0x \u00B6\u2060\u00DF", MermaidText.Safe("\uFB02\u00B0x \u00B6\u00DF"));
    }

    [Theory]
    [InlineData("section Evil", "#115;ection Evil")]
    [InlineData("Title case", "#84;itle case")]
    [InlineData("journey", "#106;ourney")]
    [InlineData("accTitle x", "#97;ccTitle x")]
    public void Text_starting_with_a_mermaid_keyword_gets_its_first_letter_as_an_entity_code(string name, string safe)
    {
        Assert.Equal(safe, MermaidText.Safe(name));
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
    public void Mindmap_labels_code_markdown_and_katex_characters_as_the_journey_does()
    {
        const string name = "**b** _i_ a\\b $$x^2$$";

        Assert.Equal("#42;#42;b#42;#42; #95;i#95; a#92;b #36;#36;x#94;2#36;#36;", MermaidText.SafeMindmap(name));
        Assert.Equal(MermaidText.SafeMindmap(name), MermaidText.Safe(name));
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

    /// <summary>
    /// What a diagram shows for a name: the name itself, but line breaks and tabs as one space, other control characters
    /// and lone surrogates as U+FFFD, and Mermaid's placeholder pairs with a word joiner (see <see cref="MermaidText"/>).
    /// </summary>
    private static string Shown(string name)
    {
        var folded = System.Text.RegularExpressions.Regex.Replace(name, "[\r\n\t]+", " ");
        var shown = new System.Text.StringBuilder();
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsHighSurrogate(c) && i + 1 < folded.Length && char.IsLowSurrogate(folded[i + 1]))
            {
                shown.Append(c).Append(folded[++i]);
                continue;
            }

            shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        return shown.Replace("\uFB02\u00B0", "\uFB02\u2060\u00B0").Replace("\u00B6\u00DF", "\u00B6\u2060\u00DF").ToString();
    }

    /// <summary>The pieces the property's names are made of: everything Mermaid reads as syntax, and text around it.</summary>
    private static readonly string[] Pieces =
    [
        "\"", "'", "[", "]", "{", "}", "(", ")", "((", "))", "#", ";", "|", "<", ">", "&", "%%", "`", ":", ",", "*", "_", "\\", "$$", "^", "~",
        "#quot;", "#35;", "#9829;", "&amp;", "&lt;", "<b>", "</text>", "-->", "-.->", ":::big", "fa:fa-car", "%%{init: {}}%%", "**", "~~",
        "é", "ß", "°", "¶", "ﬂ", "😀", "👩‍👩‍👧", "日本", "Pay", "x", "1.", "- ", "section", "journey", "title", "root", "mindmap", "end", "subgraph",
        " ", "  ", "\u00A0", "\u200B", "\u2066x\u2069",
    ];

    /// <summary>A name of 1–8 pieces that a journey accepts: not blank, not starting or ending with white space.</summary>
    private static Gen<string> SpecialName() =>
        Gen.Choose(1, 8).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n))
            .Select(parts => "a" + string.Concat(parts) + "z")
            .Select(n => n.Length > 2 && n[1] is ' ' or '\u00A0' ? n : n[1..])
            .Select(n => n.Length > 1 && n[^2] is ' ' or '\u00A0' ? n : n[..^1]);

    private const string AllTexts = """
        async texts => {
            mermaid.initialize({ startOnLoad: false, maxTextSize: 50000000, securityLevel: 'strict' });
            const shown = [];
            for (let i = 0; i < texts.length; i++) {
                try {
                    const { svg } = await mermaid.render('p' + i, texts[i]);
                    const d = document.createElement('div');
                    d.innerHTML = svg;
                    const mindmap = [...d.querySelectorAll('.mindmap-node')].map(n => n.textContent);
                    const labels = [...d.querySelectorAll('foreignObject')].map(n => n.textContent);
                    shown.push(mindmap.length > 0 ? mindmap : labels.concat([...d.querySelectorAll('text')].map(n => n.textContent)));
                } catch (e) {
                    shown.push(['refused: ' + (e && e.message ? e.message : String(e))]);
                }
            }
            return shown;
        }
        """;

    [Fact]
    public void Persona_names_reach_the_journey_diagrams_actor_list_without_markup_and_decode_to_the_typed_name()
    {
        var ana = new Actor("ana");
        var names = Gen.ArrayOf(SpecialName(), 1).Sample(10, 200).Select(n => n[0])
            .Concat(["<b>x</b>", "<img src=x onerror=alert(1)>", "Smith & <Sons>", "&lt;b&gt;"]).ToList();
        foreach (var name in names)
        {
            var journey = Journey.Create(ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
            var phase = journey.AddPhase(ana, "See");
            var activity = journey.AddActivity(ana, phase, "Step");
            var persona = journey.AddPersona(ana, name);
            journey.AddWidget(ana, activity, new EmotionWidget(WidgetId.New(), "Feeling", persona, EmotionScore.Negative, null, null));
            var line = MermaidRenderer.ToJourneyDiagram(journey).Split('\n').Single(l => l.StartsWith("      Step: 2: ", System.StringComparison.Ordinal));
            var actors = line["      Step: 2: ".Length..];
            Assert.True(actors.IndexOfAny(['<', '>', '&']) < 0, $"'{name}' is written '{actors}'.");
            var decoded = System.Text.RegularExpressions.Regex.Replace(actors, "#([0-9]+);", m => char.ConvertFromUtf32(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(Shown(name), decoded);
        }
    }

    [Fact]
    public async Task Names_made_of_Mermaids_special_characters_show_exactly_as_typed_in_all_three_diagrams()
    {
        if (browser.Require(output) is not { } chromium || browser.RequireMermaid(output) is not { } bundle)
        {
            return;
        }

        var ana = new Actor("ana");
        var cases = Gen.ArrayOf(SpecialName(), 4).Sample(10, 50).ToList();
        var texts = new List<string>();
        foreach (var names in cases)
        {
            var journey = Journey.Create(ana, WorkspaceId.New(), names[0], FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
            var phase = journey.AddPhase(ana, names[1]);
            var activity = journey.AddActivity(ana, phase, names[2]);
            var persona = journey.AddPersona(ana, names[3]);
            journey.AddWidget(ana, activity, new EmotionWidget(WidgetId.New(), "Feeling", persona, EmotionScore.Negative, null, null));
            texts.Add(MermaidRenderer.ToMindmap(journey));
            texts.Add(MermaidRenderer.ToJourneyDiagram(journey));
            texts.Add(MermaidRenderer.ToBlueprint(journey));
        }

        var (page, leaks) = await BrowserFixture.OpenAsync(chromium, "<!DOCTYPE html><html><body></body></html>", "text/html");
        await using var _ = page.Context;
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = bundle });
        var shown = await page.EvaluateAsync<string[][]>(AllTexts, texts);

        var wrong = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var (names, mindmap, diagram, blueprint) = (cases[i], shown[3 * i], shown[(3 * i) + 1], shown[(3 * i) + 2]);
            string[] expected = [Shown(names[0]), Shown(names[1]), Shown(names[2])];
            if (!mindmap.Order(System.StringComparer.Ordinal).SequenceEqual(expected.Order(System.StringComparer.Ordinal)))
            {
                wrong.Add($"mindmap of [{string.Join(" | ", names)}]: shows [{string.Join(" | ", mindmap)}]\n{texts[3 * i]}");
            }

            foreach (var name in names[..3])
            {
                if (!diagram.Contains(Shown(name)))
                {
                    wrong.Add($"journey diagram of '{name}': shows [{string.Join(" | ", diagram)}]\n{texts[(3 * i) + 1]}");
                }
            }

            // The legend wraps a persona wider than 360 px at its spaces (Mermaid's layout: what it shows, spaces aside, is
            // still exactly the name). A single word wider than that Mermaid breaks with a hyphen, measuring it with its
            // entity codes still in, and may cut a code (documented in docs/rendering.md): such names are left out here.
            static string Unwrapped(string text) => Squeeze(text);
            var measured = System.Text.RegularExpressions.Regex.Replace(MermaidText.Safe(names[3], inList: true), "#[0-9]+;", "\uFB02\u00B0\u00B0000\u00B6\u00DF");
            var breaksAWord = measured.Split(' ').Any(word => word.Length > 20);
            if (!breaksAWord && !Unwrapped(string.Concat(diagram)).Contains(Unwrapped(Shown(names[3])), System.StringComparison.Ordinal))
            {
                wrong.Add($"journey legend of '{names[3]}': shows [{string.Join(" | ", diagram)}]\n{texts[(3 * i) + 1]}");
            }

            if (!blueprint.Contains(Shown(names[2])))
            {
                wrong.Add($"blueprint of '{names[2]}': shows [{string.Join(" | ", blueprint)}]\n{texts[(3 * i) + 2]}");
            }
        }

        Assert.Empty(leaks);
        Assert.True(wrong.Count == 0, string.Join("\n\n", wrong.Take(6)));
    }

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
        var lost = names.Where(n => !mindmap.Contains(Squeeze(Shown(n)))).Select(n => "mindmap: " + n)
            .Concat(names.Where(n => !journeyText.Contains(Squeeze(Shown(n)), System.StringComparison.Ordinal)).Select(n => "journey: " + n))
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
