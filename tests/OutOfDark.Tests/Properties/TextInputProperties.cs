using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark;
using NodaTime.Testing;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Properties;

/// <summary>
/// Any text a command takes is either accepted and read back unchanged, or refused with <see cref="JourneyRuleException"/>
/// leaving the journey unchanged; text that cannot round-trip through UTF-8 (a lone surrogate) is always refused, and so
/// is a control character (in free text, one other than tab and line breaks).
/// </summary>
public class TextInputProperties
{
    private static readonly Actor Ana = new("ana");

    /// <summary>
    /// Texts of letters, blanks, a control character and both halves of a surrogate pair (so pairs, lone halves and
    /// swapped halves all occur).
    /// </summary>
    public static class SurrogateTexts
    {
        public static Arbitrary<string> Texts() =>
            Gen.Elements('a', 'Z', ' ', '\t', '\0', 'é', '\uD83D', '\uDE80')
                .ArrayOf()
                .Select(chars => new string(chars))
                .ToArbitrary();
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static void AcceptedUnchangedOrRefusedWithNothingChanged(string text, bool acceptable, Action<Journey, string> command, Func<Journey, string?> readBack)
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
        journey.AddPhase(Ana, "See");
        var before = journey.ToSnapshot();
        var pending = journey.PendingEvents.Count;
        try
        {
            command(journey, text);
        }
        catch (JourneyRuleException)
        {
            Assert.False(acceptable, $"'{text}' was refused though it is valid.");
            Assert.Equal(before, journey.ToSnapshot());
            Assert.Equal(pending, journey.PendingEvents.Count);
            return;
        }

        Assert.True(acceptable, $"'{text}' was accepted though it is not valid.");
        Assert.Equal(text, readBack(journey));
    }

    [Property(Arbitrary = new[] { typeof(SurrogateTexts) }, MaxTest = 300)]
    public void A_name_is_accepted_and_read_back_or_refused_with_nothing_changed(string text)
    {
        var acceptable = !string.IsNullOrWhiteSpace(text) && !HasLoneSurrogate(text) && !text.Any(char.IsControl);
        AcceptedUnchangedOrRefusedWithNothingChanged(text, acceptable, (j, t) => j.Rename(Ana, t), j => j.Name);
        AcceptedUnchangedOrRefusedWithNothingChanged(text, acceptable, (j, t) => j.AddPhase(Ana, t), j => j.Phases[^1].Name);
        AcceptedUnchangedOrRefusedWithNothingChanged(text, acceptable, (j, t) => j.AddActivity(Ana, j.Phases[0].Id, t), j => j.Activities[^1].Name);
        AcceptedUnchangedOrRefusedWithNothingChanged(text, acceptable, (j, t) => j.AddPersona(Ana, t), j => j.Personas[^1].Name);
    }

    [Property(Arbitrary = new[] { typeof(SurrogateTexts) }, MaxTest = 300)]
    public void A_free_text_is_accepted_and_read_back_or_refused_with_nothing_changed(string text)
    {
        // Empty, or something visible (white space or format characters alone are refused).
        var acceptable = !HasLoneSurrogate(text) && !text.Contains('\0', StringComparison.Ordinal)
            && (text.Length == 0 || text.EnumerateRunes().Any(r => !System.Text.Rune.IsWhiteSpace(r) && System.Text.Rune.GetUnicodeCategory(r) is not (System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark or System.Globalization.UnicodeCategory.Control)));
        AcceptedUnchangedOrRefusedWithNothingChanged(text, acceptable, (j, t) => j.Describe(Ana, t), j => j.Description);
        AcceptedUnchangedOrRefusedWithNothingChanged(text, acceptable, (j, t) => j.AddPhase(Ana, "Think", t), j => j.Phases[^1].CustomerGoal);
    }

    [Fact]
    public void A_lone_surrogate_is_refused_naming_the_field_and_where_it_is()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));

        var ex = Assert.Throws<JourneyRuleException>(() => journey.AddPhase(Ana, "Th" + '\uD83D' + "ink"));

        Assert.Equal(JourneyRules.InvalidValue, ex.Rule);
        Assert.Equal("The phase name must be valid text: it holds a lone surrogate (U+D83D) at index 2, which cannot be stored as UTF-8. Remove it, or pair it with its other half.", ex.Message);
        Assert.Empty(journey.Phases);
    }
}
