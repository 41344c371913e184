using System.Diagnostics;
using NodaTime;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// A clock that starts at a configured instant and runs on in real time, so the seeded sample data (which ends on a
/// fixed date) looks current while snoozes and history still move forward. On a store that already holds later changes
/// (the sample restarted on its database), it starts after the latest of them instead (<see cref="StartAfter"/>), so
/// time never goes backwards between runs.
/// </summary>
/// <param name="start">The instant the clock shows when the host starts.</param>
internal sealed class RunningClock(Instant start) : IClock
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly System.Threading.Lock _gate = new();
    private Instant _start = start;

    public Instant GetCurrentInstant()
    {
        lock (_gate)
        {
            return _start + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(_startedAt));
        }
    }

    /// <summary>
    /// Moves the clock on so that it shows one second after <paramref name="latest"/> now, when it shows
    /// <paramref name="latest"/> or earlier; a clock already later is left alone. Called once at startup, before any
    /// request.
    /// </summary>
    /// <param name="latest">The latest instant the store holds a change at.</param>
    public void StartAfter(Instant latest)
    {
        lock (_gate)
        {
            var now = _start + Duration.FromTimeSpan(Stopwatch.GetElapsedTime(_startedAt));
            if (now <= latest)
            {
                _start += latest - now + Duration.FromSeconds(1);
            }
        }
    }
}
