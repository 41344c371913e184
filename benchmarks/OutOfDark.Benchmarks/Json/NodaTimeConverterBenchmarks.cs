using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using OutOfDark.Json;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Json;

/// <summary>
/// The NodaTime values of the <see cref="JourneyDocumentBenchmarks"/> journey (100,000 observation dates, 20,000
/// activity instants) written and read by NodaTime.Serialization.SystemTextJson's converters (the baseline) and by
/// OutOfDark.Json's, which take a hand-written path for whole-second instants and <c>yyyy-MM-dd</c> dates.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NodaTimeConverterBenchmarks
{
    private static readonly JsonSerializerOptions Options = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(4 << 20);
    private readonly InstantJsonConverter _instants = new();
    private readonly LocalDateJsonConverter _dates = new();
    private LocalDate[] _dateValues = [];
    private Instant[] _instantValues = [];
    private byte[] _dateJson = [];
    private byte[] _instantJson = [];

    /// <summary>Collects the values and writes them once as two JSON arrays of strings.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var snapshot = SyntheticJourneys.Snapshot(10_000, 10);
        _dateValues = [.. snapshot.Activities.SelectMany(a => a.Widgets.OfType<MetricWidget>()).SelectMany(m => m.Observations).Select(o => o.Date)];
        _instantValues = [.. snapshot.Activities.SelectMany(a => new[] { a.CreatedAt, a.LastChangedAt })];
        _dateJson = WriteArray(_dateValues, NodaConverters.LocalDateConverter);
        _instantJson = WriteArray(_instantValues, NodaConverters.InstantConverter);
    }

    /// <summary>NodaTime.Serialization.SystemTextJson writing every date and instant.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Write")]
    public int WriteWithLibraryConverters() => Write(NodaConverters.LocalDateConverter, NodaConverters.InstantConverter);

    /// <summary>OutOfDark.Json writing the same.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark]
    [BenchmarkCategory("Write")]
    public int WriteWithOutOfDarkConverters() => Write(_dates, _instants);

    /// <summary>NodaTime.Serialization.SystemTextJson reading every date and instant.</summary>
    /// <returns>A checksum of what was read.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Read")]
    public long ReadWithLibraryConverters() => Read(NodaConverters.LocalDateConverter, NodaConverters.InstantConverter);

    /// <summary>OutOfDark.Json reading the same.</summary>
    /// <returns>A checksum of what was read.</returns>
    [Benchmark]
    [BenchmarkCategory("Read")]
    public long ReadWithOutOfDarkConverters() => Read(_dates, _instants);

    private static byte[] WriteArray<T>(IEnumerable<T> values, JsonConverter<T> converter)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                converter.Write(writer, value, Options);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private int Write(JsonConverter<LocalDate> dates, JsonConverter<Instant> instants)
    {
        _buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_buffer);
        writer.WriteStartArray();
        foreach (var date in _dateValues)
        {
            dates.Write(writer, date, Options);
        }

        foreach (var instant in _instantValues)
        {
            instants.Write(writer, instant, Options);
        }

        writer.WriteEndArray();
        writer.Flush();
        return _buffer.WrittenCount;
    }

    private long Read(JsonConverter<LocalDate> dates, JsonConverter<Instant> instants)
    {
        long sum = 0;
        var reader = new Utf8JsonReader(_dateJson);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            sum += dates.Read(ref reader, typeof(LocalDate), Options).Day;
        }

        reader = new Utf8JsonReader(_instantJson);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            sum += instants.Read(ref reader, typeof(Instant), Options).ToUnixTimeSeconds() & 0xFF;
        }

        return sum;
    }
}
