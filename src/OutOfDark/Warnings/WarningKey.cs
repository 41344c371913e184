namespace OutOfDark.Warnings;

/// <summary>A warning's identity: the rule that raised it and the subject it is about. It survives re-evaluation.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Subject">The subject.</param>
public readonly record struct WarningKey(RuleId Rule, WarningSubject Subject)
{
    /// <summary>Returns <c>rule@subject</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Rule}@{Subject}";
}
