using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Properties;

/// <summary>
/// Every name and text a command takes refuses control characters (tabs and line breaks only in multi-line text) and
/// bidi embeddings and overrides, wherever they sit, naming the field, the character and its position, and leaving
/// the journey unchanged.
/// </summary>
public class ForbiddenCharacterProperties
{
    private static readonly Actor Ana = new("ana");

    // Each name-bearing (or text-bearing) field, as a command that puts the text there; true for multi-line text.
    private static readonly (string Field, bool MultiLine, Action<Journey, Ids, string> Command)[] Fields =
    [
        ("journey name", false, (j, _, t) => j.Rename(Ana, t)),
        ("phase name", false, (j, _, t) => j.AddPhase(Ana, t)),
        ("customer goal", true, (j, _, t) => j.AddPhase(Ana, "Phase", customerGoal: t)),
        ("activity name", false, (j, ids, t) => j.AddActivity(Ana, ids.Phase, t)),
        ("owner", false, (j, ids, t) => j.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Owner = t })),
        ("team", false, (j, ids, t) => j.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Team = t })),
        ("channel", false, (j, ids, t) => j.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Channels = ValueList<string>.From(["web", t]) })),
        ("description", true, (j, ids, t) => j.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Description = t })),
        ("flow label", false, (j, ids, t) => j.AddFlow(Ana, ids.From, ids.To, t)),
        ("persona name", false, (j, _, t) => j.AddPersona(Ana, t)),
        ("persona description", true, (j, _, t) => j.AddPersona(Ana, "Pat", t)),
        ("widget title", false, (j, ids, t) => j.AddWidget(Ana, ids.From, new DescriptionWidget(WidgetId.New(), t, "text"))),
    ];

    private static readonly char[] Forbidden =
        ['\0', '\u0001', '\u0007', '\u001B', '\u007F', '\u0080', '\u0085', '\u009F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
         '\u2066', '\u2067', '\u2068', '\u2069'];

    // Characters that show nothing: white space of any kind, zero-width and format characters, combining marks and
    // variation selectors, Hangul fillers.
    private static readonly string[] Invisible =
        [" ", "\u00A0", "\u3000", "\u2007", "\u200B", "\u200C", "\u200D", "\u200E", "\u2060", "\uFEFF", "\u00AD", "\uFE0F", "\u0301", "\u20DD", "\u3164", "\u2800", "\uDB40\uDC20", "\uDB40\uDD00"];

    private static readonly char[] LineBreaks = ['\t', '\n', '\r'];

    /// <summary>Which field, which character, where: inserted into a valid name.</summary>
    public static Arbitrary<(int Field, char Character, int Position, string Name)> Cases() =>
        (from field in Gen.Choose(0, Fields.Length - 1)
         from character in Gen.Elements(Forbidden)
         // A lone isolate is refused as unbalanced; the name itself holds none, so the inserted one is the culprit.
         from name in JourneyGenerators.Names().Where(n => n.Length < 500 && !n.Any(ch => ch is >= '\u2066' and <= '\u2069'))
         from at in Gen.Choose(0, name.Length)
         // Never between the halves of a surrogate pair: that would be a lone surrogate, refused for that reason.
         let position = at < name.Length && char.IsLowSurrogate(name[at]) ? at - 1 : at
         select (field, character, position, name)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(ForbiddenCharacterProperties) }, MaxTest = 300)]
    public void A_control_or_bidi_override_character_anywhere_is_refused_naming_the_field_character_and_position((int Field, char Character, int Position, string Name) c)
    {
        var (field, _, command) = Fields[c.Field];
        var text = c.Name.Insert(c.Position, c.Character.ToString());
        var (journey, ids) = Build();
        var e = journey.Refused(() => command(journey, ids, text));
        Assert.Equal(JourneyRules.InvalidValue, e.Rule);
        // Positions count characters from 1: a surrogate pair before the culprit (an emoji) is one character.
        Assert.Contains($"U+{(int)c.Character:X4} at position {text[..text.IndexOf(c.Character, StringComparison.Ordinal)].EnumerateRunes().Count() + 1}", e.Message, StringComparison.Ordinal);
        Assert.Contains("remove it", e.Message, StringComparison.Ordinal);
        Assert.Contains(field.Split(' ')[^1], e.Message, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Which one-line field, and a name made of 1 to 8 invisible characters.</summary>
    public static Arbitrary<(int Field, string Name)> InvisibleNames() =>
        (from field in Gen.Elements(Enumerable.Range(0, Fields.Length).Where(i => !Fields[i].MultiLine).ToArray())
         from parts in Gen.ArrayOf(Gen.Elements(Invisible)).Where(p => p.Length is > 0 and <= 8)
         select (field, string.Concat(parts))).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(ForbiddenCharacterProperties) }, MaxTest = 200)]
    public void A_name_with_no_visible_character_is_refused_naming_the_field((int Field, string Name) c)
    {
        var (field, _, command) = Fields[c.Field];
        var (journey, ids) = Build();
        var e = journey.Refused(() => command(journey, ids, c.Name));
        // White space alone says so too (a widget title keeps its "needs a title that is not empty or white space").
        Assert.Contains(field.Split(' ')[^1], e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.True(
            e.Message.EndsWith(" has no visible character (only white space, format characters such as U+200B or combining marks); type a name.", StringComparison.Ordinal)
            || (field == "widget title" && e.Rule == JourneyRules.InvalidWidget && e.Message.Contains("needs a title that is not empty or white space", StringComparison.Ordinal)),
            e.Message);
    }

    [Property(Arbitrary = new[] { typeof(ForbiddenCharacterProperties) }, MaxTest = 100)]
    public void A_visible_character_among_invisible_ones_makes_a_valid_name((int Field, string Name) c)
    {
        var (_, _, command) = Fields[c.Field];
        var (journey, ids) = Build();
        var version = journey.Version;
        command(journey, ids, c.Name + "x" + c.Name);
        Assert.True(journey.Version > version);
    }

    /// <summary>Which one-line field, and 500 characters each a letter, an accented letter or an emoji outside the BMP.</summary>
    public static Arbitrary<(int Field, string[] Characters)> FullNames() =>
        (from field in Gen.Elements(Enumerable.Range(0, Fields.Length).Where(i => !Fields[i].MultiLine).ToArray())
         from characters in Gen.ArrayOf(Gen.Elements("a", "é", "\uD83D\uDE80", "\uD83D\uDC69", "𝔸"), 500)
         select (field, characters)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(ForbiddenCharacterProperties) }, MaxTest = 60)]
    public void Names_are_counted_in_characters_not_UTF16_units_500_kept_501_refused((int Field, string[] Characters) c)
    {
        var (field, _, command) = Fields[c.Field];
        var (journey, ids) = Build();
        var version = journey.Version;
        command(journey, ids, string.Concat(c.Characters));
        Assert.True(journey.Version > version);

        (journey, ids) = Build();
        var e = journey.Refused(() => command(journey, ids, string.Concat(c.Characters) + "\uD83D\uDE80"));
        Assert.Contains(field.Split(' ')[^1], e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("at most 500 characters", e.Message, StringComparison.Ordinal);
        if (field != "widget title")
        {
            Assert.EndsWith("must be at most 500 characters; it has 501.", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Line_and_paragraph_separators_are_refused_in_names_and_kept_in_multi_line_text()
    {
        foreach (var (field, multiLine, command) in Fields)
        {
            foreach (var separator in new[] { '\u2028', '\u2029' })
            {
                var text = "one" + separator + "two";
                var (journey, ids) = Build();
                if (multiLine)
                {
                    command(journey, ids, text);
                }
                else
                {
                    var e = journey.Refused(() => command(journey, ids, text));
                    Assert.EndsWith($" contains a line separator U+{(int)separator:X4} at position 4; it is one line of text: remove it.", e.Message, StringComparison.Ordinal);
                    Assert.Contains(field.Split(' ')[^1], e.Message, StringComparison.OrdinalIgnoreCase);
                }
            }
        }
    }

    [Fact]
    public void Positions_count_astral_characters_as_one()
    {
        var (journey, ids) = Build();
        var e = journey.Refused(() => journey.AddActivity(Ana, ids.Phase, "\uD83D\uDE80\uD83D\uDE80\u0007"));
        Assert.Equal("The activity name contains a control character U+0007 at position 3; remove it.", e.Message);
        e = journey.Refused(() => journey.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Owner = "\uD83D\uDE80\u2028" }));
        Assert.Equal("The activity owner contains a line separator U+2028 at position 2; it is one line of text: remove it.", e.Message);
        e = journey.Refused(() => journey.AddPersona(Ana, "Pat", "\uD83D\uDC69\u200D\uD83D\uDE80 a\n\uD835\uDD38\u202E"));
        Assert.Equal("The persona description contains a bidi override character U+202E at position 8; remove it (tabs and line breaks are allowed).", e.Message);
    }

    [Fact]
    public void A_name_of_white_space_alone_says_it_has_no_visible_character_and_an_empty_one_that_it_is_empty()
    {
        var (journey, ids) = Build();
        var e = journey.Refused(() => journey.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Owner = "   " }));
        Assert.Equal("The activity owner has no visible character (only white space, format characters such as U+200B or combining marks); type a name.", e.Message);
        e = journey.Refused(() => journey.AddFlow(Ana, ids.From, ids.To, " "));
        Assert.Equal("The flow label has no visible character (only white space, format characters such as U+200B or combining marks); type a name.", e.Message);
        e = journey.Refused(() => journey.AddFlow(Ana, ids.From, ids.To, ""));
        Assert.Equal("The flow label must not be empty.", e.Message);
    }

    // Each free text or short widget text, as a command that puts the text there (empty stays allowed in each).
    private static readonly (string Field, Action<Journey, Ids, string> Command)[] Texts =
    [
        ("customer goal", (j, _, t) => j.AddPhase(Ana, "Phase", customerGoal: t)),
        ("activity description", (j, ids, t) => j.AddActivity(Ana, ids.Phase, "Cart", details: ActivityDetails.Empty with { Description = t })),
        ("persona description", (j, _, t) => j.AddPersona(Ana, "Pat", t)),
        ("reason", (j, ids, t) => j.AddFlow(Ana, ids.From, ids.To, reason: t)),
        ("metric unit", (j, ids, t) => j.AddWidget(Ana, ids.From, new MetricWidget(WidgetId.New(), "Rate") { Unit = t })),
        ("description's markdown", (j, ids, t) => j.AddWidget(Ana, ids.From, new DescriptionWidget(WidgetId.New(), "About", t))),
        ("solution's problem", (j, ids, t) => j.AddWidget(Ana, ids.From, new SolutionWidget("Fix", t, "Do it", SolutionStatus.Proposed))),
        ("feedback source", (j, ids, t) => j.RecordFeedback(Ana, Feedback(j, ids), new FeedbackEntry(t, "Slow", Sentiment.Negative, new NodaTime.LocalDate(2026, 1, 5)))),
        ("feedback quote", (j, ids, t) => j.RecordFeedback(Ana, Feedback(j, ids), new FeedbackEntry("Survey", t, Sentiment.Negative, new NodaTime.LocalDate(2026, 1, 5)))),
        ("feedback quote", (j, ids, t) => j.AddWidget(Ana, ids.From, new FeedbackWidget(WidgetId.New(), "Voices", ValueList<FeedbackEntry>.Of(new FeedbackEntry("Survey", t, Sentiment.Neutral, new NodaTime.LocalDate(2026, 1, 5)))))),
    ];

    // The feedback widget entries are recorded on: added once, before the command under test.
    private static WidgetId Feedback(Journey journey, Ids ids) =>
        journey.GetActivity(ids.To).Widgets.OfType<FeedbackWidget>().FirstOrDefault()?.Id
        ?? journey.AddWidget(Ana, ids.To, new FeedbackWidget(WidgetId.New(), "Voices", ValueList<FeedbackEntry>.Empty));

    /// <summary>Free and widget texts of invisible characters.</summary>
    public static class TextCases
    {
        /// <summary>Which free or widget text, and a text made of 1 to 8 invisible characters (white space among them).</summary>
        public static Arbitrary<(int Field, string Text)> InvisibleTexts() =>
            (from field in Gen.Choose(0, Texts.Length - 1)
             from parts in Gen.ArrayOf(Gen.Elements(Invisible.Concat(["\n", "\t", "   "]).ToArray())).Where(p => p.Length is > 0 and <= 8)
             select (field, string.Concat(parts))).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(TextCases) }, MaxTest = 200)]
    public void A_free_or_widget_text_with_no_visible_character_is_refused_naming_the_field_and_one_with_a_visible_character_is_kept((int Field, string Text) c)
    {
        var (field, command) = Texts[c.Field];
        var (journey, ids) = Build();
        _ = Feedback(journey, ids);
        var tabsRefused = field is "metric unit" or "feedback source";
        if (!(tabsRefused && c.Text.Any(ch => ch is '\n' or '\t')))
        {
            var version = journey.Version;
            var e = journey.Refused(() => command(journey, ids, c.Text));
            Assert.Equal(version, journey.Version);
            if (field == "feedback source" && string.IsNullOrWhiteSpace(c.Text))
            {
                // White space alone is the entry's own older refusal: a source is required.
                Assert.EndsWith("A feedback entry needs a source.", e.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal($"The {field} has no visible character (only white space, format characters such as U+200B or combining marks); type some text, or leave it empty.", e.Message);
            }
        }

        (journey, ids) = Build();
        _ = Feedback(journey, ids);
        var before = journey.Version;
        command(journey, ids, tabsRefused ? "x\u200B" : c.Text + "x" + c.Text);
        Assert.True(journey.Version > before);
    }

    [Fact]
    public void Unbalanced_isolates_are_refused_with_what_to_do()
    {
        var (journey, ids) = Build();
        var e = journey.Refused(() => journey.AddActivity(Ana, ids.Phase, "a \u2067b\u2066c\u2069"));
        Assert.Equal("The activity name contains a bidi isolate U+2067 at position 3 that is never closed; close it with U+2069 or remove it.", e.Message);
        e = journey.Refused(() => journey.AddPersona(Ana, "Pat", "line one\nend\u2069 here"));
        Assert.Equal("The persona description contains a bidi isolate end U+2069 at position 13 with no isolate open; remove it, or open the isolate before it (U+2066–U+2068).", e.Message);
    }

    [Fact]
    public void Every_refused_name_of_the_hostile_texts_is_refused_in_every_one_line_field()
    {
        foreach (var (field, multiLine, command) in Fields.Where(f => !f.MultiLine))
        {
            foreach (var name in HostileText.RefusedNames.Concat(HostileText.Refused))
            {
                var (journey, ids) = Build();
                var e = journey.Refused(() => command(journey, ids, name));
                Assert.Contains(field.Split(' ')[^1], e.Message, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Tabs_and_line_breaks_are_refused_in_names_and_kept_in_multi_line_text()
    {
        foreach (var (field, multiLine, command) in Fields)
        {
            foreach (var character in LineBreaks)
            {
                var text = "one" + character + "two";
                var (journey, ids) = Build();
                if (multiLine)
                {
                    command(journey, ids, text);
                }
                else
                {
                    var e = journey.Refused(() => command(journey, ids, text));
                    Assert.Contains($"U+{(int)character:X4} at position 4", e.Message, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void Bidi_isolates_are_kept_in_names()
    {
        var (journey, ids) = Build();
        var name = "\u2067שלום\u2069 & \u2066ltr\u2069 \u2068first\u2069";
        var activity = journey.AddActivity(Ana, ids.Phase, name);
        Assert.Equal(name, journey.GetActivity(activity).Name);
    }

    [Fact]
    public void The_message_names_the_field_the_character_and_its_position()
    {
        var (journey, ids) = Build();
        var e = journey.Refused(() => journey.AddActivity(Ana, ids.Phase, "a\u0000b\u0007c"));
        Assert.Equal("The activity name contains a control character U+0000 at position 2; remove it.", e.Message);
        e = journey.Refused(() => journey.AddPersona(Ana, "Pat", "line one\nline\u202E two"));
        Assert.Equal("The persona description contains a bidi override character U+202E at position 14; remove it (tabs and line breaks are allowed).", e.Message);
    }

    private static (Journey Journey, Ids Ids) Build()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Shop", new FakeClock(JourneyScenario.Start));
        var phase = journey.AddPhase(Ana, "Buy");
        var from = journey.AddActivity(Ana, phase, "Cart");
        var to = journey.AddActivity(Ana, phase, "Pay");
        return (journey, new Ids(phase, from, to));
    }

    private sealed record Ids(PhaseId Phase, ActivityId From, ActivityId To);
}
