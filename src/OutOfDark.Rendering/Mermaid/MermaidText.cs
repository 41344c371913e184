using System;
using System.Globalization;
using System.Text;

namespace OutOfDark.Rendering;

/// <summary>Makes user text safe for Mermaid's grammar without altering what it shows.</summary>
/// <remarks>
/// Every ASCII character Mermaid could read as syntax (quotes, brackets, braces, parentheses, <c>#</c>, <c>;</c>,
/// <c>:</c>, <c>|</c>, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>%</c>, backticks, markdown's <c>*</c>, <c>_</c>,
/// <c>\</c>, KaTeX's <c>$</c>, and in lists <c>,</c>) is written as Mermaid's entity code <c>#NNN;</c> (its decimal code
/// point: <c>"</c> → <c>#34;</c>, <c>#</c> → <c>#35;</c>), so the rendered diagram shows exactly the typed text. Letters,
/// digits, <c>.</c>, <c>-</c>, <c>'</c>, <c>!</c>, <c>?</c>, <c>/</c>, <c>+</c>, <c>=</c>, <c>@</c> and non-ASCII text
/// (accents, emoji) stay as they are. In a journey's actor list (the <c>inList</c> argument) only <c>#</c>, <c>;</c>,
/// <c>:</c>, <c>,</c> and <c>%</c> (all its grammar reads there) and the markup characters <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> are coded, so no persona name puts markup into the text; a space stays unless it leads, trails or follows another white space, which are
/// written <c>#32;</c> (other white space by its code) so Mermaid keeps them. Text that would start with one of
/// Mermaid's keywords gets its first letter as an entity code. Line breaks and tabs (which names cannot hold) become one
/// space, other control characters and lone surrogates U+FFFD. Mermaid decodes mindmap and flowchart labels twice, so
/// its own placeholder pairs <c>ﬂ°</c> and <c>¶ß</c> get a word joiner (U+2060) between their characters: the only
/// change a reader could find, and an invisible one. Thread-safe.
/// </remarks>
public static class MermaidText
{
    private static readonly string[] Keywords = ["journey", "title", "section", "acc", "mindmap", "root"];

    /// <summary>Returns <paramref name="text"/> made safe for a Mermaid label.</summary>
    /// <param name="text">The user text.</param>
    /// <param name="inList">Whether the text sits in a journey's comma-separated actor list: only <c>#</c>, <c>;</c>, <c>:</c>, <c>,</c>, <c>%</c>, <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are coded there (<c>,</c> as <c>#44;</c>, <c>&lt;</c> as <c>#60;</c>).</param>
    /// <returns>The safe text, never empty (null or empty text gives U+FFFD).</returns>
    public static string Safe(string? text, bool inList = false) => Escape(text, inList);

    /// <summary>Returns <paramref name="text"/> made safe for a Mermaid mindmap label, which Mermaid reads as markdown and KaTeX too; the same escaping as <see cref="Safe"/>.</summary>
    /// <param name="text">The user text.</param>
    /// <returns>The safe text, never empty (null or empty text gives U+FFFD).</returns>
    public static string SafeMindmap(string? text) => Escape(text, inList: false);

    private static string Escape(string? text, bool inList)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "\uFFFD";
        }

        // Line breaks and tabs read as one space, as before; they are folded first so the spacing rules see the result.
        var folded = FoldBreaks(text);
        var builder = new StringBuilder(folded.Length + 16);
        var keyword = StartsWithKeyword(folded);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == ' ')
            {
                var plain = i > 0 && i < folded.Length - 1 && !char.IsWhiteSpace(folded[i - 1]) && !char.IsWhiteSpace(folded[i + 1]);
                builder.Append(plain ? " " : "#32;");
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < folded.Length && char.IsLowSurrogate(folded[i + 1]))
                {
                    builder.Append(c).Append(folded[++i]);
                }
                else
                {
                    builder.Append('\uFFFD');
                }
            }
            else if (char.IsControl(c))
            {
                builder.Append('\uFFFD');
            }
            else if ((i == 0 && keyword) || char.IsWhiteSpace(c) || NeedsCode(c, inList))
            {
                builder.Append('#').Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                builder.Append(c);
                if (i + 1 < folded.Length && ((c == '\uFB02' && folded[i + 1] == '\u00B0') || (c == '\u00B6' && folded[i + 1] == '\u00DF')))
                {
                    builder.Append('\u2060');
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>ASCII punctuation Mermaid may read as syntax; the few marks it never does stay readable.</summary>
    /// <remarks>
    /// In a journey's actor list only what its grammar reads is coded (<c>#</c>, <c>;</c>, <c>:</c>, <c>,</c>,
    /// <c>%</c>): Mermaid measures the legend's names with their codes still in and breaks a word wider than 360 px
    /// inside, so fewer codes keep more names whole.
    /// </remarks>
    private static bool NeedsCode(char c, bool inList) => c switch
    {
        '#' or ';' or ':' or ',' or '%' or '<' or '>' or '&' when inList => true,
        _ when inList => false,
        '.' or '-' or '\'' or '!' or '?' or '/' or '+' or '=' or '@' or ',' => false,
        _ => c < 128 && (char.IsPunctuation(c) || char.IsSymbol(c)),
    };

    private static string FoldBreaks(string text)
    {
        if (text.AsSpan().IndexOfAny("\r\n\t") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var inBreak = false;
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                if (!inBreak)
                {
                    builder.Append(' ');
                }

                inBreak = true;
            }
            else
            {
                builder.Append(c);
                inBreak = false;
            }
        }

        return builder.ToString();
    }

    private static bool StartsWithKeyword(string text)
    {
        foreach (var keyword in Keywords)
        {
            if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
