using System.Globalization;

namespace OutOfDark.Rendering;

/// <summary>Formats numbers for SVG, HTML and CSV: invariant culture, no exponent.</summary>
internal static class Numbers
{
    /// <summary>A coordinate with at most two decimals.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>An exact decimal value.</summary>
    public static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
