using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OutOfDark.Json;

/// <summary>
/// Finds the JSON path of the text a length rule refused, so that an oversized field deep in a document is reported
/// where it is (<c>$.activities[3].widgets[0].entries[2].quote</c>) rather than at the element or the root.
/// </summary>
internal static partial class LongTextPaths
{
    /// <summary>The domain's longest free text; its messages for texts over it say "too long".</summary>
    private const int MaxTextLength = 4_000_000;

    /// <summary>The path of the first string under <paramref name="under"/> longer than the limit the rule's message states, or <paramref name="under"/>.</summary>
    public static string Refine(ReadOnlySpan<byte> json, string under, JourneyRuleException ex)
    {
        int limit;
        var match = AtMost().Match(ex.Message);
        if (match.Success)
        {
            limit = int.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        else if (ex.Message.Contains("too long", StringComparison.Ordinal))
        {
            limit = MaxTextLength;
        }
        else
        {
            return under;
        }

        return Find(json, under, limit) ?? under;
    }

    private static string? Find(ReadOnlySpan<byte> json, string under, int limit)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 1000 });
        var frames = new List<Frame>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, 0, PathOf(frames, property)));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        Advance(frames);
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > limit / 4 && PathOf(frames, property) is var path
                            && IsUnder(path, under) && CharacterCount(reader.GetString()!) > limit)
                        {
                            return path;
                        }

                        property = null;
                        Advance(frames);
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The document was readable a moment ago; if this walk cannot finish, the element's own path stands.
        }

        return null;
    }

    // Characters as the domain counts them: Unicode scalar values, a surrogate pair is one.
    private static int CharacterCount(string text)
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

    private static string PathOf(List<Frame> frames, string? property)
    {
        if (frames.Count == 0)
        {
            return "$";
        }

        var top = frames[^1];
        return top.IsArray ? top.Path + "[" + top.Index.ToString(CultureInfo.InvariantCulture) + "]" : top.Path + "." + property;
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        }
    }

    private static bool IsUnder(string path, string under) =>
        under == "$" || path == under || (path.StartsWith(under, StringComparison.Ordinal) && path[under.Length] is '.' or '[');

    [GeneratedRegex(@"at most ([\d,]+) characters")]
    private static partial Regex AtMost();

    private readonly record struct Frame(bool IsArray, int Index, string Path);
}
