using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OutOfDark.Json;

/// <summary>Reads one list item; the reader stands on the item's first token, which is not null.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="reader">The reader.</param>
/// <param name="options">The serializer's options.</param>
/// <returns>The item.</returns>
internal delegate T ItemReader<T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

/// <summary>A <see cref="ValueList{T}"/> as a JSON array; items may not be null.</summary>
/// <param name="direct">
/// Whether the item type's converter is one of this library's own, which reports its errors with their paths and throws
/// nothing but <see cref="JsonException"/>: its items are then read by calling it directly instead of through a nested
/// serializer call per item, which costs a read stack each.
/// </param>
internal sealed class ValueListConverter<T>(bool direct = false) : JsonConverter<ValueList<T>>
{
    private JsonTypeInfo<T>? _item;
    private ItemReader<T>? _read;

    public override bool HandleNull => false;

    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadList(ref reader, options, _read ??= direct ? ReadDirect : ReadNested);

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
    {
        var converter = (JsonConverter<T>)Item(options).Converter;
        writer.WriteStartArray();
        foreach (var item in value.AsSpan())
        {
            converter.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads a JSON array into a list, refusing null items, with each item's errors nested under its index.</summary>
    /// <param name="reader">The reader, on the array's start.</param>
    /// <param name="options">The serializer's options.</param>
    /// <param name="read">Reads one item.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> ReadList(ref Utf8JsonReader reader, JsonSerializerOptions options, ItemReader<T> read)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array; found {Tokens.Describe(reader.TokenType)}.");
        }

        List<T>? items = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = items?.Count ?? 0;
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonPathException("An item of this list is null; remove it or give its value.", Index(index));
            }

            T item;
            try
            {
                item = read(ref reader, options);
            }
            catch (JsonException ex)
            {
                throw JsonPathException.Nest(ex, Index(index));
            }

            (items ??= []).Add(item);
        }

        return items is null ? ValueList<T>.Empty : ValueList<T>.From(items);
    }

    private JsonTypeInfo<T> Item(JsonSerializerOptions options) => _item ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private T ReadNested(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonSerializer.Deserialize(ref reader, Item(options))!;

    private T ReadDirect(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        ((JsonConverter<T>)Item(options).Converter).Read(ref reader, typeof(T), options) ?? throw new JsonException($"A {typeof(T).Name} was read as null.");

    private static string Index(int i) => "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
}
