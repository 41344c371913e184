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
    /// The index of the first character a name (or, when <paramref name="multiLine"/>, a free text) must not hold, or -1:
    /// a control character (tab, CR and LF allowed in multi-line text) or a bidi embedding or override U+202A–U+202E.
    /// </summary>
    public static int ForbiddenCharacterIndex(ReadOnlySpan<char> value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                if (!(multiLine && c is '\t' or '\n' or '\r'))
                {
                    return i;
                }
            }
            else if (c is >= '\u202A' and <= '\u202E')
            {
                return i;
            }
        }

        return -1;
    }
}
