using System.Diagnostics;
using NodaTime;

namespace OutOfDark.Samples.Cluster;

/// <summary>A clock that starts at an instant and runs on in real time (the web sample's clock, so both agree on "now").</summary>
internal sealed class RunningClock(Instant start) : IClock
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public Instant GetCurrentInstant() => start + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(_startedAt));
}
