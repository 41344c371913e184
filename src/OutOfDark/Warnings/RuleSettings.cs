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

    /// <summary>
    /// Says what is wrong with these settings (a value out of its documented range), or <see langword="null"/> when
    /// they are usable. The engine checks every configured settings object with it and refuses a wrong one with an
    /// <see cref="System.ArgumentException"/> naming the rule; override it in a rule's own settings record.
    /// </summary>
    /// <returns>A sentence naming the setting, its value and its range, or <see langword="null"/>.</returns>
    public virtual string? Validate() => null;

    /// <summary>Says that <paramref name="value"/> lies outside <paramref name="min"/>…<paramref name="max"/>, or nothing.</summary>
    /// <param name="name">The setting's name.</param>
    /// <param name="value">Its value.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    /// <returns>The sentence, or <see langword="null"/> when the value is in range.</returns>
    protected static string? Range(string name, decimal value, decimal min, decimal max) =>
        value < min || value > max ? $"{name} is {value}; it must be from {min} to {max}." : null;
}
