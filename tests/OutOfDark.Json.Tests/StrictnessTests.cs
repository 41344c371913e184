using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark.Events;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

/// <summary>The reader refuses what it would otherwise fill in, round or rewrite, naming where.</summary>
public sealed class StrictnessTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    // An observation event as the writer puts it, parsed afresh by each case that changes its value.
    private static readonly Lazy<byte[]> ObservationJson =
        new(() => Json.SerializeEvent(SampleJourneys.Store().PendingEvents.OfType<ObservationRecorded>().First()));

    private static JourneyFormatException Refused(JsonNode node) =>
        Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(SampleJourneys.Bytes(node)));

    private static JourneyFormatException RefusedBytes(byte[] bytes) =>
        Assert.Throws<JourneyFormatException>(() => Json.DeserializeDocument(bytes));

    private static JsonObject Activity(JsonObject document, int index) => document["activities"]![index]!.AsObject();

    // Every object of the document with its path, except widgets (whose optional members the format lists).
    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode node, string path)
    {
        if (node is JsonObject o)
        {
            yield return (path, o);
            foreach (var (name, child) in o)
            {
                if (name != "widgets" && child is not null)
                {
                    foreach (var inner in Objects(child, path + "." + name))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray a)
        {
            for (var i = 0; i < a.Count; i++)
            {
                foreach (var inner in Objects(a[i]!, $"{path}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    [Fact]
    public void Every_member_of_every_object_of_a_document_is_required()
    {
        var checkedMembers = 0;
        // The settings of a rule nobody registered (the sample's fourth) are kept verbatim, whatever members they have.
        foreach (var (path, node) in Objects(SampleJourneys.DocumentNode(), "$").Where(o => !o.Path.StartsWith("$.ruleSettings[3].settings", StringComparison.Ordinal)).ToList())
        {
            foreach (var name in node.Select(p => p.Key).Where(n => n != "schemaVersion").ToList())
            {
                var document = SampleJourneys.DocumentNode();
                var copy = (JsonObject)Objects(document, "$").Single(o => o.Path == path).Node;
                copy.Remove(name);

                var ex = Refused(document);

                Assert.True(ex.Path == path || ex.Path == path + "." + name, $"Without {path}.{name}: refused at {ex.Path}: {ex.Message}");
                Assert.Contains("'" + name + "'", ex.Message, StringComparison.Ordinal);
                checkedMembers++;
            }
        }

        Assert.True(checkedMembers > 60, $"only {checkedMembers} members checked");
    }

    [Fact]
    public void Every_member_of_a_built_in_widget_is_required_except_the_documented_optional_ones()
    {
        string[] optional = ["target", "warningThreshold", "criticalThreshold", "toBe", "note"];
        var checkedMembers = 0;
        var activities = SampleJourneys.DocumentNode()["activities"]!.AsArray();
        for (var a = 0; a < activities.Count; a++)
        {
            var widgets = activities[a]!["widgets"]!.AsArray();
            for (var w = 0; w < widgets.Count; w++)
            {
                var widgetPath = $"$.activities[{a}].widgets[{w}]";
                foreach (var (path, _) in WidgetObjects(widgets[w]!, widgetPath).ToList())
                {
                    var names = WidgetObjects(SampleJourneys.DocumentNode()["activities"]![a]!["widgets"]![w]!, widgetPath).Single(o => o.Path == path).Node.Select(p => p.Key).ToList();
                    foreach (var name in names.Where(n => !optional.Contains(n)))
                    {
                        var document = SampleJourneys.DocumentNode();
                        var target = WidgetObjects(document["activities"]![a]!["widgets"]![w]!, widgetPath).Single(o => o.Path == path).Node;
                        target.Remove(name);

                        var ex = Refused(document);

                        Assert.True(ex.Path!.StartsWith(widgetPath, StringComparison.Ordinal), $"Without {path}.{name}: refused at {ex.Path}: {ex.Message}");
                        checkedMembers++;
                    }
                }
            }
        }

        Assert.True(checkedMembers > 25, $"only {checkedMembers} members checked");
    }

    private static IEnumerable<(string Path, JsonObject Node)> WidgetObjects(JsonNode node, string path)
    {
        if (node is JsonObject o)
        {
            yield return (path, o);
            foreach (var (name, child) in o)
            {
                if (child is not null)
                {
                    foreach (var inner in WidgetObjects(child, path + "." + name))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var inner in WidgetObjects(array[i]!, $"{path}[{i}]"))
                {
                    yield return inner;
                }
            }
        }
    }

    // One event of every type the generators make, plus the sample journey's events.
    private static List<JourneyEvent> EventsOfEveryType()
    {
        var events = SampleJourneys.Store().PendingEvents.ToList();
        foreach (var journey in JourneyGenerators.Journeys(200).Sample(40, 30))
        {
            events.AddRange(journey.PendingEvents);
        }

        return events.GroupBy(e => e.GetType()).Select(g => g.First()).ToList();
    }

    [Fact]
    public void Every_member_of_every_event_type_is_required_in_a_single_event_and_in_a_stream()
    {
        var events = EventsOfEveryType();
        Assert.True(events.Count >= 20, $"only {events.Count} event types generated");
        foreach (var e in events)
        {
            var node = JsonNode.Parse(Json.SerializeEvent(e))!.AsObject();
            foreach (var name in node.Select(p => p.Key).Where(n => n != "type").ToList())
            {
                var damaged = node.DeepClone().AsObject();
                damaged.Remove(name);

                var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(SampleJourneys.Bytes(damaged)));

                Assert.Equal("$", ex.Path);
                Assert.Contains($"missing required properties including: '{name}'", ex.Message, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("occurredAt")]
    [InlineData("journeyId")]
    [InlineData("actor")]
    [InlineData("reason")]
    [InlineData("value")]
    public void An_event_in_a_stream_without_a_common_member_is_refused_at_that_event(string member)
    {
        var journey = SampleJourneys.Store();
        var stream = JsonNode.Parse(Json.SerializeEventStream(journey.PendingEvents))!.AsObject();
        var events = stream["events"]!.AsArray();
        var index = events.Select((e, i) => (e, i)).First(p => (string?)p.e!["type"] == "observation-recorded").i;
        events[index]!.AsObject().Remove(member);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(SampleJourneys.Bytes(stream)));

        Assert.Equal($"$.events[{index}]", ex.Path);
        Assert.StartsWith($"The object is missing required properties including: '{member}'; every property must be present (write null or [] for none).", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e-29")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1234567890123456789012345678901234567890")]
    [InlineData("1.23456789012345678901234567891")]
    [InlineData("1e400")]
    [InlineData("-79228162514264337593543950336")]
    public void A_number_a_decimal_cannot_hold_exactly_is_refused_at_its_path_in_widgets_and_events(string number)
    {
        var document = SampleJourneys.DocumentNode();
        Activity(document, 0)["widgets"]![0]!["observations"]![0]!["value"] = JsonNode.Parse(number);
        var target = SampleJourneys.DocumentNode();
        Activity(target, 0)["widgets"]![0]!["target"] = JsonNode.Parse(number);
        var e = JsonNode.Parse(Json.SerializeEvent(SampleJourneys.Store().PendingEvents.OfType<ObservationRecorded>().First()))!.AsObject();
        e["value"] = JsonNode.Parse(number);

        var inDocument = Refused(document);
        var inTarget = Refused(target);
        var inEvent = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEvent(SampleJourneys.Bytes(e)));

        Assert.Equal("$.activities[0].widgets[0].observations[0].value", inDocument.Path);
        Assert.Equal("$.activities[0].widgets[0].target", inTarget.Path);
        Assert.Equal("$.value", inEvent.Path);
        Assert.StartsWith($"The value {number} cannot be held exactly by a decimal, which keeps at most 28 significant digits, 28 decimal places and magnitudes up to 79228162514264337593543950335; write a number within those limits (it is never rounded).", inEvent.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"An observation's value {number} cannot be held exactly", inDocument.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2.50", "2.50")]
    [InlineData("1e2", "100")]
    [InlineData("0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("1.2345678901234567890123456789", "1.2345678901234567890123456789")]
    [InlineData("-0.0", "0.0")]
    public void A_number_a_decimal_holds_exactly_is_read_as_written(string number, string expected)
    {
        var e = JsonNode.Parse(Json.SerializeEvent(SampleJourneys.Store().PendingEvents.OfType<ObservationRecorded>().First()))!.AsObject();
        e["value"] = JsonNode.Parse(number);

        var read = (ObservationRecorded)Json.DeserializeEvent(SampleJourneys.Bytes(e));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), read.Value);
    }

    /// <summary>JSON numbers as a writer might put them: optional sign, up to 44 digits each side of the point, an optional exponent.</summary>
    public static class JsonNumbers
    {
        public static Arbitrary<string> Numbers()
        {
            var digits = Gen.Choose(0, 9).ArrayOf().Where(d => d.Length is > 0 and < 45).Select(d => string.Concat(d));
            var numbers = from whole in digits
                          from fraction in Gen.OneOf(Gen.Constant(""), digits)
                          from exponent in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-45, 45).Select(x => (int?)x))
                          from negative in ArbMap.Default.GeneratorFor<bool>()
                          select (negative ? "-" : "") + (whole.TrimStart('0') is { Length: > 0 } w ? w : "0") + (fraction.Length > 0 ? "." + fraction : "") + (exponent is { } x ? "e" + x : "");
            return numbers.ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(JsonNumbers) }, MaxTest = 3_000)]
    public void Any_json_number_is_read_as_exactly_its_value_or_refused(string number)
    {
        var e = JsonNode.Parse(ObservationJson.Value)!.AsObject();
        e["value"] = JsonNode.Parse(number);
        decimal read;
        try
        {
            read = ((ObservationRecorded)Json.DeserializeEvent(SampleJourneys.Bytes(e))).Value;
        }
        catch (JourneyFormatException ex)
        {
            Assert.Equal("$.value", ex.Path);
            return;
        }

        Assert.True(Exact(number) == Exact(read.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{number} was read as {read}");
    }

    // The number as an exact fraction: mantissa and power of ten, trailing zeros removed.
    private static (System.Numerics.BigInteger Mantissa, int Exponent) Exact(string number)
    {
        var exponent = 0;
        var cut = number.IndexOfAny(['e', 'E']);
        if (cut >= 0)
        {
            exponent = int.Parse(number[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            number = number[..cut];
        }

        var dot = number.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= number.Length - dot - 1;
            number = number.Remove(dot, 1);
        }

        var mantissa = System.Numerics.BigInteger.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
        {
            return (0, 0);
        }

        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        return (mantissa, exponent);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void A_version_that_cannot_be_counted_on_is_refused_at_its_path(long version)
    {
        var document = SampleJourneys.DocumentNode();
        document["version"] = version;

        var ex = Refused(document);

        Assert.Equal("$.version", ex.Path);
        Assert.Equal($"The version counts the journey's events, so it is a whole number from 1 to 9223372036854775806 (each change adds one); the document says {version}.", ex.Problem);
    }

    [Fact]
    public void The_largest_countable_version_is_read()
    {
        var document = SampleJourneys.DocumentNode();
        document["version"] = long.MaxValue - 1;

        Assert.Equal(long.MaxValue - 1, Json.DeserializeDocument(SampleJourneys.Bytes(document)).Version);
    }

    public static TheoryData<string, string> OversizedFields() => new()
    {
        { "$.name", "name" },
        { "$.owner", "name" },
        { "$.phases[1].name", "name" },
        { "$.personas[0].name", "name" },
        { "$.activities[1].name", "name" },
        { "$.activities[0].details.owner", "name" },
        { "$.activities[0].details.channels[0]", "name" },
        { "$.activities[0].widgets[0].title", "name" },
        { "$.activities[0].widgets[0].unit", "name" },
        { "$.flows[0].label", "name" },
        { "$.activities[2].widgets[1].entries[0].source", "name" },
        { "$.activities[2].widgets[1].entries[0].quote", "text" },
        { "$.activities[1].widgets[0].markdown", "text" },
    };

    [Theory]
    [MemberData(nameof(OversizedFields))]
    public void An_oversized_field_deep_in_a_document_is_refused_at_its_own_path(string path, string kind)
    {
        var document = SampleJourneys.DocumentNode();
        var parts = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        JsonNode node = document;
        foreach (var part in parts[..^1])
        {
            node = part.StartsWith('[') ? node[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        }

        var text = new string('x', kind == "name" ? 501 : 4_000_001);
        var last = parts[^1];
        if (last.StartsWith('['))
        {
            node[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = text;
        }
        else
        {
            node[last] = text;
        }

        var ex = Refused(document);

        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void An_oversized_field_of_an_event_in_a_stream_is_refused_at_its_own_path()
    {
        var stream = JsonNode.Parse(Json.SerializeEventStream(SampleJourneys.Store().PendingEvents))!.AsObject();
        var events = stream["events"]!.AsArray();
        var index = events.Select((e, i) => (e, i)).First(p => (string?)p.e!["type"] == "activity-added").i;
        events[index]!["details"]!["team"] = new string('t', 501);

        var ex = Assert.Throws<JourneyFormatException>(() => Json.DeserializeEventStream(SampleJourneys.Bytes(stream)));

        Assert.Equal($"$.events[{index}].details.team", ex.Path);
    }
}
