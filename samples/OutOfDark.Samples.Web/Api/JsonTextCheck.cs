using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Finds the first member name or string value in a JSON body that is not valid text: bytes that are not UTF-8, or a
/// <c>\uXXXX</c> escape that leaves a surrogate alone (<c>"\ud800"</c>, <c>"\udc00"</c>). Such text has no .NET string,
/// so it is refused before the body is read as a document: a 400 under the member's JSON path (<c>body</c> for a member
/// name, or when the text is not inside an object) naming the line and the byte position in that line (both from 1).
/// </summary>
internal static class JsonTextCheck
{
    /// <summary>The problem with the body's text, as (field, message), or <see langword="null"/> when all of it is valid.</summary>
    /// <param name="utf8">The body's bytes.</param>
    /// <param name="maxDepth">The deepest nesting allowed (as the document reader).</param>
    /// <exception cref="JsonException">The body is not JSON at all (the caller answers as for any malformed body).</exception>
    public static (string Field, string Message)? Find(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth });
        var path = new List<(bool Array, int Index, string? Name)>();
        string? pending = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    Advance(path, ref pending);
                    path.Add((reader.TokenType == JsonTokenType.StartArray, -1, pending));
                    pending = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    if (Bad(reader.ValueSpan, reader.ValueIsEscaped) is { } nameAt)
                    {
                        return ("body", Message("A member name", utf8, (int)reader.TokenStartIndex + 1 + nameAt));
                    }

                    pending = reader.GetString();
                    break;
                default:
                    Advance(path, ref pending);
                    if (reader.TokenType == JsonTokenType.String && Bad(reader.ValueSpan, reader.ValueIsEscaped) is { } valueAt)
                    {
                        var field = Path(path, pending);
                        return (field, Message($"The text of '{field}'", utf8, (int)reader.TokenStartIndex + 1 + valueAt));
                    }

                    pending = null;
                    break;
            }
        }

        return null;
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

        return string.Create(CultureInfo.InvariantCulture, $"{what} is not valid UTF-8/UTF-16 text: a lone surrogate or a byte that is not UTF-8 at line {line}, position {offset - start + 1}. Send text encoded as UTF-8, with each \\ud800–\\udbff escape followed by a \\udc00–\\udfff one. Nothing was changed.");
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
