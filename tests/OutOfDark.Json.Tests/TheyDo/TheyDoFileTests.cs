using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Json.TheyDo;
using Xunit;

namespace OutOfDark.Json.Tests.TheyDo;

/// <summary>TheyDo's metrics and opportunities files: our schemas, the strict reader and the writer.</summary>
public sealed class TheyDoFileTests
{
    private static readonly SchemaValidator Metrics = new(TheyDoSchemas.ReadMetricsSchema());
    private static readonly SchemaValidator Opportunities = new(TheyDoSchemas.ReadOpportunitiesSchema());

    private static byte[] Sample(string name) => TheyDoSamples.Bytes(name);

    private static void AssertValid(SchemaValidator schema, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var errors = schema.Validate(document.RootElement);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(10)));
    }

    private static void AssertInvalid(SchemaValidator schema, byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.NotEmpty(schema.Validate(document.RootElement));
    }

    [Fact]
    public void Both_schemas_are_valid_draft_2020_12_schemas()
    {
        using var metrics = JsonDocument.Parse(TheyDoSchemas.ReadMetricsSchema());
        using var opportunities = JsonDocument.Parse(TheyDoSchemas.ReadOpportunitiesSchema());

        Assert.Empty(SchemaValidator.MetaSchemaErrors(metrics.RootElement));
        Assert.Empty(SchemaValidator.MetaSchemaErrors(opportunities.RootElement));
    }

    [Theory]
    [InlineData("metrics.json")]
    [InlineData("metrics-segmented.json")]
    public void The_sample_metrics_files_match_the_schema_and_read_back_from_what_the_writer_writes(string name)
    {
        var bytes = Sample(name);
        AssertValid(Metrics, bytes);

        var file = TheyDoJson.ReadMetrics(bytes);
        var written = TheyDoJson.WriteMetrics(file);

        AssertValid(Metrics, written);
        Assert.Equal(file, TheyDoJson.ReadMetrics(written));
    }

    [Fact]
    public void The_sample_metrics_file_reads_every_member()
    {
        var file = TheyDoJson.ReadMetrics(Sample("metrics.json"));

        Assert.Equal([TheyDoMetricType.Csat, TheyDoMetricType.Nps, TheyDoMetricType.Ces, TheyDoMetricType.Other, TheyDoMetricType.Ratio], file.Metrics.Select(m => m.Type));
        var csat = file.Metrics[0];
        Assert.Equal(("returns-csat", "%", 75m, TheyDoTargetComparison.MoreThanOrEqualTo, "care.lead@shop.example"), (csat.ImportKey, csat.Unit, csat.Target!.Value, csat.TargetComparison!.Value, csat.OwnerEmail!));
        Assert.Equal(new TheyDoCsatPoint(new LocalDate(2026, 8, 31), null, 4, 6, 10, 50, 30), csat.DataPoints[0]);
        Assert.Equal(ValueList<TheyDoDimension>.Empty, csat.DataPoints[1].Dimensions);
        Assert.Equal([new TheyDoGroupTag("Team", "Returns desk")], csat.GroupTags!);
        Assert.Equal(TheyDoAggregation.Average, file.Metrics[3].Aggregation);
        Assert.Equal(new TheyDoRatioPoint(new LocalDate(2026, 9, 30), null, 180, 240), file.Metrics[4].DataPoints[0]);
    }

    [Fact]
    public void The_sample_opportunities_file_matches_the_schema_and_round_trips()
    {
        var bytes = Sample("opportunities.json");
        AssertValid(Opportunities, bytes);

        var file = TheyDoJson.ReadOpportunities(bytes);
        var written = TheyDoJson.WriteOpportunities(file);

        AssertValid(Opportunities, written);
        Assert.Equal(file, TheyDoJson.ReadOpportunities(written));
        Assert.Equal(["https://tracker.shop.example/RET-12"], file.Opportunities[0].ExternalLinks!);
        Assert.Null(file.Opportunities[1].Status);
    }

    [Theory]
    [InlineData("$.format", "\"THEYDO_METRICS_V2\"", "$.format")]
    [InlineData("$.metrics[3].aggregationMethod", null, "$.metrics[3]")]
    [InlineData("$.metrics[1].aggregationMethod", "\"SUM\"", "$.metrics[1].aggregationMethod")]
    [InlineData("$.metrics[0].dataPoints[0].satisfied", "-1", "$.metrics[0].dataPoints[0].satisfied")]
    [InlineData("$.metrics[0].dataPoints[0].satisfied", "2147483648", "$.metrics[0].dataPoints[0].satisfied")]
    [InlineData("$.metrics[1].dataPoints[0].promoters", null, "$.metrics[1].dataPoints[0]")]
    [InlineData("$.metrics[2].dataPoints[0].dateOfMeasurement", "\"30/09/2026\"", "$.metrics[2].dataPoints[0].dateOfMeasurement")]
    [InlineData("$.metrics[2].dataPoints[0].colour", "\"blue\"", "$.metrics[2].dataPoints[0].colour")]
    [InlineData("$.metrics[1].type", "\"SCORE\"", "$.metrics[1].type")]
    [InlineData("$.metrics[0].dataPoints[1].dimensions", "[{ \"key\": \"country\" }]", "$.metrics[0].dataPoints[1].dimensions[0]")]
    public void A_file_the_schema_refuses_is_refused_by_the_reader_at_its_path(string path, string? value, string expectedPath)
    {
        var document = JsonNode.Parse(Sample("metrics.json"))!;
        Set(document, path, value);
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());

        AssertInvalid(Metrics, bytes);
        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadMetrics(bytes));
        Assert.Equal(expectedPath, ex.Path);
    }

    [Fact]
    public void A_missing_member_is_named_in_the_message()
    {
        var document = JsonNode.Parse(Sample("metrics.json"))!;
        Set(document, "$.metrics[1].dataPoints[0].promoters", null);

        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadMetrics(Encoding.UTF8.GetBytes(document.ToJsonString())));

        Assert.Equal("The object is missing required members: promoters. (at $.metrics[1].dataPoints[0])", ex.Message);
    }

    [Theory]
    [InlineData("$.metrics[3].dataPoints[0].value", "0.123456789012345678901234567891")]
    [InlineData("$.metrics[3].dataPoints[0].value", "1e-29")]
    [InlineData("$.metrics[3].dataPoints[0].value", "79228162514264337593543950335.5")]
    [InlineData("$.metrics[2].dataPoints[0].score", "2.40000000000000000000000000001")]
    [InlineData("$.metrics[0].target", "75.0000000000000000000000000001")]
    public void A_number_a_decimal_cannot_hold_exactly_is_refused_at_its_path_never_rounded(string path, string value)
    {
        var document = JsonNode.Parse(Sample("metrics.json"))!;
        Set(document, path, value);

        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadMetrics(Encoding.UTF8.GetBytes(document.ToJsonString())));

        Assert.Equal(path, ex.Path);
        Assert.Contains("never rounded", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 100)]
    public Property A_number_is_read_exactly_or_refused(decimal value, PositiveInt extraDigits)
    {
        // The decimal's own digits followed by more non-zero digits cannot be held: refused. Alone: read back as written.
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var longer = (text.Contains('.', StringComparison.Ordinal) ? text : text + ".") + new string('7', (extraDigits.Get % 30) + 29);
        byte[] File(string number) => Encoding.UTF8.GetBytes($$"""{"format":"THEYDO_METRICS_V1","metrics":[{"type":"OTHER","importKey":"k","title":"t","unit":"u","aggregationMethod":"SUM","dataPoints":[{"dateOfMeasurement":"2026-09-30","value":{{number}}}]}]}""");

        Assert.Equal(value, ((TheyDoOtherPoint)TheyDoJson.ReadMetrics(File(text)).Metrics[0].DataPoints[0]).Value);
        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadMetrics(File(longer)));
        Assert.Equal("$.metrics[0].dataPoints[0].value", ex.Path);
        return true.ToProperty();
    }

    [Theory]
    [InlineData("$.metrics[0].title", "x\\ud800")]
    [InlineData("$.metrics[0].groups[0]", "\\udc00x")]
    [InlineData("$.metrics[0].dataPoints[1].dimensions", null)]
    public void A_lone_surrogate_is_refused_at_the_member_that_holds_it(string path, string? escaped)
    {
        var json = Encoding.UTF8.GetString(Sample("metrics.json"));
        json = escaped is null
            ? json.Replace("\"dimensions\": []", "\"dimensions\": [{ \"key\": \"country\", \"value\": \"\\ud800\" }]", StringComparison.Ordinal)
            : path.EndsWith("title", StringComparison.Ordinal)
                ? json.Replace("\"Returns satisfaction\"", $"\"{escaped}\"", StringComparison.Ordinal)
                : json.Replace("[\"Care\"]", $"[\"{escaped}\"]", StringComparison.Ordinal);

        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadMetrics(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(escaped is null ? "$.metrics[0].dataPoints[1].dimensions[0].value" : path, ex.Path);
        Assert.Contains("lone surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_in_a_member_name_is_refused_at_its_object()
    {
        var json = Encoding.UTF8.GetString(Sample("opportunities.json")).Replace("\"importKey\": \"opp-label-printing\"", "\"\\ud800\": 1, \"importKey\": \"opp-label-printing\"", StringComparison.Ordinal);

        var ex = Assert.Throws<JourneyFormatException>(() => TheyDoJson.ReadOpportunities(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("$.opportunities[0]", ex.Path);
        Assert.Contains("lone surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        byte[] withMark = [0xEF, 0xBB, 0xBF, .. Sample("metrics.json")];

        Assert.Equal(TheyDoJson.ReadMetrics(Sample("metrics.json")), TheyDoJson.ReadMetrics(withMark));
        Assert.Equal(TheyDoJson.ReadOpportunities(Sample("opportunities.json")), TheyDoJson.ReadOpportunities([0xEF, 0xBB, 0xBF, .. Sample("opportunities.json")]));
    }

    [Property(MaxTest = 60)]
    public Property Generated_metrics_files_are_valid_and_round_trip_through_the_writer() =>
        Prop.ForAll(Arb.From(MetricsFiles()), file =>
        {
            var written = TheyDoJson.WriteMetrics(file);
            AssertValid(Metrics, written);
            Assert.Equal(file, TheyDoJson.ReadMetrics(written));
        });

    [Property(MaxTest = 60)]
    public Property Generated_opportunities_files_are_valid_and_round_trip_through_the_writer() =>
        Prop.ForAll(Arb.From(OpportunitiesFiles()), file =>
        {
            var written = TheyDoJson.WriteOpportunities(file);
            AssertValid(Opportunities, written);
            Assert.Equal(file, TheyDoJson.ReadOpportunities(written));
        });

    private static void Set(JsonNode document, string path, string? value)
    {
        var parts = path[2..].Replace("]", "", StringComparison.Ordinal).Split('.', '[');
        var node = document;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        }

        var last = parts[^1];
        if (value is null)
        {
            node.AsObject().Remove(last);
        }
        else
        {
            node[last] = JsonNode.Parse(value);
        }
    }

    private static Gen<string> Text() => Gen.Elements("", "CSAT", "Ümlaut ✓", "line\nbreak", "\"quoted\"", "<b>");

    private static Gen<ValueList<T>?> OptionalList<T>(Gen<T> item) =>
        Gen.Frequency<ValueList<T>?>((1, Gen.Constant<ValueList<T>?>(null)), (2, Gen.ListOf(item).Select(l => (ValueList<T>?)ValueList<T>.From(l))));

    private static Gen<decimal> Number() => Gen.Choose(-100_000, 100_000).Select(v => v / 100m);

    private static Gen<TheyDoDataPoint> Point(TheyDoMetricType type) =>
        from day in Gen.Choose(0, 3_000)
        from dimensions in OptionalList(from k in Text() from v in Text() select new TheyDoDimension(k, v))
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, 1_000)
        from c in Gen.Choose(int.MinValue, int.MaxValue)
        from n in Number()
        let date = new LocalDate(2020, 1, 1).PlusDays(day)
        select type switch
        {
            TheyDoMetricType.Ces => (TheyDoDataPoint)new TheyDoCesPoint(date, dimensions, n, a),
            TheyDoMetricType.Csat => new TheyDoCsatPoint(date, dimensions, a, b, b + 1, b + 2, 0),
            TheyDoMetricType.Nps => new TheyDoNpsPoint(date, dimensions, b, a, 0),
            TheyDoMetricType.Other => new TheyDoOtherPoint(date, dimensions, n),
            _ => new TheyDoRatioPoint(date, dimensions, c, a),
        };

    private static Gen<TheyDoMetricsFile> MetricsFiles() =>
        Gen.ListOf(
            from type in Gen.Elements(Enum.GetValues<TheyDoMetricType>())
            from key in Text()
            from title in Text()
            from unit in Text()
            from points in Gen.ListOf(Point(type))
            from description in Gen.Elements<string?>(null, "**bold**")
            from email in Gen.Elements<string?>(null, "a.b@c.example")
            from target in Gen.Frequency<decimal?>((1, Gen.Constant<decimal?>(null)), (1, Number().Select(v => (decimal?)v)))
            from comparison in Gen.Elements<TheyDoTargetComparison?>(null, TheyDoTargetComparison.LessThanOrEqualTo, TheyDoTargetComparison.MoreThanOrEqualTo)
            from groups in OptionalList(Text())
            from tags in OptionalList(from g in Text() from t in Text() select new TheyDoGroupTag(g, t))
            from aggregation in Gen.Elements(TheyDoAggregation.Sum, TheyDoAggregation.Average)
            select new TheyDoMetric(type, key, title, unit, ValueList<TheyDoDataPoint>.From(points))
            {
                Description = description,
                OwnerEmail = email,
                Target = target,
                TargetComparison = comparison,
                Groups = groups,
                GroupTags = tags,
                Aggregation = type == TheyDoMetricType.Other ? aggregation : null,
            }).Select(m => new TheyDoMetricsFile(ValueList<TheyDoMetric>.From(m)));

    private static Gen<TheyDoOpportunitiesFile> OpportunitiesFiles() =>
        Gen.ListOf(
            from key in Text()
            from title in Text()
            from description in Gen.Elements<string?>(null, "text")
            from status in Gen.Elements<string?>(null, "Idea", "")
            from type in Gen.Elements<string?>(null, "Fix")
            from links in OptionalList(Text())
            from tags in OptionalList(Text())
            from groups in OptionalList(Text())
            from groupTags in OptionalList(from g in Text() from t in Text() select new TheyDoGroupTag(g, t))
            from email in Gen.Elements<string?>(null, "owner@shop.example")
            select new TheyDoOpportunity(key, title) { Description = description, Status = status, Type = type, ExternalLinks = links, Tags = tags, Groups = groups, GroupTags = groupTags, OwnerEmail = email })
        .Select(o => new TheyDoOpportunitiesFile(ValueList<TheyDoOpportunity>.From(o)));
}
