using System.Diagnostics;
using NodaTime;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// A clock that starts at a configured instant and runs on in real time, so the seeded sample data (which ends on a
/// fixed date) looks current while snoozes and history still move forward.
/// </summary>
/// <param name="start">The instant the clock shows when the host starts.</param>
internal sealed class RunningClock(Instant start) : IClock
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public Instant GetCurrentInstant() => start + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(_startedAt));
}
