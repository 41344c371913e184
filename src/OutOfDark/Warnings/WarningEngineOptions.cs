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

    /// <summary>The time zone that decides which date "today" is for date-based rules (overdue, stale data).</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZone.Utc;
}
