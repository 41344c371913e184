using System.Collections.Generic;

namespace OutOfDark.Testing;

/// <summary>
/// Strings that break naive storage, rendering and parsing: markup, script, SQL, Mermaid syntax and the markup Mermaid
/// reads inside labels (markdown emphasis, backslash escapes, KaTeX <c>$$…$$</c>, entity codes, icons, classes, front
/// matter, directives), control characters, emoji.
/// </summary>
public static class HostileText
{
    /// <summary>Hostile strings short enough to be names (at most 500 characters, not blank).</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "<script>alert(1)</script>",
        "\"onmouseover=\"alert(1)",
        "' onmouseover='alert(1)",
        "javascript:alert(1)",
        "]]><x>",
        "<![CDATA[x]]>",
        "'; DROP TABLE journeys; --",
        "Robert'); DELETE FROM events WHERE ('1'='1",
        "a:b;c#d",
        "%%{init: {'theme':'dark'}}%%",
        "end",
        "graph TD; A-->B",
        "x[\"y\"] --> z((w))",
        "{{curly}} [square] (round)",
        "🚀 Launch 👩‍👩‍👧 ✔",
        "שלום مرحبا",
        "&amp; &lt; &#x3C; &#60;",
        "\\\"escaped\\\" \\u0000",
        "${jndi:ldap://x}",
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "**bold** __strong__ *em* _it_ ***both***",
        "a|b\\|c\\",
        "\\*not em\\* \\_x\\_ \\\\ back\\",
        "$$x^2$$ and $$\\frac{1}{2}$$",
        "$$\\href{javascript:alert(1)}{x}$$ $5 $$",
        "`code` ``double`` ~~strike~~",
        "[link](javascript:alert(1)) ![img](x.png) <https://x>",
        "<br/>html<b>bold</b><img src=x onerror=alert(1)>",
        "#42;#59;entity #quot; &#42;",
        "::icon(fa fa-book) :::urgent",
        "click a call alert() style a fill:#f00",
        "%%{wrap}%% %% comment",
        "   padded   ",
    ];

    /// <summary>
    /// Hostile multi-line texts for descriptions and notes (which may hold tabs and line breaks, unlike names): Mermaid
    /// statements, markdown blocks and front matter spread over lines.
    /// </summary>
    public static IReadOnlyList<string> MultiLine { get; } =
    [
        "section Evil\n  task: 5: me",
        "line\nbreak\r\nand\ttab",
        "# heading\n> quote\n1. item\n- item",
        "---\ntitle: front\n---",
    ];

    /// <summary>
    /// Text the model refuses in every name and text: control characters other than tab and line breaks (NUL, BEL, DEL,
    /// C1), the bidi embedding and override characters U+202A–U+202E and unbalanced bidi isolates (U+2066–U+2068 never
    /// closed by U+2069, U+2069 with none open), which would reorder the text around a name.
    /// </summary>
    public static IReadOnlyList<string> Refused { get; } =
    [
        "NUL\0inside",
        "\u202Eevil\u202C",
        "bell\u0007ring",
        "del\u007Fete",
        "c1\u0085next",
        "\u202Aembedded\u202C",
        "\u202Doverride",
        "\u2067isolate never closed",
        "isolate end\u2069 without opener",
    ];

    /// <summary>
    /// Names the model refuses: no visible character (only white space of any kind, zero-width and format characters,
    /// combining marks or variation selectors; refused in a non-empty free text too), or a line or paragraph separator
    /// (U+2028, U+2029) in what is one line (a free text may hold those).
    /// </summary>
    public static IReadOnlyList<string> RefusedNames { get; } =
    [
        "\u200B",
        "\u200C\u200D\u2060",
        "\uFEFF\u00AD",
        "\uFE0F\u0301",
        "\u3000\u00A0\u200B",
        "\u2800\u3164",
        "line\u2028separator",
        "paragraph\u2029separator",
    ];

    /// <summary>A string of <paramref name="length"/> characters mixing markup and plain text.</summary>
    /// <param name="length">The length.</param>
    /// <returns>The string.</returns>
    public static string OfLength(int length)
    {
        const string unit = "<b>long</b> \"text\" & more; ";
        var text = new System.Text.StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString(0, length);
    }
}
