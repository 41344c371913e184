using System;
using System.Text;

namespace OutOfDark.Rendering;

/// <summary>Makes user text safe for Mermaid's grammar without dropping it.</summary>
/// <remarks>
/// Characters Mermaid reads as syntax are swapped for look-alike characters (<c>:</c> → <c>∶</c>, <c>;</c> → <c>；</c>,
/// <c>#</c> → <c>＃</c>, <c>%</c> → <c>％</c>, <c>"</c> → <c>＂</c>, <c>`</c> → <c>ˋ</c>, <c>&lt;</c> → <c>‹</c>,
/// <c>&gt;</c> → <c>›</c>, <c>&amp;</c> → <c>＆</c>, and in lists <c>,</c> → <c>，</c>), line breaks and tabs become
/// spaces, other control characters become U+FFFD, runs of spaces collapse, and text that would start with one of
/// Mermaid's keywords gets a zero-width space in front. Mindmap labels are also read as markdown and KaTeX, so there
/// <c>*</c> → <c>∗</c>, <c>_</c> → <c>＿</c>, <c>\</c> → <c>⧵</c> and <c>$</c> → <c>＄</c> as well (the journey diagram
/// shows those characters as they are). Thread-safe.
/// </remarks>
public static class MermaidText
{
    private static readonly string[] Keywords = ["journey", "title", "section", "acc", "mindmap", "root"];

    /// <summary>Returns <paramref name="text"/> made safe for a Mermaid label.</summary>
    /// <param name="text">The user text.</param>
    /// <param name="inList">Whether the text sits in a comma-separated list (journey actors), so commas are swapped too.</param>
    /// <returns>The safe text, never empty.</returns>
    public static string Safe(string? text, bool inList = false) => Escape(text, inList, markdown: false);

    /// <summary>Returns <paramref name="text"/> made safe for a Mermaid mindmap label, which Mermaid reads as markdown and KaTeX too.</summary>
    /// <param name="text">The user text.</param>
    /// <returns>The safe text, never empty.</returns>
    public static string SafeMindmap(string? text) => Escape(text, inList: false, markdown: true);

    private static string Escape(string? text, bool inList, bool markdown)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "\uFFFD";
        }

        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }

                continue;
            }

            lastWasSpace = false;
            builder.Append(c switch
            {
                ':' => '\u2236',
                ';' => '\uFF1B',
                '#' => '\uFF03',
                '%' => '\uFF05',
                '"' => '\uFF02',
                '`' => '\u02CB',
                '<' => '\u2039',
                '>' => '\u203A',
                '&' => '\uFF06',
                ',' when inList => '\uFF0C',
                '*' when markdown => '\u2217',
                '_' when markdown => '\uFF3F',
                '\\' when markdown => '\u29F5',
                '$' when markdown => '\uFF04',
                _ when char.IsControl(c) => '\uFFFD',
                _ when char.IsSurrogate(c) && !IsPaired(text, i) => '\uFFFD',
                _ => c,
            });
        }

        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }

        if (builder.Length == 0)
        {
            return "\uFFFD";
        }

        var result = builder.ToString();
        foreach (var keyword in Keywords)
        {
            if (result.StartsWith(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return "\u200B" + result;
            }
        }

        return result;
    }

    private static bool IsPaired(string text, int i) =>
        char.IsHighSurrogate(text[i])
            ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
            : i > 0 && char.IsHighSurrogate(text[i - 1]);
}
