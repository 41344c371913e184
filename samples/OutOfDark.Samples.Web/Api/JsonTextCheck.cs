using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// One walk over a JSON body's tokens, before it is read as a document, for what its text may not be. First, text that
/// is not valid: bytes that are not UTF-8, or a <c>\uXXXX</c> escape that leaves a surrogate alone (<c>"\ud800"</c>,
/// <c>"\udc00"</c>). Such text has no .NET string, so it is refused at once: a 400 under the member's JSON path
/// (<c>body</c> for a member name, or when the text is not inside an object) naming the line and the byte position in
/// that line (both from 1). Second, text over its member's length limit (<see cref="TextLimits.For"/>), counted in
/// characters (Unicode scalar values) once unescaped: every such string under its JSON path (<c>entries[0].quote</c>).
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>What <see cref="Scan"/> found.</summary>
    /// <param name="IllFormed">The first text that is not valid, as (field, message), or <see langword="null"/>; when set, the walk stopped there.</param>
    /// <param name="TooLong">Every string over its limit, under its JSON path, with the message; empty when none is.</param>
    public sealed record Findings((string Field, string Message)? IllFormed, Dictionary<string, string[]> TooLong);

    /// <summary>Walks the body's tokens once: the first ill-formed text, and every string over its limit.</summary>
    /// <param name="utf8">The body's bytes.</param>
    /// <param name="maxDepth">The deepest nesting allowed (as the document reader).</param>
    /// <returns>The findings.</returns>
    /// <exception cref="JsonException">The body is not JSON at all (the caller answers as for any malformed body).</exception>
    public static Findings Scan(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var path = new List<(bool Array, int Index, string? Name)>();
        var tooLong = new Dictionary<string, string[]>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    Advance(path, ref pending);

                    // A list inside a list keeps the outer list's member name, for its items' limit.
                    path.Add((reader.TokenType == JsonTokenType.StartArray, -1, pending ?? (reader.TokenType == JsonTokenType.StartArray && path.Count > 0 && path[^1].Array ? path[^1].Name : null)));
                    pending = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    if (Bad(reader.ValueSpan, reader.ValueIsEscaped) is { } nameAt)
                    {
                        return new Findings(("body", Message("A member name", utf8, (int)reader.TokenStartIndex + 1 + nameAt)), tooLong);
                    }

                    pending = reader.GetString();
                    break;
                default:
                    Advance(path, ref pending);
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        if (Bad(reader.ValueSpan, reader.ValueIsEscaped) is { } valueAt)
                        {
                            var field = Path(path, pending);
                            return new Findings((field, Message($"The text of '{field}'", utf8, (int)reader.TokenStartIndex + 1 + valueAt)), tooLong);
                        }

                        // An array's items take the array's member limit (channels[3] is a name, like channels).
                        var limit = TextLimits.For((path.Count > 0 && path[^1].Array ? path[^1].Name : pending) ?? "");

                        // Each character takes at least one byte of the raw token, so a short token needs no unescaping.
                        if (reader.ValueSpan.Length > limit && TextLimits.CharacterCount(reader.GetString()!) is var length && length > limit)
                        {
                            tooLong[Path(path, pending)] = [TextLimits.Problem(limit, length)];
                        }
                    }

                    pending = null;
                    break;
            }
        }

        return new Findings(null, tooLong);
    }

    // An array element takes the next index; an object member keeps its pending name.
    private static void Advance(List<(bool Array, int Index, string? Name)> path, ref string? pending)
    {
        if (path.Count > 0 && path[^1].Array)
        {
            var top = path[^1];
            path[^1] = top with { Index = top.Index + 1 };
            pending = null;
        }
    }

    private static string Path(List<(bool Array, int Index, string? Name)> path, string? member)
    {
        var text = new StringBuilder();
        for (var i = 1; i < path.Count; i++)
        {
            Append(text, path[i].Name, path[i - 1]);
        }

        if (path.Count > 0)
        {
            Append(text, member, path[^1]);
        }

        return text.Length == 0 ? "body" : text.ToString();
    }

    private static void Append(StringBuilder text, string? name, (bool Array, int Index, string? Name) parent)
    {
        if (parent.Array)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{parent.Index}]");
        }
        else if (name is not null)
        {
            text.Append(text.Length == 0 ? "" : ".").Append(name);
        }
    }

    private static string Message(string what, ReadOnlySpan<byte> utf8, int offset)
    {
        var line = 1;
        var start = 0;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                start = i + 1;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{what} is not valid UTF-8/UTF-16 text: a lone surrogate or a byte that is not UTF-8{HttpHelpers.At(line - 1, offset - start)}. Send text encoded as UTF-8, with each \\ud800–\\udbff escape followed by a \\udc00–\\udfff one. Nothing was changed.");
    }

    // The offset, within a string token's raw bytes, of the first ill-formed text, or null when it is all valid.
    private static int? Bad(ReadOnlySpan<byte> raw, bool escaped)
    {
        var high = -1; // offset of an escaped high surrogate still waiting for its low half
        var i = 0;
        while (i < raw.Length)
        {
            if (escaped && raw[i] == (byte)'\\')
            {
                if (raw[i + 1] != (byte)'u')
                {
                    if (high >= 0)
                    {
                        return high;
                    }

                    i += 2;
                    continue;
                }

                var unit = int.Parse(Encoding.ASCII.GetString(raw.Slice(i + 2, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (unit is >= 0xD800 and <= 0xDBFF)
                {
                    if (high >= 0)
                    {
                        return high;
                    }

                    high = i;
                }
                else if (unit is >= 0xDC00 and <= 0xDFFF)
                {
                    if (high < 0)
                    {
                        return i;
                    }

                    high = -1;
                }
                else if (high >= 0)
                {
                    return high;
                }

                i += 6;
                continue;
            }

            if (high >= 0)
            {
                return high;
            }

            if (Rune.DecodeFromUtf8(raw[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return high >= 0 ? high : null;
    }
}
