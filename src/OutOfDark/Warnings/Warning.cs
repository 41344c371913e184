using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>
/// A flag on a journey, phase or activity that needs attention: what a rule found, how severe it is, a message a
/// manager can read without knowing the rule, and the evidence behind it.
/// </summary>
/// <remarks>A warning's identity is its <see cref="Key"/> (rule and subject), so its lifecycle survives re-evaluation.</remarks>
/// <param name="Key">The rule and subject.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Message">What is wrong, for example "Open rate fell to 12 % — warning threshold 18 %".</param>
public sealed record Warning(WarningKey Key, WarningSeverity Severity, string Message)
{
    /// <summary>The values behind the warning: observed values, thresholds, dates, counts.</summary>
    public ValueList<WarningEvidence> Evidence { get; init; } = ValueList<WarningEvidence>.Empty;

    /// <summary>When the condition was first seen to hold in its current episode.</summary>
    public Instant RaisedAt { get; init; }
}
