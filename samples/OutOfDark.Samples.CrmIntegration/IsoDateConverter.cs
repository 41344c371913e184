using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>Reads and writes a <see cref="LocalDate"/> as an ISO date, <c>yyyy-MM-dd</c>.</summary>
internal sealed class IsoDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        var parsed = LocalDatePattern.Iso.Parse(text ?? "");
        return parsed.Success ? parsed.Value : throw new JsonException($"Expected an ISO date such as 2026-06-01, got '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
