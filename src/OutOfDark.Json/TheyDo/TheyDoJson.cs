using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Json.TheyDo;

/// <summary>
/// Reads and writes TheyDo's metrics and opportunities files (<c>THEYDO_METRICS_V1</c>, <c>THEYDO_OPPORTUNITIES_V1</c>)
/// as published in the JSON Schemas of the public repository theydo/theydo-s3-integrations (see docs/interchange.md for
/// the version followed). The reader is as strict as those schemas: every required member, no unknown member, counts
/// from 0 to 2,147,483,647, dates as <c>yyyy-MM-dd</c>, the data-point shape of the metric's type.
/// </summary>
/// <remarks>
/// Bad input throws <see cref="JourneyFormatException"/> with the JSON path of the problem
/// (<c>$.metrics[2].dataPoints[0].promoters</c>) and nothing else. A member written as <see langword="null"/> and an
/// absent one read the same; the writer omits <see langword="null"/> members. Stateless and thread-safe.
/// </remarks>
public static class TheyDoJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowDuplicateProperties = false };
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    private static readonly string[] MetricCommon = ["type", "importKey", "title", "description", "unit", "ownerEmail", "targetComparisonOperator", "target", "groups", "groupTags", "dataPoints"];

    /// <summary>Reads a metrics file.</summary>
    /// <param name="utf8Json">The file's bytes, UTF-8.</param>
    /// <returns>The file.</returns>
    /// <exception cref="JourneyFormatException">The file is not valid JSON or breaks the published schema; the path says where.</exception>
    public static TheyDoMetricsFile ReadMetrics(ReadOnlySpan<byte> utf8Json)
    {
        using var document = Parse(utf8Json);
        var root = Object(document.RootElement, "$", ["format", "metrics"], ["format", "metrics"]);
        Format(root, TheyDoMetricsFile.Format);
        var metrics = Array(root.GetProperty("metrics"), "$.metrics").Select((m, i) => Metric(m, $"$.metrics[{i}]"));
        return new TheyDoMetricsFile(ValueList<TheyDoMetric>.From(metrics.ToList()));
    }

    /// <summary>Reads an opportunities file.</summary>
    /// <param name="utf8Json">The file's bytes, UTF-8.</param>
    /// <returns>The file.</returns>
    /// <exception cref="JourneyFormatException">The file is not valid JSON or breaks the published schema; the path says where.</exception>
    public static TheyDoOpportunitiesFile ReadOpportunities(ReadOnlySpan<byte> utf8Json)
    {
        using var document = Parse(utf8Json);
        var root = Object(document.RootElement, "$", ["format", "opportunities"], ["format", "opportunities"]);
        Format(root, TheyDoOpportunitiesFile.Format);
        var opportunities = Array(root.GetProperty("opportunities"), "$.opportunities").Select((o, i) => Opportunity(o, $"$.opportunities[{i}]"));
        return new TheyDoOpportunitiesFile(ValueList<TheyDoOpportunity>.From(opportunities.ToList()));
    }

    /// <summary>Writes a metrics file, indented, members in the published order.</summary>
    /// <param name="file">The file.</param>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or a member it needs is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A data point does not have its metric's shape, an <c>OTHER</c> metric has no
    /// aggregation or another type has one, or a count is negative.</exception>
    public static byte[] WriteMetrics(TheyDoMetricsFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(file.Metrics);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", TheyDoMetricsFile.Format);
            w.WriteStartArray("metrics");
            for (var i = 0; i < file.Metrics.Count; i++)
            {
                WriteMetric(w, file.Metrics[i] ?? throw new ArgumentNullException(nameof(file), $"Metric {i} is null."), i);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The name TheyDo's files give a metric type: <c>CSAT</c>, <c>NPS</c>, <c>CES</c>, <c>OTHER</c> or <c>RATIO</c>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The name, upper case, as in a file's <c>type</c> member.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value.</exception>
    public static string TypeName(TheyDoMetricType type) => type switch
    {
        TheyDoMetricType.Ces => "CES",
        TheyDoMetricType.Csat => "CSAT",
        TheyDoMetricType.Nps => "NPS",
        TheyDoMetricType.Other => "OTHER",
        TheyDoMetricType.Ratio => "RATIO",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a TheyDo metric type."),
    };

    /// <summary>Writes an opportunities file, indented, members in the published order.</summary>
    /// <param name="file">The file.</param>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="file"/> or a member it needs is <see langword="null"/>.</exception>
    public static byte[] WriteOpportunities(TheyDoOpportunitiesFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(file.Opportunities);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", TheyDoOpportunitiesFile.Format);
            w.WriteStartArray("opportunities");
            foreach (var o in file.Opportunities)
            {
                ArgumentNullException.ThrowIfNull(o, nameof(file));
                w.WriteStartObject();
                w.WriteString("importKey", o.ImportKey);
                w.WriteString("title", o.Title);
                OptionalString(w, "description", o.Description);
                OptionalString(w, "status", o.Status);
                OptionalString(w, "type", o.Type);
                Strings(w, "externalLinks", o.ExternalLinks);
                Strings(w, "tags", o.Tags);
                Strings(w, "groups", o.Groups);
                GroupTags(w, o.GroupTags);
                OptionalString(w, "ownerEmail", o.OwnerEmail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            // A UTF-8 byte-order mark is framing, not content: accept it as editors that save "UTF-8 with BOM" write it.
            return JsonDocument.Parse(utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..].ToArray() : utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new JourneyFormatException($"The file is not valid JSON: {ex.Message}", ex.Path ?? "$", ex);
        }
        catch (InvalidOperationException ex)
        {
            // The duplicate-member check unescapes every member name and fails on an escaped lone surrogate.
            throw new JourneyFormatException(TextConverter.NotUnicode("A member name"), LoneSurrogateName(utf8Json) ?? "$", ex);
        }
    }

    /// <summary>The path of the object holding the first member name that escapes a lone surrogate, or null.</summary>
    private static string? LoneSurrogateName(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8Json[3..] : utf8Json);
        var path = new List<string> { "$" };
        var index = new List<int> { -1 };
        string? member = null;
        while (reader.Read())
        {
            var inArray = index[^1] >= 0;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    try
                    {
                        member = reader.GetString();
                    }
                    catch (InvalidOperationException)
                    {
                        return string.Concat(path);
                    }

                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    path.Add(inArray ? $"[{index[^1]++}]" : member is null ? "" : "." + member);
                    index.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    index.RemoveAt(index.Count - 1);
                    break;
                default:
                    if (inArray)
                    {
                        index[^1]++;
                    }

                    break;
            }

            member = null;
        }

        return null;
    }

    private static void Format(JsonElement root, string expected)
    {
        if (root.GetProperty("format") is not { ValueKind: JsonValueKind.String } format || format.GetString() != expected)
        {
            throw new JourneyFormatException($"The format must be \"{expected}\"; the file says {root.GetProperty("format").GetRawText()}.", "$.format");
        }
    }

    private static TheyDoMetric Metric(JsonElement element, string path)
    {
        var type = Object(element, path, ["type"], null).GetProperty("type");
        var metricType = String(type, path + ".type") switch
        {
            "CES" => TheyDoMetricType.Ces,
            "CSAT" => TheyDoMetricType.Csat,
            "NPS" => TheyDoMetricType.Nps,
            "OTHER" => TheyDoMetricType.Other,
            "RATIO" => TheyDoMetricType.Ratio,
            var other => throw new JourneyFormatException($"The metric type \"{other}\" is not one of CES, CSAT, NPS, OTHER, RATIO.", path + ".type"),
        };
        string[] allowed = metricType == TheyDoMetricType.Other ? [.. MetricCommon, "aggregationMethod"] : MetricCommon;
        string[] required = metricType == TheyDoMetricType.Other ? ["type", "importKey", "title", "unit", "dataPoints", "aggregationMethod"] : ["type", "importKey", "title", "unit", "dataPoints"];
        Object(element, path, required, allowed);
        var points = Array(element.GetProperty("dataPoints"), path + ".dataPoints").Select((p, i) => DataPoint(metricType, p, $"{path}.dataPoints[{i}]")).ToList();
        return new TheyDoMetric(metricType, String(element.GetProperty("importKey"), path + ".importKey"), String(element.GetProperty("title"), path + ".title"), String(element.GetProperty("unit"), path + ".unit"), ValueList<TheyDoDataPoint>.From(points))
        {
            Description = OptionalString(element, "description", path),
            OwnerEmail = OptionalEmail(element, path),
            Target = Optional(element, "target", path, (e, p) => Decimal(e, p)),
            TargetComparison = Optional<TheyDoTargetComparison>(element, "targetComparisonOperator", path, (e, p) => String(e, p) switch
            {
                "LESS_THAN_OR_EQUAL_TO" => TheyDoTargetComparison.LessThanOrEqualTo,
                "MORE_THAN_OR_EQUAL_TO" => TheyDoTargetComparison.MoreThanOrEqualTo,
                var other => throw new JourneyFormatException($"\"{other}\" is not LESS_THAN_OR_EQUAL_TO or MORE_THAN_OR_EQUAL_TO.", p),
            }),
            Groups = OptionalStrings(element, "groups", path),
            GroupTags = OptionalGroupTags(element, path),
            Aggregation = metricType != TheyDoMetricType.Other ? null : String(element.GetProperty("aggregationMethod"), path + ".aggregationMethod") switch
            {
                "SUM" => TheyDoAggregation.Sum,
                "AVERAGE" => TheyDoAggregation.Average,
                var other => throw new JourneyFormatException($"The aggregation method \"{other}\" is not SUM or AVERAGE.", path + ".aggregationMethod"),
            },
        };
    }

    private static TheyDoDataPoint DataPoint(TheyDoMetricType type, JsonElement e, string path)
    {
        string[] own = type switch
        {
            TheyDoMetricType.Ces => ["score", "respondents"],
            TheyDoMetricType.Csat => ["neutral", "satisfied", "unsatisfied", "verySatisfied", "veryUnsatisfied"],
            TheyDoMetricType.Nps => ["detractors", "passives", "promoters"],
            TheyDoMetricType.Other => ["value"],
            _ => ["numerator", "denominator"],
        };
        Object(e, path, ["dateOfMeasurement", .. own], ["dateOfMeasurement", "dimensions", .. own]);
        var date = Date(e.GetProperty("dateOfMeasurement"), path + ".dateOfMeasurement");
        var dimensions = e.TryGetProperty("dimensions", out var d)
            ? ValueList<TheyDoDimension>.From(Array(d, path + ".dimensions").Select((x, i) => Dimension(x, $"{path}.dimensions[{i}]")).ToList())
            : null;
        int C(string name) => Count(e.GetProperty(name), $"{path}.{name}", 0);
        int I(string name) => Count(e.GetProperty(name), $"{path}.{name}", int.MinValue);
        return type switch
        {
            TheyDoMetricType.Ces => new TheyDoCesPoint(date, dimensions, Decimal(e.GetProperty("score"), path + ".score"), C("respondents")),
            TheyDoMetricType.Csat => new TheyDoCsatPoint(date, dimensions, C("veryUnsatisfied"), C("unsatisfied"), C("neutral"), C("satisfied"), C("verySatisfied")),
            TheyDoMetricType.Nps => new TheyDoNpsPoint(date, dimensions, C("detractors"), C("passives"), C("promoters")),
            TheyDoMetricType.Other => new TheyDoOtherPoint(date, dimensions, Decimal(e.GetProperty("value"), path + ".value")),
            _ => new TheyDoRatioPoint(date, dimensions, I("numerator"), I("denominator")),
        };
    }

    private static TheyDoDimension Dimension(JsonElement e, string path)
    {
        Object(e, path, ["key", "value"], ["key", "value"]);
        return new TheyDoDimension(String(e.GetProperty("key"), path + ".key"), String(e.GetProperty("value"), path + ".value"));
    }

    private static TheyDoOpportunity Opportunity(JsonElement e, string path)
    {
        Object(e, path, ["importKey", "title"], ["importKey", "title", "description", "status", "type", "externalLinks", "tags", "groups", "groupTags", "ownerEmail"]);
        return new TheyDoOpportunity(String(e.GetProperty("importKey"), path + ".importKey"), String(e.GetProperty("title"), path + ".title"))
        {
            Description = OptionalString(e, "description", path),
            Status = OptionalString(e, "status", path),
            Type = OptionalString(e, "type", path),
            ExternalLinks = OptionalStrings(e, "externalLinks", path),
            Tags = OptionalStrings(e, "tags", path),
            Groups = OptionalStrings(e, "groups", path),
            GroupTags = OptionalGroupTags(e, path),
            OwnerEmail = OptionalEmail(e, path),
        };
    }

    /// <summary>The optional <c>ownerEmail</c>; the schema says <c>format: email</c>, so anything else is refused.</summary>
    private static string? OptionalEmail(JsonElement e, string path)
    {
        if (OptionalString(e, "ownerEmail", path) is not { } text)
        {
            return null;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1 && !text.Any(char.IsWhiteSpace)
            && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text;
        return valid
            ? text
            : throw new JourneyFormatException($"\"{Shorten(text)}\" is not an e-mail address, and ownerEmail must be one (for example \"care.lead@shop.example\"): give the owner's address, or leave ownerEmail out.", path + ".ownerEmail");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    private static JsonElement Object(JsonElement e, string path, string[] required, string[]? allowed)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JourneyFormatException($"Expected an object, found {Kind(e)}.", path);
        }

        var missing = required.Where(r => !e.TryGetProperty(r, out _)).ToList();
        if (missing.Count > 0)
        {
            throw new JourneyFormatException($"The object is missing required members: {string.Join(", ", missing)}.", path);
        }

        if (allowed is not null)
        {
            foreach (var property in e.EnumerateObject())
            {
                var name = Name(property, path);
                if (!allowed.Contains(name, StringComparer.Ordinal))
                {
                    throw new JourneyFormatException($"Unknown member \"{name}\"; allowed here: {string.Join(", ", allowed)}.", $"{path}.{name}");
                }
            }
        }

        return e;
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Array ? e.EnumerateArray() : throw new JourneyFormatException($"Expected an array, found {Kind(e)}.", path);

    private static string String(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.String)
        {
            throw new JourneyFormatException($"Expected a string, found {Kind(e)}.", path);
        }

        try
        {
            return e.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json cannot turn an escaped lone surrogate (\ud800) into a string.
            throw new JourneyFormatException(TextConverter.NotUnicode("The string"), path, ex);
        }
    }

    private static string Name(JsonProperty property, string path)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException ex)
        {
            throw new JourneyFormatException(TextConverter.NotUnicode("A member name"), path, ex);
        }
    }

    private static decimal Decimal(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Number)
        {
            throw new JourneyFormatException($"Expected a number, found {Kind(e)}.", path);
        }

        var raw = e.GetRawText();
        return e.TryGetDecimal(out var value) && DecimalConverter.IsExact(System.Text.Encoding.ASCII.GetBytes(raw), value)
            ? value
            : throw new JourneyFormatException($"The number {(raw.Length > 60 ? raw[..60] + "…" : raw)} cannot be held exactly by a decimal, which keeps at most 28 significant digits, 28 decimal places and magnitudes up to 79228162514264337593543950335; write a number within those limits (it is never rounded).", path);
    }

    private static int Count(JsonElement e, string path, int minimum)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out var value) || value < minimum || value > int.MaxValue)
        {
            // 2.0 is an integer in JSON Schema; accept it as TheyDo's validator does.
            if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d >= minimum && d <= int.MaxValue)
            {
                return (int)d;
            }

            throw new JourneyFormatException($"Expected a whole number from {minimum.ToString(CultureInfo.InvariantCulture)} to 2147483647, found {e.GetRawText()}.", path);
        }

        return (int)value;
    }

    private static LocalDate Date(JsonElement e, string path)
    {
        var text = String(e, path);
        var parsed = LocalDatePattern.Iso.Parse(text);
        return text.Length == 10 && parsed.Success && parsed.Value.Year >= 0
            ? parsed.Value
            : throw new JourneyFormatException($"Expected a date as yyyy-MM-dd, found \"{text}\".", path);
    }

    private static T? Optional<T>(JsonElement e, string name, string path, Func<JsonElement, string, T> read)
        where T : struct =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? read(v, $"{path}.{name}") : null;

    private static string? OptionalString(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? String(v, $"{path}.{name}") : null;

    private static ValueList<string>? OptionalStrings(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? ValueList<string>.From(Array(v, $"{path}.{name}").Select((x, i) => String(x, $"{path}.{name}[{i}]")).ToList())
            : null;

    private static ValueList<TheyDoGroupTag>? OptionalGroupTags(JsonElement e, string path)
    {
        if (!e.TryGetProperty("groupTags", out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return ValueList<TheyDoGroupTag>.From(Array(v, path + ".groupTags").Select((x, i) =>
        {
            var p = $"{path}.groupTags[{i}]";
            Object(x, p, ["tagGroup", "tag"], ["tagGroup", "tag"]);
            return new TheyDoGroupTag(String(x.GetProperty("tagGroup"), p + ".tagGroup"), String(x.GetProperty("tag"), p + ".tag"));
        }).ToList());
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static void WriteMetric(Utf8JsonWriter w, TheyDoMetric m, int index)
    {
        if ((m.Type == TheyDoMetricType.Other) != m.Aggregation.HasValue)
        {
            throw new ArgumentException($"Metric {index} ('{m.ImportKey}'): an OTHER metric needs an aggregation and other types have none.");
        }

        w.WriteStartObject();
        w.WriteString("type", TypeName(m.Type));
        w.WriteString("importKey", m.ImportKey);
        w.WriteString("title", m.Title);
        OptionalString(w, "description", m.Description);
        w.WriteString("unit", m.Unit);
        OptionalString(w, "ownerEmail", m.OwnerEmail);
        if (m.TargetComparison is { } comparison)
        {
            w.WriteString("targetComparisonOperator", comparison == TheyDoTargetComparison.LessThanOrEqualTo ? "LESS_THAN_OR_EQUAL_TO" : "MORE_THAN_OR_EQUAL_TO");
        }

        if (m.Target is { } target)
        {
            w.WriteNumber("target", target);
        }

        Strings(w, "groups", m.Groups);
        GroupTags(w, m.GroupTags);
        w.WriteStartArray("dataPoints");
        foreach (var point in m.DataPoints)
        {
            WritePoint(w, m, point, index);
        }

        w.WriteEndArray();
        if (m.Aggregation is { } aggregation)
        {
            w.WriteString("aggregationMethod", aggregation == TheyDoAggregation.Sum ? "SUM" : "AVERAGE");
        }

        w.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter w, TheyDoMetric m, TheyDoDataPoint point, int index)
    {
        var fits = (m.Type, point) switch
        {
            (TheyDoMetricType.Ces, TheyDoCesPoint) or (TheyDoMetricType.Csat, TheyDoCsatPoint) or (TheyDoMetricType.Nps, TheyDoNpsPoint)
                or (TheyDoMetricType.Other, TheyDoOtherPoint) or (TheyDoMetricType.Ratio, TheyDoRatioPoint) => true,
            _ => false,
        };
        if (!fits)
        {
            throw new ArgumentException($"Metric {index} ('{m.ImportKey}') is {m.Type} but holds a {point?.GetType().Name ?? "null"} data point.");
        }

        w.WriteStartObject();
        w.WriteString("dateOfMeasurement", LocalDatePattern.Iso.Format(point.Date));
        if (point.Dimensions is { } dimensions)
        {
            w.WriteStartArray("dimensions");
            foreach (var d in dimensions)
            {
                w.WriteStartObject();
                w.WriteString("key", d.Key);
                w.WriteString("value", d.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        void C(string name, int count)
        {
            if (count < 0)
            {
                throw new ArgumentException($"Metric {index} ('{m.ImportKey}'): {name} on {point.Date} is {count}; counts are 0 or more.");
            }

            w.WriteNumber(name, count);
        }

        switch (point)
        {
            case TheyDoCesPoint p:
                w.WriteNumber("score", p.Score);
                C("respondents", p.Respondents);
                break;
            case TheyDoCsatPoint p:
                C("veryUnsatisfied", p.VeryUnsatisfied);
                C("unsatisfied", p.Unsatisfied);
                C("neutral", p.Neutral);
                C("satisfied", p.Satisfied);
                C("verySatisfied", p.VerySatisfied);
                break;
            case TheyDoNpsPoint p:
                C("detractors", p.Detractors);
                C("passives", p.Passives);
                C("promoters", p.Promoters);
                break;
            case TheyDoOtherPoint p:
                w.WriteNumber("value", p.Value);
                break;
            case TheyDoRatioPoint p:
                w.WriteNumber("numerator", p.Numerator);
                w.WriteNumber("denominator", p.Denominator);
                break;
        }

        w.WriteEndObject();
    }

    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, ValueList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void GroupTags(Utf8JsonWriter w, ValueList<TheyDoGroupTag>? tags)
    {
        if (tags is null)
        {
            return;
        }

        w.WriteStartArray("groupTags");
        foreach (var t in tags)
        {
            w.WriteStartObject();
            w.WriteString("tagGroup", t.TagGroup);
            w.WriteString("tag", t.Tag);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
