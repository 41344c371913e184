using System;

namespace OutOfDark.Internal;

/// <summary>Checks on text the model stores.</summary>
internal static class Text
{
    /// <summary>A count with its noun in the right number: "1 activity", "2 activities", "0 activities".</summary>
    public static string Count(long count, string singular, string plural) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);

    /// <summary>The index of the first lone surrogate (text that cannot be encoded as UTF-8), or -1 when there is none.</summary>
    public static int LoneSurrogateIndex(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The number of characters in <paramref name="value"/> as the model counts them: Unicode scalar values, so an
    /// emoji outside the Basic Multilingual Plane (a surrogate pair) counts as one. A lone surrogate counts as one.
    /// </summary>
    public static int CharacterCount(ReadOnlySpan<char> value)
    {
        var count = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether <paramref name="value"/> holds a character a reader can see: not white space (any kind), not a
    /// separator (U+2028, U+2029), not a format or control character (U+200B–U+200F, U+2060, U+FEFF, U+00AD, tags…), not
    /// a combining mark or variation selector (which shows only on a base) and not a Hangul filler.
    /// </summary>
    public static bool HasVisibleCharacter(ReadOnlySpan<char> value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsVisible(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVisible(System.Text.Rune rune)
    {
        if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800)
        {
            // Hangul fillers and the blank braille pattern are letters or symbols that draw nothing.
            return false;
        }

        return System.Text.Rune.GetUnicodeCategory(rune) switch
        {
            System.Globalization.UnicodeCategory.SpaceSeparator
                or System.Globalization.UnicodeCategory.LineSeparator
                or System.Globalization.UnicodeCategory.ParagraphSeparator
                or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Control
                or System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark
                or System.Globalization.UnicodeCategory.EnclosingMark => false,
            _ => !System.Text.Rune.IsWhiteSpace(rune),
        };
    }

    /// <summary>What <see cref="ForbiddenCharacterIndex(ReadOnlySpan{char}, bool, out Forbidden)"/> found.</summary>
    public enum Forbidden
    {
        /// <summary>Nothing: the text is allowed.</summary>
        None,

        /// <summary>A control character.</summary>
        Control,

        /// <summary>A bidi embedding or override U+202A–U+202E.</summary>
        BidiOverride,

        /// <summary>A line or paragraph separator U+2028/U+2029 in one-line text.</summary>
        LineSeparator,

        /// <summary>A bidi isolate U+2066–U+2068 never closed by U+2069.</summary>
        UnclosedIsolate,

        /// <summary>A pop directional isolate U+2069 without an isolate open.</summary>
        UnopenedIsolate,
    }

    /// <summary>
    /// The index of the first character a name (or, when <paramref name="multiLine"/>, a free text) must not hold, or -1:
    /// a control character (tab, CR and LF allowed in multi-line text), a bidi embedding or override U+202A–U+202E, a
    /// line or paragraph separator U+2028/U+2029 in a name, or an unbalanced bidi isolate (U+2066–U+2068 not closed by
    /// U+2069 before the end, or U+2069 with no isolate open), which would change the direction of the text around it.
    /// </summary>
    public static int ForbiddenCharacterIndex(ReadOnlySpan<char> value, bool multiLine) => ForbiddenCharacterIndex(value, multiLine, out _);

    /// <inheritdoc cref="ForbiddenCharacterIndex(ReadOnlySpan{char}, bool)"/>
    /// <param name="value">The text.</param>
    /// <param name="multiLine">Whether tabs and line breaks are allowed.</param>
    /// <param name="kind">What was found; <see cref="Forbidden.None"/> when the index is -1.</param>
    public static int ForbiddenCharacterIndex(ReadOnlySpan<char> value, bool multiLine, out Forbidden kind)
    {
        var firstOpen = -1;
        var open = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                if (!(multiLine && c is '\t' or '\n' or '\r'))
                {
                    kind = Forbidden.Control;
                    return i;
                }
            }
            else if (c is >= '\u202A' and <= '\u202E')
            {
                kind = Forbidden.BidiOverride;
                return i;
            }
            else if (!multiLine && c is '\u2028' or '\u2029')
            {
                kind = Forbidden.LineSeparator;
                return i;
            }
            else if (c is >= '\u2066' and <= '\u2068')
            {
                if (open++ == 0)
                {
                    firstOpen = i;
                }
            }
            else if (c == '\u2069')
            {
                if (open == 0)
                {
                    kind = Forbidden.UnopenedIsolate;
                    return i;
                }

                open--;
            }
        }

        kind = open > 0 ? Forbidden.UnclosedIsolate : Forbidden.None;
        return open > 0 ? firstOpen : -1;
    }
}
