using System;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

[Properties(Arbitrary = new[] { typeof(JourneyArbitraries) })]
public sealed class RoundTripTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;
    private static readonly JourneyJsonSerializer Indented = new(new JourneyJsonOptions { WriteIndented = true });

    [Property]
    public void A_journey_survives_a_trip_through_its_document(JourneyScenario scenario)
    {
        var snapshot = scenario.Build().Journey.ToSnapshot();
        var bytes = Json.SerializeDocument(snapshot);
        var read = Json.DeserializeDocument(bytes);
        Assert.Equal(snapshot, read);
    }

    [Property]
    public void Reading_and_writing_a_document_gives_the_same_bytes(JourneyScenario scenario)
    {
        var bytes = Json.SerializeDocument(scenario.Build().Journey.ToSnapshot());
        var again = Json.SerializeDocument(Json.DeserializeDocument(bytes));
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(again));
    }

    [Property]
    public void A_journey_history_survives_a_trip_through_an_event_stream(JourneyScenario scenario)
    {
        var journey = scenario.Build().Journey;
        var events = journey.PendingEvents;
        var read = Json.DeserializeEventStream(Json.SerializeEventStream(events));
        Assert.Equal(events, read);
        var replayed = Journey.Replay(read, new FakeClock(JourneyScenario.Start));
        Assert.Equal(journey.ToSnapshot(), replayed.ToSnapshot());
    }

    [Property]
    public void Every_event_survives_a_trip_on_its_own(JourneyScenario scenario)
    {
        foreach (var e in scenario.Build().Journey.PendingEvents)
        {
            var bytes = Json.SerializeEvent(e);
            Assert.Equal(e, Json.DeserializeEvent(bytes));
            Assert.StartsWith("{\"type\":\"" + EventTypes.NameOf(e.GetType()) + "\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Property(Arbitrary = new[] { typeof(ShortJourneyArbitraries) }, MaxTest = 40)]
    public void Indented_documents_are_byte_stable_too(JourneyScenario scenario)
    {
        var bytes = Indented.SerializeDocument(scenario.Build().Journey.ToSnapshot());
        Assert.Equal(bytes, Indented.SerializeDocument(Indented.DeserializeDocument(bytes)));
        Assert.Equal(Json.DeserializeDocument(bytes), Indented.DeserializeDocument(bytes));
    }

    [Fact]
    public void Decimals_keep_every_digit_and_their_scale()
    {
        var values = new[] { 0.1m, 2.50m, 79228162514264337593543950335m, -79228162514264337593543950335m, 0.0000000000000000000000000001m, 1.0000000000000000000000000001m, 100m };
        foreach (var value in values)
        {
            var e = new OutOfDark.Events.ObservationRecorded(ActivityId.New(), WidgetId.New(), new NodaTime.LocalDate(2026, 1, 1), value) { Actor = "crm" };

            var read = Assert.IsType<OutOfDark.Events.ObservationRecorded>(Json.DeserializeEvent(Json.SerializeEvent(e)));

            Assert.Equal(value.ToString(System.Globalization.CultureInfo.InvariantCulture), read.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async System.Threading.Tasks.Task Stream_variants_read_what_they_write()
    {
        var journey = SampleJourneys.Store();
        using var document = new System.IO.MemoryStream();
        using var events = new System.IO.MemoryStream();

        await Json.SerializeDocumentAsync(document, journey.ToSnapshot());
        await Json.SerializeEventStreamAsync(events, journey.PendingEvents);
        document.Position = 0;
        events.Position = 0;

        Assert.Equal(journey.ToSnapshot(), await Json.DeserializeDocumentAsync(document));
        Assert.Equal(journey.PendingEvents, await Json.DeserializeEventStreamAsync(events));
    }

    [Fact]
    public void Instants_and_dates_are_written_as_iso_text()
    {
        var text = Encoding.UTF8.GetString(SampleJourneys.Document());

        Assert.Contains("\"createdAt\":\"2026-10-01T09:00:00Z\"", text, StringComparison.Ordinal);
        Assert.Contains("\"plannedStart\":\"2026-10-01\"", text, StringComparison.Ordinal);
        Assert.Contains("\"snoozedUntil\":\"2026-10-04T09:00:00Z\"", text, StringComparison.Ordinal);
    }
}

public sealed class NodaTimeTextTests
{
    private static readonly OutOfDark.Json.InstantJsonConverter Converter = new();
    private static readonly OutOfDark.Json.LocalDateJsonConverter DateConverter = new();

    private static string Write(NodaTime.Instant instant)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            Converter.Write(writer, instant, System.Text.Json.JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static NodaTime.Instant Read(string json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Converter.Read(ref reader, typeof(NodaTime.Instant), System.Text.Json.JsonSerializerOptions.Default);
    }

    /// <summary>Instants anywhere in the long range to the nanosecond, near 2026 to the 100 µs, and in 2026 to the minute.</summary>
    public static class Instants
    {
        public static Arbitrary<NodaTime.Instant> Any()
        {
            var nanos = ArbMap.Default.GeneratorFor<long>().Select(n => NodaTime.Instant.FromUnixTimeTicks(0) + NodaTime.Duration.FromNanoseconds(n));
            var ticks = ArbMap.Default.GeneratorFor<int>().Select(n => NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0) + NodaTime.Duration.FromTicks(n * 1_000L));
            return Gen.OneOf(nanos, ticks, JourneyGenerators.Instants()).ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(Instants) })]
    public void Instants_are_written_with_the_extended_iso_pattern_and_read_back(NodaTime.Instant instant)
    {
        var text = Write(instant);
        Assert.Equal("\"" + NodaTime.Text.InstantPattern.ExtendedIso.Format(instant) + "\"", text);
        Assert.Equal(instant, Read(text));
    }

    /// <summary>Every ISO date NodaTime has, years -9998 to 9999, and dates in 2026.</summary>
    public static class Dates
    {
        public static Arbitrary<NodaTime.LocalDate> Any()
        {
            var days = NodaTime.Period.Between(NodaTime.LocalDate.MinIsoValue, NodaTime.LocalDate.MaxIsoValue, NodaTime.PeriodUnits.Days).Days;
            var anywhere = Gen.Choose(0, days).Select(d => NodaTime.LocalDate.MinIsoValue.PlusDays(d));
            var recent = Gen.Choose(0, 364).Select(d => new NodaTime.LocalDate(2026, 1, 1).PlusDays(d));
            return Gen.OneOf(anywhere, recent).ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(Dates) })]
    public void Dates_are_written_with_the_iso_pattern_and_read_back(NodaTime.LocalDate date)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            DateConverter.Write(writer, date, System.Text.Json.JsonSerializerOptions.Default);
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal("\"" + NodaTime.Text.LocalDatePattern.Iso.Format(date) + "\"", text);
        var reader = new System.Text.Json.Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        Assert.Equal(date, DateConverter.Read(ref reader, typeof(NodaTime.LocalDate), System.Text.Json.JsonSerializerOptions.Default));
    }

    [Fact]
    public void A_date_outside_the_iso_calendar_is_not_written()
    {
        var julian = new NodaTime.LocalDate(2026, 3, 1, NodaTime.CalendarSystem.Julian);
        using var writer = new System.Text.Json.Utf8JsonWriter(new System.Buffers.ArrayBufferWriter<byte>());

        Assert.ThrowsAny<System.ArgumentException>(() => DateConverter.Write(writer, julian, System.Text.Json.JsonSerializerOptions.Default));
    }

    [Theory]
    [InlineData("\"2026-02-29T00:00:00Z\"")]
    [InlineData("\"2026-13-01T00:00:00Z\"")]
    [InlineData("\"2026-01-01T09:00:00+01:00\"")]
    [InlineData("\"2026-01-01 09:00:00Z\"")]
    public void Instants_that_are_not_extended_iso_utc_are_refused(string json)
    {
        Assert.Throws<System.Text.Json.JsonException>(() => Read(json));
    }

    [Theory]
    [InlineData("createdAt", "\"yesterday\"", "$.createdAt", "\"yesterday\" is not an instant: expected an ISO-8601 UTC date and time such as \"2026-03-01T09:30:00Z\".")]
    [InlineData("createdAt", "\"2026-10-01T09:00:00+02:00\"", "$.createdAt", "\"2026-10-01T09:00:00+02:00\" is not an instant: expected an ISO-8601 UTC date and time such as \"2026-03-01T09:30:00Z\".")]
    [InlineData("lastChangedAt", "20261001", "$.lastChangedAt", "An instant must be a string; found a number.")]
    public void A_bad_instant_in_a_document_is_refused_with_its_path_and_the_expected_form(string property, string value, string path, string problem)
    {
        var document = SampleJourneys.DocumentNode();
        document[property] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("createdAt", "\"2026-10-01 09:00\"", "$.activities[0].createdAt", "\"2026-10-01 09:00\" is not an instant: expected an ISO-8601 UTC date and time such as \"2026-03-01T09:30:00Z\".")]
    [InlineData("lastChangedAt", "null", "$.activities[0].lastChangedAt", "An instant must be a string; found null.")]
    public void A_bad_instant_on_an_activity_is_refused_with_its_path_and_the_expected_form(string property, string value, string path, string problem)
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![0]![property] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal(path, ex.Path);
        Assert.StartsWith(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2026-02-30\"", "\"2026-02-30\" is not a date: expected an ISO-8601 date such as \"2026-03-01\".")]
    [InlineData("\"01.10.2026\"", "\"01.10.2026\" is not a date: expected an ISO-8601 date such as \"2026-03-01\".")]
    [InlineData("true", "A date must be a string; found a boolean.")]
    public void A_bad_planned_date_is_refused_with_its_path_and_the_expected_form(string value, string problem)
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![0]!["details"]!["plannedStart"] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("$.activities[0].details.plannedStart", ex.Path);
        Assert.StartsWith(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_observation_date_names_the_observation_and_the_expected_form()
    {
        var document = SampleJourneys.DocumentNode();
        document["activities"]![0]!["widgets"]![0]!["observations"]![1]!["date"] = "2026-1-2";

        var ex = Assert.Throws<JourneyFormatException>(() => JourneyJsonSerializer.Default.DeserializeDocument(SampleJourneys.Bytes(document)));

        Assert.Equal("$.activities[0].widgets[0].observations[1].date", ex.Path);
        Assert.StartsWith("\"2026-1-2\" is not a date: expected an ISO-8601 date such as \"2026-03-01\".", ex.Problem, StringComparison.Ordinal);
    }
}
