using System;

namespace OutOfDark.Warnings;

/// <summary>
/// Decimal arithmetic for the built-in rules that cannot overflow: sums, differences and quotients of any decimal values
/// (up to ±79228162514264337593543950335) are computed exactly as the plain operators do whenever the result fits, and
/// otherwise become the nearest decimal limit (±<see cref="decimal.MaxValue"/>). Ordinary values take the plain
/// operators after one or two comparisons; only results beyond the decimal range take the fallback.
/// </summary>
internal static class Saturating
{
    /// <summary>The largest numerator whose quotient by a divisor of at least 1, times 100, fits a decimal.</summary>
    private const decimal SafePercentNumerator = 792_281_625_142_643_375_935_439_503m;

    /// <summary>The largest magnitude, as a double, that converts to a decimal without overflow (below <see cref="decimal.MaxValue"/>).</summary>
    private const double LargestConvertible = 7.9e28;

    /// <summary><c>a + b</c>, or ±<see cref="decimal.MaxValue"/> when the sum is beyond the decimal range.</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns>The sum, saturated at the decimal limits.</returns>
    public static decimal Add(decimal a, decimal b)
    {
        if (a >= 0 && b >= 0)
        {
            return a > decimal.MaxValue - b ? decimal.MaxValue : a + b;
        }

        if (a <= 0 && b <= 0)
        {
            return a < decimal.MinValue - b ? decimal.MinValue : a + b;
        }

        return a + b;
    }

    /// <summary><c>a - b</c>, or ±<see cref="decimal.MaxValue"/> when the difference is beyond the decimal range.</summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The value taken away.</param>
    /// <returns>The difference, saturated at the decimal limits.</returns>
    public static decimal Subtract(decimal a, decimal b) => Add(a, -b);

    /// <summary>Whether <c>a + b</c> is within the decimal range (<see cref="Add"/> did not saturate).</summary>
    /// <param name="a">The first value.</param>
    /// <param name="b">The second value.</param>
    /// <returns><see langword="true"/> when the plain sum does not overflow.</returns>
    public static bool CanAdd(decimal a, decimal b) =>
        (a >= 0 && b >= 0) ? a <= decimal.MaxValue - b : (a > 0 || b > 0 || a >= decimal.MinValue - b);

    /// <summary>
    /// <c>a - b</c> as a double: the exact decimal difference converted when it fits, the difference of the converted
    /// values when it does not (fifteen significant digits either way).
    /// </summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The value taken away.</param>
    /// <returns>The difference.</returns>
    public static double Gap(decimal a, decimal b) => CanAdd(a, -b) ? (double)(a - b) : (double)a - (double)b;

    /// <summary>
    /// <c>numerator / |denominator| * 100</c>: <paramref name="numerator"/> in percent of the magnitude of
    /// <paramref name="denominator"/>, saturated at the decimal limits (a tiny denominator makes a huge percentage).
    /// </summary>
    /// <param name="numerator">The change or part.</param>
    /// <param name="denominator">The whole; must not be zero.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is zero.</exception>
    public static decimal Percent(decimal numerator, decimal denominator)
    {
        var whole = Math.Abs(denominator);
        if (whole >= 1m && Math.Abs(numerator) <= SafePercentNumerator)
        {
            return numerator / whole * 100m;
        }

        return Quotient(numerator, whole, 100d);
    }

    /// <summary>
    /// <c>(a - b) / |whole| * 100</c>: a difference in percent of a whole, saturated at the decimal limits. When the
    /// difference itself is beyond the decimal range, the percentage is computed in double (fifteen significant digits).
    /// </summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The value taken away.</param>
    /// <param name="whole">The whole; must not be zero.</param>
    /// <returns>The percentage.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="whole"/> is zero.</exception>
    public static decimal PercentOfDifference(decimal a, decimal b, decimal whole) =>
        CanAdd(a, -b) ? Percent(a - b, whole) : ToDecimal(((double)a - (double)b) / Math.Abs((double)whole) * 100d);

    /// <summary>
    /// <c>(a - b) / denominator</c>, saturated at the decimal limits; computed in double (fifteen significant digits) when
    /// the difference itself is beyond the decimal range.
    /// </summary>
    /// <param name="a">The value.</param>
    /// <param name="b">The value taken away.</param>
    /// <param name="denominator">The divisor; must not be zero.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is zero.</exception>
    public static decimal DivideDifference(decimal a, decimal b, decimal denominator) =>
        CanAdd(a, -b) ? Divide(a - b, denominator) : ToDecimal(((double)a - (double)b) / (double)denominator);

    /// <summary><c>numerator / denominator</c>, saturated at the decimal limits.</summary>
    /// <param name="numerator">The value divided.</param>
    /// <param name="denominator">The divisor; must not be zero.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="denominator"/> is zero.</exception>
    public static decimal Divide(decimal numerator, decimal denominator)
    {
        if (Math.Abs(denominator) >= 1m)
        {
            return numerator / denominator;
        }

        return Quotient(numerator, denominator, 1d);
    }

    /// <summary>A double as the nearest decimal: ±<see cref="decimal.MaxValue"/> beyond the decimal range.</summary>
    /// <param name="value">A finite value.</param>
    /// <returns>The decimal.</returns>
    public static decimal ToDecimal(double value) =>
        value >= LargestConvertible ? decimal.MaxValue : value <= -LargestConvertible ? decimal.MinValue : (decimal)value;

    /// <summary>
    /// <c>numerator / denominator * factor</c> off the fast path: exact in decimal when the double estimate is well inside
    /// the decimal range, the saturated limit when it is beyond.
    /// </summary>
    private static decimal Quotient(decimal numerator, decimal denominator, double factor)
    {
        if (denominator == 0m)
        {
            throw new DivideByZeroException("The denominator of a rule's quotient is zero.");
        }

        var estimate = (double)numerator / (double)denominator * factor;
        if (Math.Abs(estimate) < LargestConvertible / 2)
        {
            // Well inside the range (a double is off by far less than the margin): the plain operators cannot overflow.
            return factor == 1d ? numerator / denominator : numerator / denominator * (decimal)factor;
        }

        return ToDecimal(estimate);
    }
}
