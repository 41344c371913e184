using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime.Testing;
using OutOfDark.Events;
using OutOfDark.Json;
using OutOfDark.Testing;

namespace OutOfDark.Benchmarks.Json;

/// <summary>Replaying 100,000 events into a journey; figures are per event.</summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private const int Count = 100_000;
    private IReadOnlyList<JourneyEvent> _events = null!;
    private byte[] _stream = null!;

    /// <summary>Builds the events and their event-stream document once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _events = SyntheticJourneys.Events(Count);
        _stream = JourneyJsonSerializer.Default.SerializeEventStream(_events);
    }

    /// <summary>The floor: visiting every event once, with a type test.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public int VisitEvents()
    {
        var n = 0;
        foreach (var e in _events)
        {
            if (e is ObservationRecorded)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Replaying the events into a journey, every rule checked.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Journey ReplayEvents() => Journey.Replay(_events, FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));

    /// <summary>Reading the event-stream document and replaying it.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    public Journey ReadAndReplayEventStream() => JourneyJsonSerializer.Default.ReplayEventStream(_stream, FakeClock.FromUtc(2026, 1, 1, 9, 0, 0));
}
