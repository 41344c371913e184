using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>
/// Reads every string of the format: refuses invalid UTF-8 and lone surrogates (an escaped <c>\ud800</c> without its
/// pair), which no store or format can keep, instead of letting them become U+FFFD somewhere later.
/// </summary>
internal sealed class TextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Tokens.ReadString(ref reader, "The value");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    /// <summary>The index of the first UTF-16 code unit of <paramref name="text"/> that is half of a surrogate pair without its other half, or -1.</summary>
    public static int FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The message for text that is not Unicode: invalid UTF-8, or an escaped surrogate without its pair.</summary>
    public static string NotUnicode(string what) =>
        $"{what} is not Unicode text: it has bytes that are not UTF-8, or escapes a lone surrogate (\\ud800 to \\udfff without its pair), which no store or format can keep unchanged; save the file as UTF-8 and remove the lone surrogate or give the whole character.";

    /// <summary>Throws when <paramref name="text"/> holds a lone surrogate.</summary>
    /// <exception cref="JsonException">The text holds a lone surrogate.</exception>
    public static string Check(string text, string what)
    {
        var at = FindLoneSurrogate(text);
        return at < 0 ? text
            : throw new JsonException($"{what} holds a lone surrogate (\\u{(int)text[at]:x4} at character {at + 1}), which is not Unicode text and cannot be stored or shown unchanged; remove it or give the whole character (a high surrogate followed by a low one).");
    }
}
