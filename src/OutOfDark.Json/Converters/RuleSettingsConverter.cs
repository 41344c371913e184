using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutOfDark.Warnings;

namespace OutOfDark.Json;

/// <summary>
/// Rule settings as a JSON object. Reading keeps the object verbatim (compacted) as <see cref="UnknownRuleSettings"/>;
/// the serializer then reads it as its rule's typed record, because the rule id beside it decides the type.
/// </summary>
internal sealed class RuleSettingsConverter(RuleSettingsRegistry registry) : JsonConverter<RuleSettings>
{
    public override RuleSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Rule settings must be an object such as {{\"enabled\": true}}; found {Tokens.Describe(reader.TokenType)}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.RootElement.WriteTo(writer);
        }

        return new UnknownRuleSettings(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    public override void Write(Utf8JsonWriter writer, RuleSettings value, JsonSerializerOptions options)
    {
        if (value is UnknownRuleSettings unknown)
        {
            using var document = Parse(unknown.Content);
            document.RootElement.WriteTo(writer);
            return;
        }

        registry.Write(writer, value, options);
    }

    private static JsonDocument Parse(string content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Rule settings kept verbatim are not JSON: {ex.Message}", ex);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidOperationException("Rule settings kept verbatim must be a JSON object.");
        }

        return document;
    }
}
