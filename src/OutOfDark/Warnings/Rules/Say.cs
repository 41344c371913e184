using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Warnings;

/// <summary>How built-in rules write numbers, amounts and dates in their messages: invariant, exact, short.</summary>
internal static class Say
{
    public static string Number(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    public static string Amount(decimal value, string unit) =>
        string.IsNullOrEmpty(unit) ? Number(value) : Number(value) + " " + unit;

    public static string Percent(decimal value) => Number(decimal.Round(value, 1, System.MidpointRounding.AwayFromZero)) + " %";

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
