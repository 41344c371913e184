using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OutOfDark.Json.Converters;

/// <summary>A <see cref="ValueList{T}"/> as a JSON array; items may not be null.</summary>
internal sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
{
    private JsonTypeInfo<T>? _item;

    public override bool HandleNull => false;

    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array; found {Tokens.Describe(reader.TokenType)}.");
        }

        var info = _item ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonPathException("An item of this list is null; remove it or give its value.", Index(items.Count));
            }

            T? item;
            try
            {
                item = JsonSerializer.Deserialize(ref reader, info);
            }
            catch (JsonException ex)
            {
                throw JsonPathException.Nest(ex, Index(items.Count));
            }

            items.Add(item!);
        }

        return ValueList<T>.From(items);
    }

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
    {
        var info = _item ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var converter = (JsonConverter<T>)info.Converter;
        writer.WriteStartArray();
        foreach (var item in value.AsSpan())
        {
            converter.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }

    private static string Index(int i) => "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
}
