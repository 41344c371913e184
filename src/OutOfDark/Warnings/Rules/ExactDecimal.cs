using System;

namespace OutOfDark.Warnings;

/// <summary>
/// A decimal that equals another only when both value and scale are equal (1.0 is not 1.00), as their invariant text
/// differs: what a rule's facts hold when equal facts must write equal evidence.
/// </summary>
/// <param name="Value">The number.</param>
internal readonly record struct ExactDecimal(decimal Value)
{
    public bool Equals(ExactDecimal other) => Value == other.Value && Value.Scale == other.Value.Scale;

    public override int GetHashCode() => HashCode.Combine(Value, Value.Scale);

    public static implicit operator ExactDecimal(decimal value) => new(value);

    public static implicit operator decimal(ExactDecimal value) => value.Value;
}
