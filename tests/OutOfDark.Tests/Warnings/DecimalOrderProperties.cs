using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Warnings;

/// <summary>The engine's fast decimal comparisons give the operators' answers for every pair.</summary>
public class DecimalOrderProperties
{
    /// <summary>
    /// Decimals of every sign and scale: small values at 0 to 28 decimals (equal values at different scales among them),
    /// zeros of both signs, values near 2^64 and the 96-bit extremes.
    /// </summary>
    public static class Decimals
    {
        public static Arbitrary<decimal> Values() => Gen.OneOf(
            Gen.Choose(-100_000, 100_000).SelectMany(n => Gen.Choose(0, 28).Select(scale => new decimal(System.Math.Abs(n), 0, 0, n < 0, (byte)scale))),
            Gen.Choose(-2_000, 2_000).SelectMany(n => Gen.Choose(0, 4).Select(scale => n / Pow(scale) * Pow(scale) / Pow(scale))),
            Gen.Elements(0m, -0m, 0.00m, new decimal(0, 0, 0, true, 3), 18m, 18.00m, 12.34m, -12.340m, decimal.MaxValue, decimal.MinValue,
                18_446_744_073_709_551_615m, 18_446_744_073_709_551_616m, -18_446_744_073_709_551_615m, 1_844_674_407_370_955_161.5m,
                0.0000000000000000000000000001m, 10_000_000_000_000_000_000m, 1m / 3m)).ToArbitrary();

        private static decimal Pow(int scale) => Enumerable.Repeat(10m, scale).Aggregate(1m, (p, t) => p * t);
    }

    [Property(Arbitrary = new[] { typeof(Decimals) }, MaxTest = 2000)]
    public bool Less_answers_as_the_less_than_operator(decimal a, decimal b) =>
        DecimalOrder.Less(a, b) == (a < b) && DecimalOrder.Less(b, a) == (b < a);

    [Property(Arbitrary = new[] { typeof(Decimals) }, MaxTest = 2000)]
    public bool Exact_decimals_are_equal_when_value_and_scale_are(decimal a, decimal b) =>
        new ExactDecimal(a).Equals(new ExactDecimal(b)) == (a == b && a.Scale == b.Scale)
        && new ExactDecimal(a).Equals(new ExactDecimal(a));

    [Theory]
    [InlineData("12.34", "18", true)]
    [InlineData("18.00", "18", false)]
    [InlineData("-18.5", "-18", true)]
    [InlineData("-18", "-18.0001", false)]
    [InlineData("18446744073709551615", "1844674407370955161.6", false)]
    [InlineData("1844674407370955161.4", "184467440737095516.15", false)]
    public void Less_orders_values_of_different_scales_and_signs(string a, string b, bool less) =>
        Assert.Equal(less, DecimalOrder.Less(decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Zeros_of_either_sign_and_the_same_scale_are_the_same_exact_decimal()
    {
        var negativeZero = new decimal(0, 0, 0, true, 2);

        Assert.True(new ExactDecimal(negativeZero).Equals(new ExactDecimal(0.00m)));
        Assert.False(new ExactDecimal(negativeZero).Equals(new ExactDecimal(0.0m)));
        Assert.False(DecimalOrder.Less(negativeZero, 0m));
    }
}
