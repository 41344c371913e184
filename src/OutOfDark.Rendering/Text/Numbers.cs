using System;
using System.Globalization;

namespace OutOfDark.Rendering;

/// <summary>Formats numbers for SVG, HTML and CSV: invariant culture, no exponent.</summary>
internal static class Numbers
{
    /// <summary>A coordinate with at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An exact decimal value.</summary>
    public static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <paramref name="part"/> as a percentage of <paramref name="whole"/> (which is not zero), with the fewest decimals
    /// (up to four) that neither show a whole number the value is not nor cross one: 99.93 % shows as <c>99.9 %</c>,
    /// never <c>100 %</c>; 60.04 % as <c>60.04 %</c>, never <c>60 %</c>; exactly 50 % as <c>50 %</c>. A value closer
    /// than that to a whole number is cut to four decimals with the side it lies on: <c>&gt; 0 %</c>, <c>&gt; 99.9999 %</c>.
    /// </summary>
    public static string Percent(decimal part, decimal whole)
    {
        decimal percent;
        try
        {
            percent = part / whole * 100m;
        }
        catch (OverflowException)
        {
            // Only a share beyond 10^26 % overflows: no whole number to contradict there.
            return (part < 0 != whole < 0 ? "-" : "") + "more than 10²⁶ %";
        }

        for (var decimals = 0; decimals <= 4; decimals++)
        {
            var rounded = decimal.Round(percent, decimals, MidpointRounding.AwayFromZero);
            var isWhole = rounded == decimal.Truncate(rounded);
            if ((!isWhole || rounded == percent) && decimal.Floor(rounded) == decimal.Floor(percent))
            {
                return rounded.ToString("0.####", CultureInfo.InvariantCulture) + " %";
            }
        }

        // Within 0.0001 of a whole number, and not on it: say on which side.
        var near = decimal.Round(percent, 4, MidpointRounding.ToZero);
        return (percent > near ? "> " : "< ") + near.ToString("0.####", CultureInfo.InvariantCulture) + " %";
    }

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
