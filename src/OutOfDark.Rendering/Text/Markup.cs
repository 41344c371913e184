using Ardalis.GuardClauses;
using System;
using System.IO;

namespace OutOfDark.Rendering;

/// <summary>Escapes user text for XML, SVG and HTML, and decides which link addresses may become links.</summary>
/// <remarks>
/// Text is escaped the same way in element content and in attribute values (<c>&amp; &lt; &gt; &quot; &apos;</c>), so a
/// caller cannot pick the wrong escaper. Characters XML forbids (control characters other than tab and line breaks,
/// lone surrogates, U+FFFE and U+FFFF) become U+FFFD, so the output always parses. Thread-safe.
/// </remarks>
public static class Markup
{
    /// <summary>Writes <paramref name="text"/> escaped for XML/HTML element content or a quoted attribute value.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="text">The user text; <see langword="null"/> writes nothing.</param>
    public static void Write(TextWriter writer, string? text)
    {
        Guard.Against.Null(writer);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\t' or '\n' or '\r' => null,
                < ' ' or '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ when char.IsSurrogate(c) => "\uFFFD",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            writer.Write(text.AsSpan(start, i - start));
            writer.Write(replacement);
            start = i + 1;
        }

        writer.Write(text.AsSpan(start));
    }

    /// <summary>Returns <paramref name="text"/> escaped as <see cref="Write(TextWriter, string?)"/> writes it.</summary>
    /// <param name="text">The user text.</param>
    /// <returns>The escaped text; empty for <see langword="null"/>.</returns>
    public static string Escape(string? text)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(writer, text);
        return writer.ToString();
    }

    /// <summary>Whether an address may be rendered as a clickable link: only absolute <c>http</c>, <c>https</c> and <c>mailto</c> addresses.</summary>
    /// <param name="url">The address.</param>
    /// <returns><see langword="true"/> for a safe scheme; other addresses (for example <c>javascript:</c>) are shown as text only.</returns>
    public static bool IsSafeLink(Uri? url) =>
        url is { IsAbsoluteUri: true }
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeMailto);
}
