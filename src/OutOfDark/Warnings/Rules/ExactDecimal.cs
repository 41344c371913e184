using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OutOfDark.Warnings;

/// <summary>
/// A decimal that equals another only when both value and scale are equal (1.0 is not 1.00), as their invariant text
/// differs: what a rule's facts hold when equal facts must write equal evidence.
/// </summary>
/// <param name="Value">The number.</param>
internal readonly record struct ExactDecimal(decimal Value)
{
    /// <summary>
    /// Equal value and scale. Identical bits are both (the common case of a kept warning's facts, decided without the
    /// runtime's decimal comparison); different bits can still be an equal value with the same scale only as zero with
    /// either sign, which the full comparison decides.
    /// </summary>
    public bool Equals(ExactDecimal other) =>
        DecimalOrder.SameBits(Value, other.Value) || (Value == other.Value && Value.Scale == other.Value.Scale);

    public override int GetHashCode() => HashCode.Combine(Value, Value.Scale);

    public static implicit operator ExactDecimal(decimal value) => new(value);

    public static implicit operator decimal(ExactDecimal value) => value.Value;
}

/// <summary>
/// Decimal comparisons that decide the common case — two values with the same sign and scale below 2^64 in magnitude,
/// as a metric's observations and thresholds are — on their 64-bit magnitudes, and leave every other case to the
/// runtime's comparison. Same results as the operators, for every pair.
/// </summary>
internal static class DecimalOrder
{
    /// <summary>Whether <paramref name="a"/> is less than <paramref name="b"/>: <c>a &lt; b</c>.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>Whether a is less.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Less(decimal a, decimal b)
    {
        ref readonly var x = ref Layout(in a);
        ref readonly var y = ref Layout(in b);
        if ((x.High | y.High) == 0 && (x.Flags ^ y.Flags) >= 0)
        {
            // Same sign, magnitudes below 2^64: the magnitudes order them, reversed when both are negative.
            var diff = ((x.Flags >> 16) & 0xFF) - ((y.Flags >> 16) & 0xFF);
            if (diff == 0)
            {
                return x.Flags >= 0 ? x.Low < y.Low : x.Low > y.Low;
            }

            if ((uint)(diff + 19) <= 38)
            {
                return LessScaled(in x, in y, diff);
            }
        }

        return a < b;
    }

    /// <summary>
    /// <see cref="Less"/> for two values of the same sign whose scales differ by <paramref name="diff"/> (at most 19 either
    /// way): the magnitude with fewer decimals is brought to the other's scale, exactly, in 128 bits.
    /// </summary>
    private static bool LessScaled(ref readonly Bits x, ref readonly Bits y, int diff)
    {
        int order;
        if (diff > 0)
        {
            var high = Math.BigMul(y.Low, Powers[diff], out var low);
            order = high != 0 ? -1 : x.Low.CompareTo(low);
        }
        else
        {
            var high = Math.BigMul(x.Low, Powers[-diff], out var low);
            order = high != 0 ? 1 : low.CompareTo(y.Low);
        }

        return x.Flags >= 0 ? order < 0 : order > 0;
    }

    /// <summary>10^0 to 10^19, the powers of ten below 2^64.</summary>
    private static readonly ulong[] Powers = [.. Enumerable.Range(0, 20).Select(static p => Power(p))];

    private static ulong Power(int exponent)
    {
        var power = 1UL;
        for (var i = 0; i < exponent; i++)
        {
            power *= 10;
        }

        return power;
    }

    /// <summary>Whether two decimals have identical bits: the same value with the same scale and sign.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>Whether the bits are identical.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameBits(decimal a, decimal b)
    {
        ref readonly var x = ref Layout(in a);
        ref readonly var y = ref Layout(in b);
        return x.Flags == y.Flags && x.High == y.High && x.Low == y.Low;
    }

    // A decimal's memory layout is the OLE Automation DECIMAL that interop marshals it as: the flags (scale in bits 16-23,
    // sign in bit 31), the high 32 bits of the 96-bit magnitude, then its low 64 bits.
    private static ref readonly Bits Layout(ref readonly decimal value) => ref Unsafe.As<decimal, Bits>(ref Unsafe.AsRef(in value));

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Bits
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;
    }
}
