using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Warnings;

/// <summary>How built-in rules write numbers, amounts and dates in their messages: invariant, exact, short.</summary>
/// <remarks>
/// A value shown beside the limit it was compared with never contradicts that comparison: when the usual rounding would
/// show a value past its limit as equal to it (a drop-off of 60.04 % against a limit of 60 %), it is written with as
/// many more decimals as it takes to show the difference (60.04 %).
/// </remarks>
internal static class Say
{
    private const int PercentDecimals = 1;
    private const string NumberFormat = "#,0.##########";
    private const string ExactFormat = "#,0.############################";

    public static string Number(decimal value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    /// <summary>A number, with more decimals than usual when needed to tell it apart from the limit it was compared with.</summary>
    public static string Number(decimal value, decimal against)
    {
        var text = Number(value);
        return value != against && text == Number(against) ? value.ToString(ExactFormat, CultureInfo.InvariantCulture) : text;
    }

    public static string Amount(decimal value, string unit) =>
        string.IsNullOrEmpty(unit) ? Number(value) : Number(value) + " " + unit;

    /// <summary>An amount told apart from the limit it was compared with; see <see cref="Number(decimal, decimal)"/>.</summary>
    public static string Amount(decimal value, string unit, decimal against) =>
        string.IsNullOrEmpty(unit) ? Number(value, against) : Number(value, against) + " " + unit;

    public static string Percent(decimal value) => Number(decimal.Round(value, PercentDecimals, MidpointRounding.AwayFromZero)) + " %";

    /// <summary>A percentage rounded to one decimal, or more when needed to tell it apart from the limit it was compared with.</summary>
    public static string Percent(decimal value, decimal against) => Number(Rounded(value, against)) + " %";

    /// <summary>
    /// A percentage rounded to one decimal, or to the fewest more decimals that tell it apart from <paramref name="against"/>
    /// when the two differ: rounding keeps order, so the rounded value and the rounded limit compare as the exact ones do.
    /// </summary>
    public static decimal Rounded(decimal value, decimal against)
    {
        for (var decimals = PercentDecimals; decimals < 28; decimals++)
        {
            var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
            if (value == against || rounded != decimal.Round(against, decimals, MidpointRounding.AwayFromZero))
            {
                return rounded;
            }
        }

        return value;
    }

    public static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    public static string Emotion(EmotionScore score) => score.Value switch
    {
        -2 => "very negative",
        -1 => "negative",
        0 => "neutral",
        1 => "positive",
        _ => "very positive",
    } + " (" + score + ")";

    public static string More(int others, string what) =>
        others == 0 ? "" : " (and " + Count(others, "more " + what, "more " + what + "s") + ")";
}
