using System;

namespace OutOfDark.Warnings;

/// <summary>A rule failed and the host chose <see cref="WarningEngineOptions.RethrowRuleFailures"/>; the rule's exception is inside.</summary>
public sealed class WarningRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="subject">What it was evaluating.</param>
    /// <param name="innerException">What it threw.</param>
    public WarningRuleException(RuleId rule, WarningSubject subject, Exception innerException)
        : base($"Warning rule '{rule}' failed on {subject}: {innerException?.Message}", innerException)
    {
        Rule = rule;
        Subject = subject;
    }

    /// <summary>Creates the exception.</summary>
    public WarningRuleException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public WarningRuleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WarningRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The rule that failed.</summary>
    public RuleId Rule { get; }

    /// <summary>What it was evaluating.</summary>
    public WarningSubject Subject { get; }
}
