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

/// <summary>A warning subject as <c>kind:guid</c>, for example <c>activity:0f8fad5b-d9cb-469f-a165-70867728950e</c> or <c>metric:</c> and a metric widget's id.</summary>
internal sealed class WarningSubjectConverter : JsonConverter<WarningSubject>
{
    public override WarningSubject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = Tokens.ReadString(ref reader, "A warning subject");
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

    public override void Write(Utf8JsonWriter writer, WarningSubject value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
