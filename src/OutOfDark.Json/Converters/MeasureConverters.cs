using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>
/// Segments and answer distributions in JSON. A segment is an object of dimension values,
/// <c>{"customer": "first-time buyer", "region": "DE"}</c> (<c>{}</c> is all customers); a distribution is
/// <c>{"scale": "csat", "counts": [2, 3, 10, 40, 45]}</c> (one count per answer, lowest first) or, for NPS group counts,
/// <c>{"scale": "nps", "groups": [10, 20, 70]}</c> (detractors, passives, promoters).
/// </summary>
internal static class MeasureJson
{
    public static void WriteSegment(Utf8JsonWriter writer, Segment segment)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in segment.Dimensions)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    public static Segment ReadSegment(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A segment must be an object of dimension values, for example {{\"region\": \"DE\"}}; found {Tokens.Describe(reader.TokenType)}.");
        }

        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string key;
            try
            {
                key = reader.GetString()!;
            }
            catch (InvalidOperationException ex)
            {
                throw new JsonException(TextConverter.NotUnicode("A dimension's key"), ex);
            }

            key = TextConverter.Check(key, "A dimension's key");
            reader.Read();
            pairs.Add(new(key, Tokens.ReadString(ref reader, $"The value of dimension '{Tokens.Shorten(key)}'")));
        }

        try
        {
            return Segment.From(pairs);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(Clean(ex), ex);
        }
    }

    public static void WriteAnswers(Utf8JsonWriter writer, AnswerDistribution answers)
    {
        writer.WriteStartObject();
        writer.WriteString("scale"u8, answers.Scale switch { SurveyScale.Nps => "nps", SurveyScale.Csat => "csat", _ => "ces" });
        writer.WriteStartArray(answers.IsGrouped ? "groups"u8 : "counts"u8);
        foreach (var count in answers.Counts)
        {
            writer.WriteNumberValue(count);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static AnswerDistribution ReadAnswers(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Answers must be an object with \"scale\" and \"counts\" (or \"groups\" for NPS); found {Tokens.Describe(reader.TokenType)}.");
        }

        SurveyScale? scale = null;
        List<int>? counts = null;
        var grouped = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("scale"u8))
            {
                reader.Read();
                var name = Tokens.ReadString(ref reader, "The answers' scale");
                scale = name switch
                {
                    "nps" => SurveyScale.Nps,
                    "csat" => SurveyScale.Csat,
                    "ces" => SurveyScale.Ces,
                    _ => throw new JsonException($"The answers' scale is \"{Tokens.Shorten(name)}\"; it is one of nps, csat, ces."),
                };
            }
            else if (reader.ValueTextEquals("counts"u8) || reader.ValueTextEquals("groups"u8))
            {
                if (counts is not null)
                {
                    throw new JsonException("Answers have either \"counts\" or \"groups\", once.");
                }

                grouped = reader.ValueTextEquals("groups"u8);
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new JsonException($"The answers' counts must be an array of whole numbers; found {Tokens.Describe(reader.TokenType)}.");
                }

                counts = [];
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var count))
                    {
                        throw new JsonException($"Count {counts.Count} of the answers must be a whole number from 0 to {AnswerDistribution.MaxAnswers:N0}.");
                    }

                    counts.Add(count);
                }
            }
            else
            {
                throw new JsonException($"Answers have no property \"{Tokens.PropertyName(ref reader)}\"; they have scale and counts (or groups).");
            }
        }

        if (scale is null || counts is null)
        {
            throw new JsonException("Answers need a \"scale\" and \"counts\" (or \"groups\" for NPS).");
        }

        try
        {
            if (grouped)
            {
                return scale == SurveyScale.Nps && counts.Count == 3
                    ? AnswerDistribution.NpsGroups(counts[0], counts[1], counts[2])
                    : throw new JsonException("\"groups\" are for NPS only: three counts, detractors, passives and promoters.");
            }

            return AnswerDistribution.Of(scale.Value, counts.ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(Clean(ex), ex);
        }
    }

    // ArgumentException appends " (Parameter '…')": the JSON path says where instead.
    private static string Clean(ArgumentException ex) =>
        ex.ParamName is { } name && ex.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? ex.Message[..^($" (Parameter '{name}')".Length)]
            : ex.Message;
}

/// <summary>Reads and writes a <see cref="Segment"/> as an object of dimension values.</summary>
internal sealed class SegmentConverter : JsonConverter<Segment>
{
    public override Segment Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => MeasureJson.ReadSegment(ref reader);

    public override void Write(Utf8JsonWriter writer, Segment value, JsonSerializerOptions options) => MeasureJson.WriteSegment(writer, value);
}

/// <summary>Reads and writes an <see cref="AnswerDistribution"/>.</summary>
internal sealed class AnswerDistributionConverter : JsonConverter<AnswerDistribution>
{
    public override AnswerDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => MeasureJson.ReadAnswers(ref reader);

    public override void Write(Utf8JsonWriter writer, AnswerDistribution value, JsonSerializerOptions options) => MeasureJson.WriteAnswers(writer, value);
}
