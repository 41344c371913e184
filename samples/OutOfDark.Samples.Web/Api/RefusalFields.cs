using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The request member a journey's refusal is about, read from the refusal itself: the journey names the text it refuses
/// in its message ("The activity owner contains a control character …", "An activity holds at most 50 channels …",
/// "The actor …"), and each such text came from one member of the request (owner, channels, the X-Actor header). A
/// refusal is filed under that member, not under the rule's usual field, so a refused customer goal is shown next to
/// the customer goal and not next to the name.
/// </summary>
internal static partial class RefusalFields
{
    // The journey's words for a text it checks, and the request member (or header) that carries it. Longer phrases come
    // before the shorter ones they contain ("warning note" before "note").
    private static readonly (string Words, string Member)[] Texts =
    [
        ("activity name", "name"),
        ("activity owner", "owner"),
        ("activity team", "team"),
        ("activity description", "description"),
        ("channel", "channels"),
        ("flow label", "label"),
        ("phase name", "name"),
        ("customer goal", "customerGoal"),
        ("persona name", "name"),
        ("persona description", "description"),
        ("journey name", "name"),
        ("journey description", "description"),
        ("journey owner", "owner"),
        ("widget title", "title"),
        ("metric unit", "unit"),
        ("unit", "unit"),
        ("description's markdown", "markdown"),
        ("description's text", "markdown"),
        ("solution's problem", "problem"),
        ("solution's solution", "solution"),
        ("problem or solution text", "problem"),
        ("emotion note", "note"),
        ("emotion's note", "note"),
        ("link URL", "url"),
        ("link's address", "url"),
        ("warning note", "note"),
        ("note", "note"),
        ("reason", "reason"),
        ("actor", "X-Actor"),
        ("warning handler", "X-Actor"),
        ("rule settings' author", "X-Actor"),
    ];

    /// <summary>
    /// The member <paramref name="e"/> is about, or <see langword="null"/> when the refusal names none of the request's
    /// texts: first a <see cref="WidgetField"/> among its subjects (the web sample's own reading of a widget change),
    /// then the text the message names (see <see cref="Texts"/>). A feedback entry's source or quote is not named here:
    /// which entry it was is the endpoint's to say (<see cref="FeedbackEntry"/>).
    /// </summary>
    /// <param name="e">The refusal.</param>
    /// <returns>The member's JSON name ("customerGoal"), "X-Actor" for the actor, or <see langword="null"/>.</returns>
    public static string? Of(JourneyRuleException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Subjects.OfType<WidgetField>().FirstOrDefault() is { } widgetField)
        {
            return widgetField.Name;
        }

        var text = Sentence(e.Message);
        foreach (var (words, member) in Texts)
        {
            if (Names(text, words))
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>
    /// The JSON path of the feedback entry text <paramref name="e"/> refuses ("entries[1].quote", "addEntry.source"), or
    /// <see langword="null"/> when it refuses no feedback text. The entry is the first of <paramref name="entries"/>
    /// holding the character the message names (U+XXXX), the journey checking entries in order; the first entry when the
    /// message names no character.
    /// </summary>
    /// <param name="e">The refusal.</param>
    /// <param name="entries">The entries as sent, in order (source and quote).</param>
    /// <param name="pathOf">The JSON path of the entry at an index ("entries[0]", or "addEntry" for a change's one entry).</param>
    /// <returns>The path of the refused member, or <see langword="null"/>.</returns>
    public static string? FeedbackEntry(JourneyRuleException e, IReadOnlyList<FeedbackEntryRequest?> entries, Func<int, string> pathOf)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(pathOf);
        var text = Sentence(e.Message);
        var member = Names(text, "feedback source") ? "source" : Names(text, "feedback quote") ? "quote" : null;
        if (member is null)
        {
            return null;
        }

        var index = 0;
        if (CharacterNamed(text) is { } character)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var value = member == "source" ? entries[i]?.Source : entries[i]?.Quote;
                if (value is not null && value.Contains(character, StringComparison.Ordinal))
                {
                    index = i;
                    break;
                }
            }
        }

        return pathOf(index) + "." + member;
    }

    // The journey's own sentence: a widget refusal is prefixed with the widget ("Widget 'Voices' (…): The …").
    private static string Sentence(string message) =>
        message.IndexOf("): ", StringComparison.Ordinal) is var at and >= 0 && message.StartsWith("Widget ", StringComparison.Ordinal)
            ? message[(at + 3)..]
            : message;

    // "The channel …", "The channel list …", "An activity holds at most 50 channels; …".
    private static bool Names(string sentence, string words) =>
        sentence.StartsWith("The " + words + " ", StringComparison.Ordinal)
        || (HoldsAtMost().Match(sentence) is { Success: true } m && m.Groups["what"].Value == words);

    // The character a message names ("contains a control character U+0000 at position 3").
    private static string? CharacterNamed(string sentence) =>
        CodePoint().Match(sentence) is { Success: true } m
        && int.TryParse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
        && code is >= 0 and <= 0x10FFFF
            ? code <= 0xFFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code)
            : null;

    [GeneratedRegex(@"^An? [a-z]+ holds at most \d+ (?<what>[a-z' ]+?)s;", RegexOptions.CultureInvariant)]
    private static partial Regex HoldsAtMost();

    [GeneratedRegex(@"U\+(?<hex>[0-9A-F]{4,6})", RegexOptions.CultureInvariant)]
    private static partial Regex CodePoint();
}
