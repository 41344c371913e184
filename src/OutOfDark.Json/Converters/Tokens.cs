using System;
using System.Text.Json;

namespace OutOfDark.Json;

internal static class Tokens
{
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>The current string value, shortened for messages.</summary>
    public static string Excerpt(ref Utf8JsonReader reader) =>
        Shorten(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "");

    /// <summary>The property name the reader stands on, shortened for messages.</summary>
    public static string PropertyName(ref Utf8JsonReader reader) => Shorten(reader.GetString()!);

    /// <summary>Text cut to 60 characters with an ellipsis, for quoting user input in messages.</summary>
    public static string Shorten(string text) => text.Length > 60 ? text[..60] + "…" : text;

    public static string ReadString(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{what} must be a string; found {Describe(reader.TokenType)}.");
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException(TextConverter.NotUnicode(what), ex);
        }

        return TextConverter.Check(text, what);
    }
}
