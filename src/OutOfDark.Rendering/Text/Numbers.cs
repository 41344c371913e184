using System;
using System.Globalization;

namespace OutOfDark.Rendering;

/// <summary>
/// Formats numbers for SVG, HTML and CSV, never with an exponent. Coordinates (attribute values a browser parses) are
/// always invariant; the figures a person reads (counts, metric values, percentages) take the report's culture: the
/// invariant culture writes them as today (<c>1370.5</c>, no group separator), any other culture with its own decimal
/// and group separators (<c>1.370,5</c> in de-DE, <c>1 370,5</c> in fr-FR).
/// </summary>
internal static class Numbers
{
    /// <summary>A coordinate with at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An exact decimal value with the decimals it was recorded with, in <paramref name="culture"/> (see the class).</summary>
    public static string Exact(decimal value, CultureInfo culture) =>
        IsInvariant(culture) ? value.ToString(CultureInfo.InvariantCulture) : value.ToString(Grouped(value.Scale), culture);

    /// <summary>
    /// <paramref name="part"/> as a percentage of <paramref name="whole"/> (which is not zero), with the fewest decimals
    /// (up to four) that neither show a whole number the value is not nor cross one: 99.93 % shows as <c>99.9 %</c>,
    /// never <c>100 %</c>; 60.04 % as <c>60.04 %</c>, never <c>60 %</c>; exactly 50 % as <c>50 %</c>. A value closer
    /// than that to a whole number is cut to four decimals with the side it lies on: <c>&gt; 0 %</c>, <c>&gt; 99.9999 %</c>.
    /// </summary>
    /// <param name="part">The part.</param>
    /// <param name="whole">The whole; not zero.</param>
    /// <param name="culture">The culture of the digits' separators (see the class); the sign stays <c> %</c>.</param>
    public static string Percent(decimal part, decimal whole, CultureInfo culture)
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
                return Upto4(rounded, culture) + " %";
            }
        }

        // Within 0.0001 of a whole number, and not on it: say on which side.
        var near = decimal.Round(percent, 4, MidpointRounding.ToZero);
        return (percent > near ? "> " : "< ") + Upto4(near, culture) + " %";
    }

    /// <summary>An integer (a count, a rank, a score) in <paramref name="culture"/> (see the class).</summary>
    public static string Integer(long value, CultureInfo culture) =>
        IsInvariant(culture) ? value.ToString(CultureInfo.InvariantCulture) : value.ToString("#,0", culture);

    /// <summary>
    /// Whether <paramref name="culture"/> is the invariant culture itself, which keeps the report's figures as they were
    /// before the report had a culture (no group separator). A copy of it with changed separators is another culture.
    /// </summary>
    internal static bool IsInvariant(CultureInfo culture) => ReferenceEquals(culture, CultureInfo.InvariantCulture);

    private static string Upto4(decimal value, CultureInfo culture) =>
        value.ToString(IsInvariant(culture) ? "0.####" : "#,0.####", culture);

    private static string Grouped(int scale) => scale == 0 ? "#,0" : "#,0." + new string('0', scale);
}
