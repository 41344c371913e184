using System;
using System.Collections.Generic;
using System.Globalization;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The web sample's length limits, one per kind of text, the same in the forms (limits.js) and here, all in characters
/// (Unicode scalar values: an emoji is one, as <see cref="CharacterCount"/> and the page's <c>[...text].length</c> count):
/// names, labels, titles, owners, teams, channels, units and every other short value at most <see cref="Name"/>
/// characters (the journey's own limit for names); descriptions, goals, notes, markdown, quotes, a solution's problem
/// and solution, and reasons at most <see cref="Text"/>; the <c>X-Actor</c> header at most <see cref="Actor"/>. A body
/// over a limit is refused before anything runs (<see cref="JsonTextCheck.Scan"/>): 400 naming each member by its JSON
/// path (<c>name</c>, <c>entries[0].quote</c>) with its limit and length.
/// </summary>
internal static class TextLimits
{
    /// <summary>The longest name, label, title or other short value, in characters: 500, as the journey allows.</summary>
    public const int Name = 500;

    /// <summary>The longest description, goal, note, markdown, quote or reason, in characters.</summary>
    public const int Text = 10_000;

    /// <summary>The longest <c>X-Actor</c> header, in characters.</summary>
    public const int Actor = 200;

    // Members holding free text (several lines allowed); every other string member is a name or a short value.
    private static readonly HashSet<string> TextMembers = new(
        ["description", "customerGoal", "markdown", "note", "problem", "solution", "quote", "reason"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The limit of a member named <paramref name="member"/>: <see cref="Text"/> for free text, else <see cref="Name"/>.</summary>
    public static int For(string member) => TextMembers.Contains(member) ? Text : Name;

    /// <summary>The message for a text of <paramref name="length"/> characters over its <paramref name="limit"/>.</summary>
    public static string Problem(int limit, int length) =>
        string.Create(CultureInfo.InvariantCulture, $"Keep it to {limit:N0} characters; this one has {length:N0}.");

    /// <summary>
    /// The number of characters in <paramref name="text"/> as every limit here (and the journey) counts them: Unicode
    /// scalar values, so an emoji outside the Basic Multilingual Plane (two UTF-16 units) is one character. The page
    /// counts the same way (<c>[...text].length</c>).
    /// </summary>
    public static int CharacterCount(string text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>
    /// How the server decodes a request header's bytes: <c>X-Actor</c> as UTF-8 with each ill-formed byte sequence
    /// replaced by U+FFFD (which <see cref="ActorProblem"/> refuses), so a bad name gets a problem body naming the
    /// header; every other header as the server does by default (<see langword="null"/>: ASCII or strict UTF-8).
    /// </summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The encoding, or <see langword="null"/> for the default.</returns>
    public static System.Text.Encoding? HeaderEncoding(string name) =>
        string.Equals(name, "X-Actor", StringComparison.OrdinalIgnoreCase) ? LenientUtf8 : null;

    private static readonly System.Text.Encoding LenientUtf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// The problem with an <c>X-Actor</c> header, or <see langword="null"/> when it is absent or a name the history can
    /// show: at most <see cref="Actor"/> characters, with a visible character, no control or bidi override character.
    /// </summary>
    public static string? ActorProblem(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        if (header.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return "The X-Actor header is not valid UTF-8 (or holds U+FFFD, the replacement character): send the name encoded as UTF-8. Nothing was changed.";
        }

        if (header.Length > Actor && CharacterCount(header) is var length && length > Actor)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The X-Actor header is the name shown in the history: keep it to {Actor} characters; this one has {length:N0}. Nothing was changed.");
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return "The X-Actor header is white space only: send the name of who makes the change, or leave the header out. Nothing was changed.";
        }

        for (var i = 0; i < header.Length; i++)
        {
            if (char.IsControl(header[i]) || header[i] is >= '\u202A' and <= '\u202E')
            {
                return string.Create(CultureInfo.InvariantCulture, $"The X-Actor header contains the character U+{(int)header[i]:X4} at position {i + 1}, which a name cannot hold; remove it. Nothing was changed.");
            }
        }

        if (!HasVisibleCharacter(header))
        {
            return "The X-Actor header has no visible character (only white space, format characters such as U+200B or combining marks): send the name of who makes the change, or leave the header out. Nothing was changed.";
        }

        return null;
    }

    // As the journey's names: a character that is not white space, a format character, a combining mark or a filler.
    private static bool HasVisibleCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 || System.Text.Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            if (System.Text.Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format or UnicodeCategory.Control
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                return true;
            }
        }

        return false;
    }
}
