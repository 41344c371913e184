using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>
/// Writes an enum as its camel-case name (<c>higherIsBetter</c>) and reads only the names it writes: numbers and
/// unknown names are refused with the list of valid ones.
/// </summary>
internal sealed class EnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private readonly string _what;
    private readonly T[] _values;
    private readonly byte[][] _names;
    private readonly JsonEncodedText[] _encoded;

    public EnumConverter(string what)
    {
        _what = what;
        _values = Enum.GetValues<T>();
        var names = Enum.GetNames<T>();
        _names = new byte[names.Length][];
        _encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var camel = char.ToLowerInvariant(names[i][0]) + names[i][1..];
            _names[i] = Encoding.UTF8.GetBytes(camel);
            _encoded[i] = JsonEncodedText.Encode(camel);
        }
    }

    public string Expected => string.Join(", ", Array.ConvertAll(_encoded, e => e.ToString()));

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {_what} must be one of {Expected}; found {Tokens.Describe(reader.TokenType)}.");
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (reader.ValueTextEquals(_names[i]))
            {
                return _values[i];
            }
        }

        throw new JsonException($"\"{Tokens.Excerpt(ref reader)}\" is not {Article(_what)} {_what}: expected one of {Expected}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var index = Array.IndexOf(_values, value);
        if (index < 0)
        {
            throw new ArgumentException($"{value} is not a defined {_what}.", nameof(value));
        }

        writer.WriteStringValue(_encoded[index]);
    }

    /// <summary>"an" before a vowel sound's letter, "a" otherwise: "an activity kind", "a sentiment".</summary>
    private static string Article(string noun) => "aeiou".Contains(char.ToLowerInvariant(noun[0]), StringComparison.Ordinal) ? "an" : "a";
}
