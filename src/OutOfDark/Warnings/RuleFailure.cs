using System;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>A rule that threw or was cancelled while evaluating a subject. Failure is data: every other rule still ran.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Subject">What it was evaluating.</param>
/// <param name="Exception">What it threw.</param>
/// <param name="At">When.</param>
public sealed record RuleFailure(RuleId Rule, WarningSubject Subject, Exception Exception, Instant At)
{
    /// <summary>Describes the failure for a log.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Rule '{Rule}' failed on {Subject}: {Exception.GetType().Name}: {Exception.Message}";
}
