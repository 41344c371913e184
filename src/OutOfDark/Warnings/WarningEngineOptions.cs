using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>How a <see cref="WarningEngine"/> behaves.</summary>
public sealed record WarningEngineOptions
{
    /// <summary>The default options: failures are data, dates are UTC.</summary>
    public static WarningEngineOptions Default { get; } = new();

    /// <summary>
    /// When <see langword="true"/>, a failing rule stops the evaluation with a <see cref="WarningRuleException"/> instead
    /// of being recorded as a <see cref="RuleFailure"/>. The engine's results stay as they were before the evaluation.
    /// </summary>
    public bool RethrowRuleFailures { get; init; }

    /// <summary>
    /// How long after a warning clears a re-raise still continues its episode: when the same rule raises it again about
    /// the same subject within this window, at no higher severity, the status people recorded (an acknowledgement, a
    /// resolution, a snooze until its end) keeps applying and <see cref="Warning.RaisedAt"/> stays the episode's start.
    /// Default <see cref="Duration.Zero"/>: every re-raise after a clear starts a new episode. Must not be negative
    /// (the engine's constructor throws <see cref="System.ArgumentException"/>). Measured on the engine's clock.
    /// </summary>
    public Duration AcknowledgementCarryOver { get; init; } = Duration.Zero;

    /// <summary>The time zone that decides which date "today" is for date-based rules (overdue, stale data).</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;
}
