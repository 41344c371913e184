using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>What a rule found for one subject: a warning or none, and for time-based rules when to look again.</summary>
/// <remarks>A small immutable value; returning "no warning" allocates nothing.</remarks>
public readonly struct RuleResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="warning">The warning, or <see langword="null"/> when the condition does not hold.</param>
    /// <param name="recheckAt">When the result may next change with time alone, or <see langword="null"/> when only changes to the journey can change it.</param>
    public RuleResult(Warning? warning, Instant? recheckAt = null)
    {
        Warning = warning;
        RecheckAt = recheckAt;
    }

    /// <summary>No warning, and nothing changes with time.</summary>
    public static RuleResult None => default;

    /// <summary>The warning, or <see langword="null"/> when the condition does not hold.</summary>
    public Warning? Warning { get; }

    /// <summary>
    /// When the result may next change with time alone (a time-based rule's due instant), or <see langword="null"/>.
    /// The engine evaluates the rule for this subject again once the clock reaches it, and not before unless the subject changes.
    /// </summary>
    public Instant? RecheckAt { get; }

    /// <summary>Returns the same warning with another recheck instant.</summary>
    /// <param name="recheckAt">The recheck instant.</param>
    /// <returns>The result.</returns>
    public RuleResult WithRecheckAt(Instant? recheckAt) => new(Warning, recheckAt);
}
