using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The subject a warning request names: <c>subject</c> as <c>kind:id</c> and, for a metric rule's per-segment warning,
/// <c>segment</c> as an object of dimension values such as <c>{"customer": "first-time buyer", "region": "DE"}</c> — the
/// same two parts the journey JSON format writes for such a subject (<c>{"id": "metric:…", "segment": {…}}</c>). Two
/// warnings on one metric for two segments are two subjects; leaving <c>segment</c> out (or <c>null</c>) names the
/// metric's own series.
/// </summary>
internal static class WarningSubjectRequest
{
    /// <summary>A segment that is not one, in words (its text is never quoted back).</summary>
    internal const string SegmentShape =
        "A segment is an object of dimension values, such as {\"region\": \"DE\"}, each value text; leave 'segment' out for the metric's own warning.";

    /// <summary>
    /// Reads a subject and its optional segment. A problem adds an error under <paramref name="prefix"/> + "subject" or
    /// + "segment" and gives <see langword="null"/>.
    /// </summary>
    /// <param name="subject">The <c>kind:id</c> text.</param>
    /// <param name="segment">The <c>segment</c> member as sent; <see langword="null"/> when left out or sent as null.</param>
    /// <param name="prefix">Where the members sit in the request: "" or <c>warnings[3].</c>.</param>
    /// <param name="errors">The request's errors, by member.</param>
    /// <returns>The subject, or <see langword="null"/> when there was a problem.</returns>
    internal static WarningSubject? Parse(string? subject, JsonElement? segment, string prefix, Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        var parsed = JourneyApi.ParseSubject(subject, found);
        if (found.TryGetValue("subject", out var subjectProblem))
        {
            errors[prefix + "subject"] = subjectProblem;
        }

        if (segment is not { ValueKind: not JsonValueKind.Null } given)
        {
            return parsed;
        }

        var read = ReadSegment(given, out var problem);
        if (problem is null && parsed is { Kind: not SubjectKind.Metric })
        {
            problem = "Only a metric's warning is about a segment; leave 'segment' out for an activity's, a phase's or the journey's warning.";
        }

        if (problem is not null)
        {
            errors[prefix + "segment"] = [problem];
            return null;
        }

        return parsed is { } metric ? WarningSubject.For(new WidgetId(metric.Id), read!) : null;
    }

    private static Segment? ReadSegment(JsonElement given, out string? problem)
    {
        problem = null;
        if (given.ValueKind != JsonValueKind.Object)
        {
            problem = SegmentShape;
            return null;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var member in given.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.String)
            {
                problem = $"The value of a segment's dimension must be text in quotes, such as {{\"region\": \"DE\"}}; one is {Kind(member.Value.ValueKind)}.";
                return null;
            }

            var value = member.Value.GetString()!;
            if ((TextProblem(member.Name, $"segment's dimension name '{member.Name}'") ?? TextProblem(value, $"segment's value for '{member.Name}'")) is { } text)
            {
                problem = text;
                return null;
            }

            if (pairs.Exists(p => string.Equals(p.Key, member.Name, StringComparison.Ordinal)))
            {
                problem = $"'{member.Name}' is given twice in segment; give each dimension once.";
                return null;
            }

            pairs.Add(new(member.Name, value));
        }

        if (pairs.Count == 0)
        {
            problem = "A segment needs at least one dimension, such as {\"region\": \"DE\"}; leave 'segment' out for the metric's own warning.";
            return null;
        }

        try
        {
            return Segment.From(pairs);
        }
        catch (ArgumentException e)
        {
            // The domain's reason ("Dimension 'region' appears twice…") without the parameter name the exception appends.
            problem = e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            return null;
        }
    }

    /// <summary>
    /// Why a segment's key or value cannot be one (a control character, a bidi override, a line separator, or a bidi
    /// isolate left open or closed without being opened, as for every name), with its position in characters counted
    /// from 1; or <see langword="null"/>. The character is named by code point, never quoted.
    /// </summary>
    private static string? TextProblem(string text, string what)
    {
        var position = 0;
        var open = new Stack<(int Code, int Position)>();
        foreach (var rune in text.EnumerateRunes())
        {
            position++;
            var code = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"U+{rune.Value:X4} at position {position}");
            if (System.Text.Rune.IsControl(rune))
            {
                return $"The {what} contains a control character {code}; remove it.";
            }

            if (rune.Value is >= 0x202A and <= 0x202E)
            {
                return $"The {what} contains a bidi override character {code}; remove it.";
            }

            if (rune.Value is 0x2028 or 0x2029)
            {
                return $"The {what} contains a line separator {code}; it is one line of text: remove it.";
            }

            if (rune.Value is >= 0x2066 and <= 0x2068)
            {
                open.Push((rune.Value, position));
            }
            else if (rune.Value == 0x2069 && !open.TryPop(out _))
            {
                return $"The {what} contains a bidi isolate end {code} with no isolate open; remove it, or open the isolate before it (U+2066–U+2068).";
            }
        }

        if (open.Count > 0)
        {
            var (first, at) = open.Last();
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The {what} contains a bidi isolate U+{first:X4} at position {at} that is never closed; close it with U+2069 or remove it.");
        }

        return null;
    }

    /// <summary>A segment's key/value pairs for the page (sorted by key), or <see langword="null"/> for every subject without one.</summary>
    internal static IReadOnlyDictionary<string, string>? Dimensions(WarningSubject subject) =>
        subject.Segment is { } segment ? segment.Dimensions.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal) : null;

    /// <summary>A segment as people read it ("customer first-time buyer, region DE"), or <see langword="null"/>.</summary>
    internal static string? Text(WarningSubject subject) => subject.Segment?.ToString();

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };
}
