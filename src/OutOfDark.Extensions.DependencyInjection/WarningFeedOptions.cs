using System;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>How <see cref="WarningFeedDispatcherService"/> delivers the warning feed.</summary>
public sealed class WarningFeedOptions
{
    /// <summary>How long a subscriber waits before looking again once it has every change; 1 second by default (10 ms to 1 hour).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The wait after a failed delivery, doubled after each further failure in a row up to <see cref="MaxFailureDelay"/>;
    /// 1 second by default (10 ms to 1 hour).
    /// </summary>
    public TimeSpan FailureDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait after failed deliveries; 5 minutes by default (at least <see cref="FailureDelay"/>).</summary>
    public TimeSpan MaxFailureDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Changes delivered between cursor moves (what a crash may deliver again): 1 to 10,000, 100 by default.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of its range; the message names it.</exception>
    internal void Validate()
    {
        Check(PollInterval, nameof(PollInterval));
        Check(FailureDelay, nameof(FailureDelay));
        if (MaxFailureDelay < FailureDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxFailureDelay), MaxFailureDelay, $"WarningFeedOptions.MaxFailureDelay ({MaxFailureDelay}) must be at least FailureDelay ({FailureDelay}).");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "WarningFeedOptions.BatchSize must be 1 to 10000.");
        }

        static void Check(TimeSpan value, string name)
        {
            if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromHours(1))
            {
                throw new ArgumentOutOfRangeException(name, value, $"WarningFeedOptions.{name} must be 10 ms to 1 hour; it is {value}.");
            }
        }
    }
}
