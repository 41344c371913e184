using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The web sample's length limits, one per kind of text, the same in the forms (<c>maxlength</c>, edit.js) and here:
/// names, labels, titles, owners, teams, channels, units and every other short value at most <see cref="Name"/>
/// characters (the journey's own limit for names); descriptions, goals, notes, markdown, quotes, a solution's problem
/// and solution, and reasons at most <see cref="Text"/>; the <c>X-Actor</c> header at most <see cref="Actor"/>. A body
/// over a limit is refused before anything runs: 400 naming each member by its JSON path (<c>name</c>,
/// <c>entries[0].quote</c>) with its limit and length.
/// </summary>
internal static class TextLimits
{
    /// <summary>The longest name, label, title or other short value, in UTF-16 characters: 500, as the journey allows.</summary>
    public const int Name = 500;

    /// <summary>The longest description, goal, note, markdown, quote or reason, in UTF-16 characters.</summary>
    public const int Text = 10_000;

    /// <summary>The longest <c>X-Actor</c> header, in characters.</summary>
    public const int Actor = 200;

    // Members holding free text (several lines allowed); every other string member is a name or a short value.
    private static readonly HashSet<string> TextMembers = new(
        ["description", "customerGoal", "markdown", "note", "problem", "solution", "quote", "reason"],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The limit of a member named <paramref name="member"/>: <see cref="Text"/> for free text, else <see cref="Name"/>.</summary>
    public static int For(string member) => TextMembers.Contains(member) ? Text : Name;

    /// <summary>Adds to <paramref name="errors"/>, under its JSON path, every string in <paramref name="element"/> over its member's limit.</summary>
    public static void Check(JsonElement element, string path, Dictionary<string, string[]> errors) => Check(element, path, "", errors);

    private static void Check(JsonElement element, string path, string member, Dictionary<string, string[]> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Check(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, property.Name, errors);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{path}[{i++}]", member, errors);
                }

                break;
            case JsonValueKind.String:
                var length = element.GetString()!.Length;
                var limit = For(member);
                if (length > limit)
                {
                    errors[path] = [string.Create(CultureInfo.InvariantCulture, $"Keep it to {limit:N0} characters; this one has {length:N0}.")];
                }

                break;
        }
    }

    /// <summary>
    /// The problem with an <c>X-Actor</c> header, or <see langword="null"/> when it is absent or a name the history can
    /// show: at most <see cref="Actor"/> characters, not white space alone, no control or bidi override character.
    /// </summary>
    public static string? ActorProblem(string header)
    {
        if (header.Length == 0)
        {
            return null;
        }

        if (header.Length > Actor)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The X-Actor header is the name shown in the history: keep it to {Actor} characters; this one has {header.Length:N0}. Nothing was changed.");
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

        return null;
    }
}
