using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark;

/// <summary>
/// Thrown when a command or an event would break one of the journey's rules (an invariant). The journey is left unchanged.
/// </summary>
/// <remarks><see cref="Rule"/> is a stable code for programs; the message is for people and names the ids involved.</remarks>
public sealed class JourneyRuleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">The stable code of the rule broken, one of the <see cref="JourneyRules"/> constants.</param>
    /// <param name="message">What is wrong, in words a person can act on.</param>
    /// <param name="subjects">The ids (or other values) the rule was about.</param>
    public JourneyRuleException(string rule, string message, params object[] subjects)
        : base(message)
    {
        Guard.Against.Null(rule);
        Guard.Against.Null(subjects);
        Rule = rule;
        Subjects = subjects;
    }

    /// <summary>Creates the exception with a generic code, for serializers and tools.</summary>
    public JourneyRuleException()
        : this(JourneyRules.Invalid, "The journey rule was broken.")
    {
    }

    /// <summary>Creates the exception with a generic code, for serializers and tools.</summary>
    /// <param name="message">What is wrong.</param>
    public JourneyRuleException(string message)
        : this(JourneyRules.Invalid, message)
    {
    }

    /// <summary>Creates the exception with a generic code, for serializers and tools.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = JourneyRules.Invalid;
        Subjects = [];
    }

    /// <summary>The stable code of the rule broken, one of the <see cref="JourneyRules"/> constants.</summary>
    public string Rule { get; }

    /// <summary>The ids (or other values) the rule was about, most specific first.</summary>
    public IReadOnlyList<object> Subjects { get; }

    /// <summary>
    /// Where the refused value sits in the <see cref="JourneySnapshot"/> the journey was being restored from
    /// (<see cref="Journey.FromSnapshot"/>): property names and list indexes from the snapshot down, for example
    /// <c>Opportunities[0].Scores.Effort</c> or <c>Phases[1].Metrics[0].Segments[1].Observations[0].Answers</c>, so that a
    /// reader of a stored document can point at the member. <see langword="null"/> for commands and events, and for
    /// snapshot refusals not yet located this way.
    /// </summary>
    public string? SnapshotPath { get; init; }
}
