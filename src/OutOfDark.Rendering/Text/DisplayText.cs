using System;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>
/// Shows the domain's invariant text (warning messages, evidence, history lines) in a report's date style and culture:
/// ISO instants become <c>30 Nov. 2026 06:04 MEZ</c>-style times in the report's zone, ISO days become
/// <c>30 Nov. 2026</c>, and invariant numbers (<c>1,370.5</c>) take the culture's separators (<c>1.370,5</c> in
/// de-DE). The domain's wording is kept; only the dates and numbers inside it are rewritten.
/// </summary>
internal static partial class DisplayText
{
    /// <summary>The most decimals a derived evidence number (a mean, a rate) shows.</summary>
    private const int DerivedDecimals = 3;

    /// <summary>
    /// <paramref name="text"/> with every ISO instant, local date-time and day rewritten into the report's date style,
    /// and every invariant decimal or grouped number into <paramref name="culture"/>'s separators.
    /// </summary>
    public static string Localize(string text, DateTimeZone zone, CultureInfo culture) => Localize(text, zone, culture, UserText.None);

    /// <summary>
    /// <paramref name="text"/> localized as <see cref="Localize(string, DateTimeZone, CultureInfo)"/> does, outside
    /// what users typed (<paramref name="userText"/>, and quoted parts): a name holding an ISO date or a decimal shows
    /// exactly as typed.
    /// </summary>
    public static string Localize(string text, DateTimeZone zone, CultureInfo culture, UserText userText)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return userText.RewriteOutside(text, run => LocalizeDomainText(run, zone, culture), IsoPattern(), NumberPattern());
    }

    private static string LocalizeDomainText(string text, DateTimeZone zone, CultureInfo culture)
    {
        var dated = IsoPattern().Replace(text, match => Date(match, zone, culture));
        return ReferenceEquals(culture, CultureInfo.InvariantCulture) ? dated : NumberPattern().Replace(dated, match => Number(match.Value, culture));
    }

    /// <summary>
    /// An evidence value by kind: a number with the culture's separators (more than three decimals, which only derived
    /// values carry, rounded to three), a lone date or instant in the report's date style, other text localized as
    /// <see cref="Localize(string, DateTimeZone, CultureInfo, UserText)"/> does (units written after a number are kept).
    /// </summary>
    public static string Evidence(WarningEvidence evidence, DateTimeZone zone, CultureInfo culture, UserText userText)
    {
        if (evidence.Number is { } number)
        {
            return Decimal(number, culture);
        }

        return Localize(evidence.Value, zone, culture, userText);
    }

    /// <summary>A recorded or derived number in <paramref name="culture"/>: as written when it has at most three decimals, else rounded to three.</summary>
    public static string Decimal(decimal value, CultureInfo culture)
    {
        var scale = value.Scale;
        if (scale > DerivedDecimals)
        {
            value = decimal.Round(value, DerivedDecimals, MidpointRounding.AwayFromZero);
            scale = DerivedDecimals;
        }

        return value.ToString("#,0." + new string('0', scale), culture).TrimEnd(culture.NumberFormat.NumberDecimalSeparator.ToCharArray());
    }

    private static string Date(Match match, DateTimeZone zone, CultureInfo culture)
    {
        var text = match.Value;
        if (match.Groups["time"].Success)
        {
            if (match.Groups["zone"].Success)
            {
                var offset = OffsetDateTimePattern.ExtendedIso.Parse(text.EndsWith('Z') ? text[..^1] + "+00:00" : text);
                return offset.Success ? HumanText.Date(offset.Value.ToInstant(), zone, culture) : text;
            }

            var local = LocalDateTimePattern.ExtendedIso.Parse(text);
            return local.Success ? LocalDateTimePattern.Create("d MMM uuuu HH:mm", culture).Format(local.Value) : text;
        }

        var day = LocalDatePattern.Iso.Parse(text);
        return day.Success ? HumanText.Date(day.Value, culture) : text;
    }

    private static string Number(string invariant, CultureInfo culture)
    {
        if (!decimal.TryParse(invariant, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return invariant;
        }

        var dot = invariant.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : invariant.Length - dot - 1;
        var grouped = invariant.Contains(',', StringComparison.Ordinal);
        var format = (grouped ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
        return value.ToString(format, culture);
    }

    [GeneratedRegex(@"(?<![\d\w])\d{4}-\d{2}-\d{2}(?<time>T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?<zone>Z|[+-]\d{2}:\d{2})?)?(?![\d\w])", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
