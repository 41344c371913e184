using System;
using System.Collections.Generic;
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
        ['\0', '\u0001', '\u0007', '\u001B', '\u007F', '\u0080', '\u0085', '\u009F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E'];

    private static readonly char[] LineBreaks = ['\t', '\n', '\r'];

    /// <summary>Which field, which character, where: inserted into a valid name.</summary>
    public static Arbitrary<(int Field, char Character, int Position, string Name)> Cases() =>
        (from field in Gen.Choose(0, Fields.Length - 1)
         from character in Gen.Elements(Forbidden)
         from name in JourneyGenerators.Names().Where(n => n.Length < 500)
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
        Assert.Contains($"U+{(int)c.Character:X4} at position {text.IndexOf(c.Character, StringComparison.Ordinal) + 1}", e.Message, StringComparison.Ordinal);
        Assert.Contains("remove it", e.Message, StringComparison.Ordinal);
        Assert.Contains(field.Split(' ')[^1], e.Message, StringComparison.OrdinalIgnoreCase);
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
