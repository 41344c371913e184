using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using OutOfDark.Warnings;

namespace OutOfDark.Json;

/// <summary>A rule id as its text, checked on reading.</summary>
internal sealed class RuleIdConverter : JsonConverter<RuleId>
{
    public override RuleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = Tokens.ReadString(ref reader, "A rule id");
        return RuleId.IsValid(text) ? new RuleId(text)
            : throw new JsonException($"\"{Tokens.Shorten(text)}\" is not a rule id: use lower-case letters, digits, '.', '-' and '_', starting with a letter, at most 100 characters.");
    }

    public override void Write(Utf8JsonWriter writer, RuleId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>
/// A warning subject as <c>kind:guid</c>, for example <c>activity:0f8fad5b-d9cb-469f-a165-70867728950e</c> or <c>metric:</c>
/// and a metric widget's id; a metric segment's subject (<see cref="WarningSubject.Segment"/>) as an object
/// <c>{"id": "metric:…", "segment": {"region": "DE"}}</c>.
/// </summary>
internal sealed class WarningSubjectConverter : JsonConverter<WarningSubject>
{
    public override WarningSubject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Parse(Tokens.ReadString(ref reader, "A warning subject"));
        }

        WarningSubject? subject = null;
        Segment? segment = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "id":
                    subject = Parse(Tokens.ReadString(ref reader, "A warning subject's id"));
                    break;
                case "segment":
                    segment = MeasureJson.ReadSegment(ref reader);
                    break;
                default:
                    throw new JsonException($"A warning subject object has \"id\" and \"segment\" only; found \"{Tokens.Shorten(name ?? "")}\".");
            }
        }

        if (subject is not { } found || segment is null)
        {
            throw new JsonException("A warning subject object needs both \"id\" (\"metric:\" and a GUID) and \"segment\" (an object of dimension values such as {\"region\": \"DE\"}).");
        }

        if (found.Kind != SubjectKind.Metric || segment.IsAll)
        {
            throw new JsonException($"Only a metric's subject carries a segment, and the segment needs at least one dimension; found \"{found}\" with {(segment.IsAll ? "no dimensions" : "a segment")}.");
        }

        return WarningSubject.For(new WidgetId(found.Id), segment);
    }

    public override void Write(Utf8JsonWriter writer, WarningSubject value, JsonSerializerOptions options)
    {
        var id = $"{value.Kind.ToString().ToLowerInvariant()}:{value.Id:D}";
        if (value.Segment is not { } segment)
        {
            writer.WriteStringValue(id);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WritePropertyName("segment");
        MeasureJson.WriteSegment(writer, segment);
        writer.WriteEndObject();
    }

    private static WarningSubject Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        SubjectKind? kind = colon < 0 ? null : text[..colon] switch
        {
            "journey" => SubjectKind.Journey,
            "phase" => SubjectKind.Phase,
            "activity" => SubjectKind.Activity,
            "metric" => SubjectKind.Metric,
            _ => null,
        };
        if (kind is null || !Guid.TryParseExact(text.AsSpan(colon + 1), "D", out var id))
        {
            throw new JsonException($"\"{Tokens.Shorten(text)}\" is not a warning subject: expected journey:, phase:, activity: or metric: followed by a GUID.");
        }

        return new WarningSubject(kind.Value, id);
    }
}
