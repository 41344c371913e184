namespace OutOfDark.Warnings;

/// <summary>What one evaluation did: whether it was full, how much it checked, and what changed.</summary>
/// <param name="Full">Whether every subject was evaluated (the first evaluation, after a settings change, or when the new events were not available).</param>
/// <param name="Checks">How many rule × subject evaluations ran.</param>
/// <param name="Raised">How many warnings appeared.</param>
/// <param name="Changed">How many present warnings changed severity, message or evidence.</param>
/// <param name="Cleared">How many warnings cleared themselves.</param>
/// <param name="Failures">How many rule evaluations failed in this evaluation.</param>
public sealed record WarningEvaluation(bool Full, int Checks, int Raised, int Changed, int Cleared, int Failures);
