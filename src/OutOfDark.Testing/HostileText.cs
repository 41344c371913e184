using System.Collections.Generic;

namespace OutOfDark.Testing;

/// <summary>Strings that break naive storage, rendering and parsing: markup, script, SQL, Mermaid syntax, control characters, emoji.</summary>
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
        "section Evil\n  task: 5: me",
        "end",
        "graph TD; A-->B",
        "x[\"y\"] --> z((w))",
        "{{curly}} [square] (round)",
        "line\nbreak\r\nand\ttab",
        "NUL\0inside",
        "🚀 Launch 👩‍👩‍👧 ✔",
        "שלום مرحبا",
        "&amp; &lt; &#x3C; &#60;",
        "\\\"escaped\\\" \\u0000",
        "${jndi:ldap://x}",
        "=HYPERLINK(\"http://x\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\u202Eevil\u202C",
        "   padded   ",
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
