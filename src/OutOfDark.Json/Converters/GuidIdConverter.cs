using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>Writes a strongly typed id as its lower-case GUID string and reads it back, accepting only that form.</summary>
internal sealed class GuidIdConverter<T>(string what, Func<Guid, T> wrap, Func<T, Guid> unwrap) : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => wrap(ReadGuid(ref reader, what));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(unwrap(value));

    public static Guid ReadGuid(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {what} must be a GUID string such as \"0f8fad5b-d9cb-469f-a165-70867728950e\"; found {Tokens.Describe(reader.TokenType)}.");
        }

        if (!reader.TryGetGuid(out var value))
        {
            throw new JsonException($"\"{Tokens.Excerpt(ref reader)}\" is not a valid {what}: expected a GUID such as \"0f8fad5b-d9cb-469f-a165-70867728950e\".");
        }

        return value;
    }
}
