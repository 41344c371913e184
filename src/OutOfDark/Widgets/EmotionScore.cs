using System;

namespace OutOfDark;

/// <summary>
/// How a persona feels, on the five-step scale −2 (very negative), −1 (negative), 0 (neutral), +1 (positive),
/// +2 (very positive). The default value is neutral.
/// </summary>
/// <remarks>Immutable and thread-safe. The scale maps one-to-one onto Mermaid's journey scores 1–5.</remarks>
public readonly record struct EmotionScore : IComparable<EmotionScore>
{
    /// <summary>The lowest value on the scale.</summary>
    public const int MinValue = -2;

    /// <summary>The highest value on the scale.</summary>
    public const int MaxValue = 2;

    /// <summary>Creates a score.</summary>
    /// <param name="value">The value, from −2 to +2.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is outside −2 to +2.</exception>
    public EmotionScore(int value)
    {
        if (value is < MinValue or > MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"An emotion score is from {MinValue} (very negative) to {MaxValue} (very positive).");
        }

        Value = value;
    }

    /// <summary>The value, from −2 to +2.</summary>
    public int Value { get; }

    /// <summary>−2: very negative, a pain point.</summary>
    public static EmotionScore VeryNegative => new(-2);

    /// <summary>−1: negative.</summary>
    public static EmotionScore Negative => new(-1);

    /// <summary>0: neutral.</summary>
    public static EmotionScore Neutral => new(0);

    /// <summary>+1: positive.</summary>
    public static EmotionScore Positive => new(1);

    /// <summary>+2: very positive, a moment of delight.</summary>
    public static EmotionScore VeryPositive => new(2);

    /// <inheritdoc />
    public int CompareTo(EmotionScore other) => Value.CompareTo(other.Value);

    /// <summary>Returns the value with its sign, for example <c>-2</c> or <c>+1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value > 0 ? "+" + Value : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Compares two scores.</summary>
    public static bool operator <(EmotionScore left, EmotionScore right) => left.Value < right.Value;

    /// <summary>Compares two scores.</summary>
    public static bool operator >(EmotionScore left, EmotionScore right) => left.Value > right.Value;

    /// <summary>Compares two scores.</summary>
    public static bool operator <=(EmotionScore left, EmotionScore right) => left.Value <= right.Value;

    /// <summary>Compares two scores.</summary>
    public static bool operator >=(EmotionScore left, EmotionScore right) => left.Value >= right.Value;
}
