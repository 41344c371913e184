namespace OutOfDark.Warnings;

/// <summary>
/// The base of every rule's settings: plain data (primitives, decimals, NodaTime values) that a host can store and let
/// its users tune per journey, with per-activity overrides.
/// </summary>
/// <remarks>Settings records are immutable; derive a changed copy with <c>with</c>. Thread-safe.</remarks>
public abstract record RuleSettings
{
    /// <summary>Whether the rule runs at all. A disabled rule raises nothing and clears what it raised.</summary>
    public bool Enabled { get; init; } = true;
}
