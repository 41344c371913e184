using System;
using NodaTime;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>How the due-recheck service (<see cref="DueRecheckService"/>) paces itself.</summary>
/// <remarks>Read once when the service is created; not thread-safe while being configured.</remarks>
public sealed class DueRecheckOptions
{
    /// <summary>
    /// The longest the service sleeps between passes, even when nothing is due sooner: also how soon it notices journeys
    /// changed by other processes, and how soon the read model repairs a write that was lost. One minute unless set;
    /// from <see cref="MinInterval"/> to 1 day.
    /// </summary>
    public Duration MaxInterval { get; set; } = Duration.FromMinutes(1);

    /// <summary>
    /// The shortest pause between passes, so an instant that stays due never spins the processor. Unless set, one
    /// second or <see cref="MaxInterval"/> if that is shorter; 0 to <see cref="MaxInterval"/>.
    /// </summary>
    public Duration MinInterval
    {
        get => _minInterval ?? (MaxInterval < DefaultMinInterval ? MaxInterval : DefaultMinInterval);
        set => _minInterval = value;
    }

    private static readonly Duration DefaultMinInterval = Duration.FromSeconds(1);

    private Duration? _minInterval;

    /// <summary>Checks the ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An interval is out of its range; the message names it and the range.</exception>
    internal void Validate()
    {
        if (MaxInterval <= Duration.Zero || MaxInterval > Duration.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterval), MaxInterval, "DueRecheckOptions.MaxInterval must be above 0 and at most 1 day.");
        }

        if (MinInterval < Duration.Zero || MinInterval > MaxInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MinInterval), MinInterval, $"DueRecheckOptions.MinInterval must be from 0 to MaxInterval ({MaxInterval}); lower MinInterval or raise MaxInterval.");
        }
    }
}
