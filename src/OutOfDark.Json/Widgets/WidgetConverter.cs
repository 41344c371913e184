using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using OutOfDark.Json;

namespace OutOfDark.Json;

/// <summary>
/// Reads and writes widgets as objects with a <c>kind</c> discriminator. Built-in kinds are written member by member;
/// registered custom kinds go through their integrator's type info; any other kind is kept verbatim as an
/// <see cref="UnknownWidget"/>.
/// </summary>
internal sealed class WidgetConverter(WidgetKindRegistry registry) : JsonConverter<Widget>
{
    private static readonly EnumConverter<MetricKind> MetricKinds = new("metric kind");
    private static readonly EnumConverter<MetricDirection> Directions = new("metric direction");
    private static readonly EnumConverter<SolutionStatus> SolutionStatuses = new("solution status");
    private static readonly EnumConverter<Sentiment> Sentiments = new("sentiment");
    private static readonly string KnownKinds = string.Join(", ", WidgetKindRegistry.BuiltInKinds);

    public override bool HandleNull => false;

    public override Widget Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A widget must be an object with a \"kind\" ({KnownKinds} or a custom kind); found {Tokens.Describe(reader.TokenType)}.");
        }

        var kind = FindKind(reader);
        return kind switch
        {
            "metric" => ReadMetric(ref reader, options),
            "link" or "description" or "solution" => ReadTextWidget(ref reader, kind),
            "emotion" => ReadEmotion(ref reader),
            "feedback" => ReadFeedback(ref reader),
            _ => ReadOther(ref reader, kind),
        };
    }

    public override void Write(Utf8JsonWriter writer, Widget value, JsonSerializerOptions options)
    {
        var custom = value is UnknownWidget ? null : registry.Find(value.GetType());
        var kind = value switch
        {
            MetricWidget => "metric",
            LinkWidget => "link",
            DescriptionWidget => "description",
            SolutionWidget => "solution",
            EmotionWidget => "emotion",
            FeedbackWidget => "feedback",
            UnknownWidget u => u.Kind,
            _ => custom?.Kind ?? throw new InvalidOperationException(
                $"Widget '{value.Title}' ({value.Id}) is a {value.GetType().Name}, which is neither built in nor registered: add it to JourneyJsonOptions.WidgetKinds."),
        };

        writer.WriteStartObject();
        writer.WriteString("kind"u8, kind);
        writer.WriteString("id"u8, value.Id.Value);
        writer.WriteString("title"u8, value.Title);
        switch (value)
        {
            case MetricWidget m:
                WriteMetric(writer, m);
                break;
            case LinkWidget l:
                writer.WriteString("url"u8, l.Url.OriginalString);
                break;
            case DescriptionWidget d:
                writer.WriteString("markdown"u8, d.Markdown);
                break;
            case SolutionWidget s:
                writer.WriteString("problem"u8, s.Problem);
                writer.WriteString("solution"u8, s.Solution);
                writer.WritePropertyName("status"u8);
                SolutionStatuses.Write(writer, s.Status, options);
                break;
            case EmotionWidget e:
                writer.WriteString("persona"u8, e.Persona.Value);
                writer.WriteNumber("asIs"u8, e.AsIs.Value);
                if (e.ToBe is { } toBe)
                {
                    writer.WriteNumber("toBe"u8, toBe.Value);
                }

                if (e.Note is not null)
                {
                    writer.WriteString("note"u8, e.Note);
                }

                break;
            case FeedbackWidget f:
                writer.WriteStartArray("entries"u8);
                foreach (var entry in f.Entries)
                {
                    writer.WriteStartObject();
                    writer.WriteString("source"u8, entry.Source);
                    writer.WriteString("quote"u8, entry.Quote);
                    writer.WritePropertyName("sentiment"u8);
                    Sentiments.Write(writer, entry.Sentiment, options);
                    writer.WritePropertyName("date"u8);
                    LocalDateJsonConverter.WriteDate(writer, entry.Date);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case UnknownWidget u:
                WriteUnknownContent(writer, u);
                break;
            default:
                custom!.WriteMembers(writer, value);
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteMetric(Utf8JsonWriter writer, MetricWidget m)
    {
        writer.WriteString("unit"u8, m.Unit);
        writer.WritePropertyName("metricKind"u8);
        MetricKinds.Write(writer, m.Kind, null!);
        writer.WritePropertyName("direction"u8);
        Directions.Write(writer, m.Direction, null!);
        if (m.Target is { } target)
        {
            writer.WriteNumber("target"u8, target);
        }

        if (m.WarningThreshold is { } warning)
        {
            writer.WriteNumber("warningThreshold"u8, warning);
        }

        if (m.CriticalThreshold is { } critical)
        {
            writer.WriteNumber("criticalThreshold"u8, critical);
        }

        WriteObservations(writer, m.Observations);
        if (m.Segments.Count > 0)
        {
            // Written only when present: a metric without segments reads as in version 1.
            writer.WriteStartArray("segments"u8);
            foreach (var series in m.Segments.AsSpan())
            {
                writer.WriteStartObject();
                writer.WritePropertyName("segment"u8);
                MeasureJson.WriteSegment(writer, series.Segment);
                WriteObservations(writer, series.Observations);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteObservations(Utf8JsonWriter writer, ObservationSeries observations)
    {
        writer.WriteStartArray("observations"u8);
        foreach (var o in observations.AsSpan())
        {
            writer.WriteStartObject();
            writer.WritePropertyName("date"u8);
            LocalDateJsonConverter.WriteDate(writer, o.Date);
            writer.WriteNumber("value"u8, o.Value);
            if (o.Answers is { } answers)
            {
                writer.WritePropertyName("answers"u8);
                MeasureJson.WriteAnswers(writer, answers);
            }
            else if (o.SampleSize is { } size)
            {
                writer.WriteNumber("sampleSize"u8, size);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteUnknownContent(Utf8JsonWriter writer, UnknownWidget u)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(u.Content);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Widget '{u.Title}' ({u.Id}) of unknown kind '{u.Kind}' has content that is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidOperationException($"Widget '{u.Title}' ({u.Id}) of unknown kind '{u.Kind}' must hold a JSON object as its content.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!CustomWidgetKind.IsEnvelope(property.Name))
                {
                    property.WriteTo(writer);
                }
            }
        }
    }

    /// <summary>Looks ahead in a copy of the reader for the widget's kind; the whole widget is buffered.</summary>
    private static string FindKind(Utf8JsonReader probe)
    {
        var depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            if (probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("kind"u8))
            {
                probe.Read();
                if (probe.TokenType != JsonTokenType.String)
                {
                    throw new JsonPathException($"A widget's kind must be a string such as \"metric\"; found {Tokens.Describe(probe.TokenType)}.", ".kind");
                }

                var kind = probe.GetString()!;
                if (!WidgetKindRegistry.IsValidKindName(kind))
                {
                    throw new JsonPathException($"\"{Tokens.Shorten(kind)}\" is not a widget kind: use {KnownKinds}, or a custom kind of lower-case letters, digits, '.', '-' and '_'.", ".kind");
                }

                return kind;
            }

            probe.Read();
            probe.Skip();
        }

        throw new JsonPathException($"A widget needs a \"kind\": one of {KnownKinds}, or a custom kind.", "");
    }

    private Widget ReadOther(ref Utf8JsonReader reader, string kind)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;

        // Custom and unknown kinds are read or kept verbatim by code that is not ours: refuse text no store can keep first.
        CheckText(root, "");
        var id = ReadEnvelope(root, out var title);
        if (registry.Find(kind) is { } custom)
        {
            return custom.Read(root, id, title ?? throw new JsonPathException($"A '{kind}' widget needs a \"title\" string.", ""));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                if (!CustomWidgetKind.IsEnvelope(property.Name))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return new UnknownWidget(id, title ?? "", kind, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Refuses invalid UTF-8 and lone surrogates in every string and property name of <paramref name="element"/>.</summary>
    /// <exception cref="JsonPathException">A string or name is not Unicode text; the path leads to it.</exception>
    private static void CheckText(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException ex)
                    {
                        throw new JsonPathException(TextConverter.NotUnicode("A property name"), path, ex);
                    }

                    var child = path + Member(name);
                    Refuse(name, "A property name", path);
                    CheckText(property.Value, child);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item, path + "[" + index++.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                }

                break;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException ex)
                {
                    throw new JsonPathException(TextConverter.NotUnicode("The text"), path, ex);
                }

                Refuse(text, "The text", path);
                break;
        }
    }

    private static void Refuse(string text, string what, string path)
    {
        try
        {
            TextConverter.Check(text, what);
        }
        catch (JsonException ex)
        {
            throw new JsonPathException(ex.Message, path);
        }
    }

    private static string Member(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return name.Length == 0 ? "['']" : "." + name;
    }

    private static WidgetId ReadEnvelope(JsonElement root, out string? title)
    {
        title = null;
        WidgetId? id = null;
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("id"u8))
            {
                if (id is not null)
                {
                    throw new JsonPathException("The widget has two \"id\" properties.", ".id");
                }

                id = property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetGuid(out var guid)
                    ? new WidgetId(guid)
                    : throw new JsonPathException("A widget's id must be a GUID string such as \"0f8fad5b-d9cb-469f-a165-70867728950e\".", ".id");
            }
            else if (property.NameEquals("title"u8))
            {
                if (title is not null)
                {
                    throw new JsonPathException("The widget has two \"title\" properties.", ".title");
                }

                title = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!
                    : throw new JsonPathException($"A widget's title must be a string; found {property.Value.ValueKind}.", ".title");
            }
        }

        return id ?? throw new JsonPathException("A widget needs an \"id\": a GUID string.", "");
    }

    /// <summary>Reads the members every widget has, or returns false for a kind-specific member the caller reads.</summary>
    private static bool ReadCommon(ref Utf8JsonReader reader, ref WidgetId? id, ref string? title, ref bool kindSeen, ref string property)
    {
        if (reader.ValueTextEquals("kind"u8))
        {
            property = "kind";
            Once(ref kindSeen, "kind");
            reader.Read();
            return true;
        }

        if (reader.ValueTextEquals("id"u8))
        {
            property = "id";
            Twice(id is not null, "id");
            reader.Read();
            id = new WidgetId(GuidIdConverter<WidgetId>.ReadGuid(ref reader, "widget id"));
            return true;
        }

        if (reader.ValueTextEquals("title"u8))
        {
            property = "title";
            Twice(title is not null, "title");
            reader.Read();
            title = Tokens.ReadString(ref reader, "A widget's title");
            return true;
        }

        return false;
    }

    private static void Once(ref bool seen, string name)
    {
        Twice(seen, name);
        seen = true;
    }

    private static void Twice(bool seen, string name)
    {
        if (seen)
        {
            throw new JsonException($"The widget has the property \"{name}\" twice.");
        }
    }

    private static JsonPathException Unknown(string kind, string name, string expected) =>
        new($"A {kind} widget has no property \"{name}\"; it has kind, id, title, {expected}.", "." + name);

    private static JsonPathException Wrap(JsonException ex, string property) =>
        ex as JsonPathException ?? new JsonPathException(JourneyJsonSerializer.CleanMessage(ex), property.Length == 0 ? "" : "." + property);

    private static WidgetId Require(WidgetId? id, string? title, string kind)
    {
        if (id is null || title is null)
        {
            throw new JsonPathException($"A {kind} widget needs an \"id\" and a \"title\".", "");
        }

        return id.Value;
    }

    private static decimal ReadDecimal(ref Utf8JsonReader reader, string what) => DecimalConverter.ReadExact(ref reader, what);

    private static MetricWidget ReadMetric(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        WidgetId? id = null;
        string? title = null, unit = null;
        bool kindSeen = false, targetSeen = false, warningSeen = false, criticalSeen = false;
        MetricKind? metricKind = null;
        MetricDirection? direction = null;
        decimal? target = null, warning = null, critical = null;
        ObservationSeries? series = null;
        List<SegmentSeries>? segments = null;
        var property = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadCommon(ref reader, ref id, ref title, ref kindSeen, ref property))
                {
                    continue;
                }

                if (reader.ValueTextEquals("unit"u8))
                {
                    property = "unit";
                    Twice(unit is not null, property);
                    reader.Read();
                    unit = Tokens.ReadString(ref reader, "A metric's unit");
                }
                else if (reader.ValueTextEquals("metricKind"u8))
                {
                    property = "metricKind";
                    Twice(metricKind is not null, property);
                    reader.Read();
                    metricKind = MetricKinds.Read(ref reader, typeof(MetricKind), options);
                }
                else if (reader.ValueTextEquals("direction"u8))
                {
                    property = "direction";
                    Twice(direction is not null, property);
                    reader.Read();
                    direction = Directions.Read(ref reader, typeof(MetricDirection), options);
                }
                else if (reader.ValueTextEquals("target"u8))
                {
                    property = "target";
                    Once(ref targetSeen, property);
                    reader.Read();
                    target = reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader, "A metric's target");
                }
                else if (reader.ValueTextEquals("warningThreshold"u8))
                {
                    property = "warningThreshold";
                    Once(ref warningSeen, property);
                    reader.Read();
                    warning = reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader, "A metric's warning threshold");
                }
                else if (reader.ValueTextEquals("criticalThreshold"u8))
                {
                    property = "criticalThreshold";
                    Once(ref criticalSeen, property);
                    reader.Read();
                    critical = reader.TokenType == JsonTokenType.Null ? null : ReadDecimal(ref reader, "A metric's critical threshold");
                }
                else if (reader.ValueTextEquals("observations"u8))
                {
                    property = "observations";
                    Twice(series is not null, property);
                    reader.Read();
                    series = ReadSeries(ref reader, "");
                }
                else if (reader.ValueTextEquals("segments"u8))
                {
                    property = "segments";
                    Twice(segments is not null, property);
                    reader.Read();
                    segments = ReadSegments(ref reader);
                }
                else
                {
                    property = Tokens.PropertyName(ref reader);
                    throw Unknown("metric", property, "unit, metricKind, direction, target, warningThreshold, criticalThreshold, observations, segments");
                }
            }
        }
        catch (JsonException ex)
        {
            throw Wrap(ex, property);
        }

        var widgetId = Require(id, title, "metric");
        if (unit is null || metricKind is null || direction is null || series is null)
        {
            throw new JsonPathException("A metric widget needs \"unit\", \"metricKind\", \"direction\" and \"observations\".", "");
        }

        return new MetricWidget(widgetId, title!)
        {
            Unit = unit,
            Kind = metricKind.Value,
            Direction = direction.Value,
            Target = target,
            WarningThreshold = warning,
            CriticalThreshold = critical,
            Observations = series,
            Segments = segments is null ? ValueList<SegmentSeries>.Empty : ValueList<SegmentSeries>.From(segments),
        };
    }

    /// <summary>Reads an observations array into a series at once (the scratch list is reused by the next array).</summary>
    private static ObservationSeries ReadSeries(ref Utf8JsonReader reader, string prefix)
    {
        try
        {
            return ObservationSeries.From(ReadObservations(ref reader));
        }
        catch (JourneyRuleException ex)
        {
            throw new JsonPathException(ex.Message, prefix + ".observations");
        }
        catch (JsonPathException ex) when (prefix.Length > 0)
        {
            // The observation's own path (its index and member) goes under the segment's.
            throw new JsonPathException(ex.Message, prefix + ex.RelativePath, ex);
        }
    }

    private static List<SegmentSeries> ReadSegments(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A metric's segments must be an array of {{\"segment\", \"observations\"}} objects; found {Tokens.Describe(reader.TokenType)}.");
        }

        var list = new List<SegmentSeries>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var prefix = ".segments[" + list.Count.ToString(CultureInfo.InvariantCulture) + "]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonPathException($"A segment's series must be an object with \"segment\" and \"observations\"; found {Tokens.Describe(reader.TokenType)}.", prefix);
            }

            Segment? segment = null;
            ObservationSeries? series = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("segment"u8) && segment is null)
                {
                    reader.Read();
                    try
                    {
                        segment = MeasureJson.ReadSegment(ref reader);
                    }
                    catch (JsonException ex) when (ex is not JsonPathException)
                    {
                        throw new JsonPathException(JourneyJsonSerializer.CleanMessage(ex), prefix + ".segment");
                    }
                }
                else if (reader.ValueTextEquals("observations"u8) && series is null)
                {
                    reader.Read();
                    series = ReadSeries(ref reader, prefix);
                }
                else
                {
                    var name = Tokens.PropertyName(ref reader);
                    throw new JsonPathException($"A segment's series has \"segment\" and \"observations\", once each; found \"{name}\".", prefix + "." + name);
                }
            }

            if (segment is null || series is null)
            {
                throw new JsonPathException("A segment's series needs \"segment\" and \"observations\".", prefix);
            }

            list.Add(new SegmentSeries(segment, series));
        }

        return list;
    }

    private static List<Observation> ReadObservations(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A metric's observations must be an array of {{\"date\", \"value\"}} objects; found {Tokens.Describe(reader.TokenType)}.");
        }

        // One scratch list per thread: the series copies what it needs, so no list grows per metric.
        var list = t_observations ??= new List<Observation>(64);
        list.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // The path is built only for an error: a document holds hundreds of thousands of observations.
            var index = list.Count;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonPathException($"An observation must be an object with \"date\" and \"value\"; found {Tokens.Describe(reader.TokenType)}.", ObservationPath(index));
            }

            LocalDate? date = null;
            decimal? value = null;
            int? sampleSize = null;
            AnswerDistribution? answers = null;
            var property = "";
            try
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("date"u8))
                    {
                        property = "date";
                        Twice(date is not null, property);
                        reader.Read();
                        date = LocalDateJsonConverter.ReadDate(ref reader);
                    }
                    else if (reader.ValueTextEquals("value"u8))
                    {
                        property = "value";
                        Twice(value is not null, property);
                        reader.Read();
                        value = ReadDecimal(ref reader, "An observation's value");
                    }
                    else if (reader.ValueTextEquals("sampleSize"u8))
                    {
                        property = "sampleSize";
                        Twice(sampleSize is not null, property);
                        reader.Read();
                        sampleSize = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var size) && size >= 0
                            ? size
                            : throw new JsonException($"An observation's sample size must be a whole number from 0 to {AnswerDistribution.MaxAnswers:N0}.");
                    }
                    else if (reader.ValueTextEquals("answers"u8))
                    {
                        property = "answers";
                        Twice(answers is not null, property);
                        reader.Read();
                        answers = MeasureJson.ReadAnswers(ref reader);
                    }
                    else
                    {
                        property = Tokens.PropertyName(ref reader);
                        throw new JsonException($"An observation has no property \"{property}\"; it has date, value, sampleSize and answers.");
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new JsonPathException(JourneyJsonSerializer.CleanMessage(ex), ObservationPath(index) + "." + property);
            }

            if (date is null || value is null)
            {
                throw new JsonPathException("An observation needs a \"date\" and a \"value\".", ObservationPath(index));
            }

            list.Add(answers is null && sampleSize is null
                ? new Observation(date.Value, value.Value)
                : new Observation(date.Value, value.Value) { SampleSize = sampleSize ?? answers!.Total, Answers = answers });
        }

        return list;
    }

    [ThreadStatic]
    private static List<Observation>? t_observations;

    private static string ObservationPath(int index) => ".observations[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static Widget ReadTextWidget(ref Utf8JsonReader reader, string kind)
    {
        WidgetId? id = null;
        string? title = null, url = null, markdown = null, problem = null, solution = null;
        SolutionStatus? status = null;
        var kindSeen = false;
        var property = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadCommon(ref reader, ref id, ref title, ref kindSeen, ref property))
                {
                    continue;
                }

                if (kind == "link" && reader.ValueTextEquals("url"u8))
                {
                    property = "url";
                    Twice(url is not null, property);
                    reader.Read();
                    url = Tokens.ReadString(ref reader, "A link's url");
                }
                else if (kind == "description" && reader.ValueTextEquals("markdown"u8))
                {
                    property = "markdown";
                    Twice(markdown is not null, property);
                    reader.Read();
                    markdown = Tokens.ReadString(ref reader, "A description's markdown");
                }
                else if (kind == "solution" && reader.ValueTextEquals("problem"u8))
                {
                    property = "problem";
                    Twice(problem is not null, property);
                    reader.Read();
                    problem = Tokens.ReadString(ref reader, "A solution's problem");
                }
                else if (kind == "solution" && reader.ValueTextEquals("solution"u8))
                {
                    property = "solution";
                    Twice(solution is not null, property);
                    reader.Read();
                    solution = Tokens.ReadString(ref reader, "A solution's solution");
                }
                else if (kind == "solution" && reader.ValueTextEquals("status"u8))
                {
                    property = "status";
                    Twice(status is not null, property);
                    reader.Read();
                    status = SolutionStatuses.Read(ref reader, typeof(SolutionStatus), null!);
                }
                else
                {
                    property = Tokens.PropertyName(ref reader);
                    throw Unknown(kind, property, kind switch { "link" => "url", "description" => "markdown", _ => "problem, solution, status" });
                }
            }
        }
        catch (JsonException ex)
        {
            throw Wrap(ex, property);
        }

        var widgetId = Require(id, title, kind);
        switch (kind)
        {
            case "link":
                if (url is null)
                {
                    throw new JsonPathException("A link widget needs a \"url\".", "");
                }

                return Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    ? new LinkWidget(widgetId, title!, uri)
                    : throw new JsonPathException($"\"{Tokens.Shorten(url)}\" is not an absolute URL such as https://example.com/page.", ".url");
            case "description":
                return new DescriptionWidget(widgetId, title!, markdown ?? throw new JsonPathException("A description widget needs \"markdown\" text.", ""));
            default:
                if (problem is null || solution is null || status is null)
                {
                    throw new JsonPathException("A solution widget needs \"problem\", \"solution\" and \"status\".", "");
                }

                return new SolutionWidget(widgetId, title!, problem, solution, status.Value);
        }
    }

    private static EmotionWidget ReadEmotion(ref Utf8JsonReader reader)
    {
        WidgetId? id = null;
        PersonaId? persona = null;
        string? title = null, note = null;
        int? asIs = null, toBe = null;
        bool kindSeen = false, toBeSeen = false, noteSeen = false;
        var property = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadCommon(ref reader, ref id, ref title, ref kindSeen, ref property))
                {
                    continue;
                }

                if (reader.ValueTextEquals("persona"u8))
                {
                    property = "persona";
                    Twice(persona is not null, property);
                    reader.Read();
                    persona = new PersonaId(GuidIdConverter<PersonaId>.ReadGuid(ref reader, "persona id"));
                }
                else if (reader.ValueTextEquals("asIs"u8))
                {
                    property = "asIs";
                    Twice(asIs is not null, property);
                    reader.Read();
                    asIs = ReadScore(ref reader);
                }
                else if (reader.ValueTextEquals("toBe"u8))
                {
                    property = "toBe";
                    Once(ref toBeSeen, property);
                    reader.Read();
                    toBe = reader.TokenType == JsonTokenType.Null ? null : ReadScore(ref reader);
                }
                else if (reader.ValueTextEquals("note"u8))
                {
                    property = "note";
                    Once(ref noteSeen, property);
                    reader.Read();
                    note = reader.TokenType == JsonTokenType.Null ? null : Tokens.ReadString(ref reader, "An emotion's note");
                }
                else
                {
                    property = Tokens.PropertyName(ref reader);
                    throw Unknown("emotion", property, "persona, asIs, toBe, note");
                }
            }
        }
        catch (JsonException ex)
        {
            throw Wrap(ex, property);
        }

        var widgetId = Require(id, title, "emotion");
        if (persona is null || asIs is null)
        {
            throw new JsonPathException("An emotion widget needs a \"persona\" and an \"asIs\" score.", "");
        }

        return new EmotionWidget(widgetId, title!, persona.Value, new EmotionScore(asIs.Value), toBe is { } t ? new EmotionScore(t) : null, note);
    }

    private static int ReadScore(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value) || value is < EmotionScore.MinValue or > EmotionScore.MaxValue)
        {
            throw new JsonException($"An emotion score must be a whole number from {EmotionScore.MinValue} (very negative) to {EmotionScore.MaxValue} (very positive).");
        }

        return value;
    }

    private static FeedbackWidget ReadFeedback(ref Utf8JsonReader reader)
    {
        WidgetId? id = null;
        string? title = null;
        List<FeedbackEntry>? entries = null;
        var kindSeen = false;
        var property = "";
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadCommon(ref reader, ref id, ref title, ref kindSeen, ref property))
                {
                    continue;
                }

                if (reader.ValueTextEquals("entries"u8))
                {
                    property = "entries";
                    Twice(entries is not null, property);
                    reader.Read();
                    entries = ReadEntries(ref reader);
                }
                else
                {
                    property = Tokens.PropertyName(ref reader);
                    throw Unknown("feedback", property, "entries");
                }
            }
        }
        catch (JsonException ex)
        {
            throw Wrap(ex, property);
        }

        var widgetId = Require(id, title, "feedback");
        return new FeedbackWidget(widgetId, title!, ValueList<FeedbackEntry>.From(entries ?? throw new JsonPathException("A feedback widget needs \"entries\" (possibly empty).", "")));
    }

    private static List<FeedbackEntry> ReadEntries(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Feedback entries must be an array; found {Tokens.Describe(reader.TokenType)}.");
        }

        var list = new List<FeedbackEntry>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var at = ".entries[" + list.Count.ToString(CultureInfo.InvariantCulture) + "]";
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonPathException($"A feedback entry must be an object; found {Tokens.Describe(reader.TokenType)}.", at);
            }

            string? source = null, quote = null;
            Sentiment? sentiment = null;
            LocalDate? date = null;
            var property = "";
            try
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                                        if (reader.ValueTextEquals("source"u8))
                    {
                        property = "source";
                        Twice(source is not null, property);
                        reader.Read();
                        source = Tokens.ReadString(ref reader, "A feedback entry's source");
                    }
                    else if (reader.ValueTextEquals("quote"u8))
                    {
                        property = "quote";
                        Twice(quote is not null, property);
                        reader.Read();
                        quote = Tokens.ReadString(ref reader, "A feedback entry's quote");
                    }
                    else if (reader.ValueTextEquals("sentiment"u8))
                    {
                        property = "sentiment";
                        Twice(sentiment is not null, property);
                        reader.Read();
                        sentiment = Sentiments.Read(ref reader, typeof(Sentiment), null!);
                    }
                    else if (reader.ValueTextEquals("date"u8))
                    {
                        property = "date";
                        Twice(date is not null, property);
                        reader.Read();
                        date = LocalDateJsonConverter.ReadDate(ref reader);
                    }
                    else
                    {
                        property = Tokens.PropertyName(ref reader);
                        throw new JsonException($"A feedback entry has no property \"{property}\"; it has source, quote, sentiment and date.");
                    }
                }
            }
            catch (JsonException ex)
            {
                throw new JsonPathException(JourneyJsonSerializer.CleanMessage(ex), at + "." + property);
            }

            if (source is null || quote is null || sentiment is null || date is null)
            {
                throw new JsonPathException("A feedback entry needs \"source\", \"quote\", \"sentiment\" and \"date\".", at);
            }

            list.Add(new FeedbackEntry(source, quote, sentiment.Value, date.Value));
        }

        return list;
    }
}
