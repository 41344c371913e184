using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>
/// A warning's evidence in words for the report, as the web sample's triage shows it (<c>format.js</c>
/// <c>formatEvidence</c>): labels without their unit words (<c>change</c>, not <c>change percent</c>), values of the
/// metric with its unit (<c>13,0 min</c>), percentages in the culture's percent format with a sign for changes
/// (<c>+165,3 %</c>; a change in standard deviations signed too), day counts as <c>28 days</c> (<c>window</c>, <c>limit</c>,
/// <c>grace period</c>), emotion scores in words (<c>very negative (−2)</c>), dates and
/// instants in the report's date style and time zone, enum names as lower-case words. The evidence of a rule the
/// report does not know (a custom rule's) shows its key in words (<c>meanWait</c> as <c>mean wait</c>) and its value as
/// given, with only its dates and numbers localized as the rest of the report's domain text.
/// </summary>
internal static class EvidenceText
{
    /// <summary>The most decimals a number shows; more, which only derived values (a mean, a rate) carry, are rounded away.</summary>
    private const int MostDecimals = 3;

    private const char Minus = '\u2212';

    /// <summary>The evidence of metric rules that are values of the metric itself, shown with the metric's unit.</summary>
    private static readonly HashSet<string> MetricValues = new(StringComparer.Ordinal)
    {
        "latest value", "last value past it", "from value", "to value", "baseline mean", "baseline standard deviation",
        "target", "warning threshold", "critical threshold", "clear band",
    };

    /// <summary>The evidence that are days (ISO <c>yyyy-MM-dd</c>) or instants (ISO UTC).</summary>
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal)
    {
        "observed on", "from date", "to date", "baseline from", "baseline to", "past it since", "last past it on",
        "latest observation", "planned end", "planned start", "last changed",
    };

    /// <summary>The evidence that are what users typed (names, titles), shown exactly.</summary>
    private static readonly HashSet<string> Typed = new(StringComparer.Ordinal) { "metric", "persona", "previous step", "segments" };

    /// <summary>The evidence that are plain counts or numbers without a unit.</summary>
    private static readonly HashSet<string> Plain = new(StringComparer.Ordinal)
    {
        "activities", "minimum", "minimum answers", "answers", "small segments", "personas in pain", "previous volume", "volume",
        "observations past it", "observations back inside", "baseline observations", "gap", "limit", "clears after", "limit standard deviations",
    };

    /// <summary>
    /// Each evidence of <paramref name="warning"/> as a label and a value for people, in the warning's order.
    /// </summary>
    /// <param name="warning">The warning; its rule id tells an emotion rule's <c>threshold</c> (an emotion score) apart.</param>
    /// <param name="metric">The metric the warning is about (its subject), when it is one: its unit goes after the metric's values, its direction signs a change the evidence does not.</param>
    /// <param name="zone">The report's time zone, for instants.</param>
    /// <param name="culture">The report's culture: separators, month names and percent format.</param>
    /// <param name="userText">What users typed in the journey, kept exactly inside values that are localized.</param>
    /// <returns>One (label, value) pair per evidence.</returns>
    public static IReadOnlyList<(string Label, string Value)> Lines(Warning warning, MetricWidget? metric, DateTimeZone zone, CultureInfo culture, UserText userText)
    {
        var rule = warning.Key.Rule.Value;
        var metricRule = rule.StartsWith("metric.", StringComparison.Ordinal);
        var emotionRule = rule.StartsWith("emotion.", StringComparison.Ordinal);
        var unit = metricRule && metric is not null ? metric.Unit : "";
        var evidence = warning.Evidence;
        var decimals = Decimals(evidence);
        var lines = new List<(string, string)>(evidence.Count);
        for (var i = 0; i < evidence.Count; i++)
        {
            lines.Add(Line(evidence[i], evidence, unit, metric, emotionRule, zone, culture, userText, decimals[i]));
        }

        return lines;
    }

    /// <summary>
    /// The most decimals each evidence number shows: three, or more where two different numbers would read the same
    /// (a baseline mean of 12.9996 beside a latest value of 13.0 reads <c>12.9996</c>, not <c>13</c>), as the web does.
    /// </summary>
    private static int[] Decimals(ValueList<WarningEvidence> evidence)
    {
        var decimals = new int[evidence.Count];
        Array.Fill(decimals, MostDecimals);
        for (var round = 0; round < 28; round++)
        {
            var clash = false;
            for (var i = 0; i < evidence.Count; i++)
            {
                for (var j = i + 1; j < evidence.Count; j++)
                {
                    if (evidence[i].Number is { } a && evidence[j].Number is { } b && a != b && Rounded(a, decimals[i]) == Rounded(b, decimals[j]))
                    {
                        decimals[i] = Math.Min(28, decimals[i] + 1);
                        decimals[j] = Math.Min(28, decimals[j] + 1);
                        clash = true;
                    }
                }
            }

            if (!clash)
            {
                break;
            }
        }

        return decimals;
    }

    private static decimal Rounded(decimal value, int decimals) =>
        value.Scale > decimals ? decimal.Round(value, decimals, MidpointRounding.AwayFromZero) : value;

    private static (string Label, string Value) Line(
        WarningEvidence evidence, IReadOnlyList<WarningEvidence> all, string unit, MetricWidget? metric, bool emotionRule, DateTimeZone zone, CultureInfo culture, UserText userText, int decimals)
    {
        var name = evidence.Name;
        var number = evidence.Number;
        switch (name)
        {
            case "change percent" when number is { } change:
                return ("change", Percent(Signed(change, all, metric), signed: true, culture, decimals));
            case "change in standard deviations" when number is { } change:
                return (name, Signed(Signed(change, all, metric), Number(Math.Abs(change), culture, decimals), culture));
            case "drop-off percent" when number is { } drop:
                return ("drop-off", Percent(drop, signed: false, culture, decimals));
            case "limit percent" when number is { } limit:
                return ("limit", Percent(limit, signed: false, culture, decimals));
            case "window days" when number is { } days:
                return ("window", Days(days, culture, decimals));
            case "limit days" when number is { } days:
                return ("limit", Days(days, culture, decimals));
            case "grace days" when number is { } days:
                return ("grace period", Days(days, culture, decimals));
            case "as-is emotion" or "to-be emotion" when Score(number) is { } score:
                return (name, HumanText.Emotion(score));
            case "threshold" when emotionRule && Score(number) is { } score:
                return (name, HumanText.Emotion(score));
            case "status" or "kind" when number is null:
                return (name, Words(evidence.Value));
        }

        if (number is { } value && MetricValues.Contains(name))
        {
            return (name, unit.Length == 0 ? Number(value, culture, decimals) : Number(value, culture, decimals) + " " + unit);
        }

        if (number is { } plain && Plain.Contains(name))
        {
            return (name, Number(plain, culture, decimals));
        }

        if (number is null && Dates.Contains(name) && Date(evidence.Value, zone, culture) is { } date)
        {
            return (name, date);
        }

        if (number is null && Typed.Contains(name))
        {
            return (name, evidence.Value);
        }

        // A custom rule's evidence: its key in words, its value as given (dates and numbers localized, typed text kept).
        return (Words(name), DisplayText.Evidence(evidence, zone, culture, userText));
    }

    /// <summary>
    /// A change rule's evidence is its size in the worse direction; the sign comes from the values it was measured
    /// between (to value against from value, latest value against the baseline mean), else from the metric's direction.
    /// </summary>
    private static decimal Signed(decimal change, IReadOnlyList<WarningEvidence> all, MetricWidget? metric)
    {
        var magnitude = Math.Abs(change);
        var direction = Compare(all, "to value", "from value") ?? Compare(all, "latest value", "baseline mean");
        direction ??= metric is null ? null : metric.Direction == MetricDirection.HigherIsBetter ? -1 : 1;
        return direction is < 0 ? -magnitude : direction is > 0 ? magnitude : change;
    }

    private static int? Compare(IReadOnlyList<WarningEvidence> all, string later, string earlier)
    {
        decimal? to = null, from = null;
        foreach (var e in all)
        {
            if (e.Name == later)
            {
                to = e.Number;
            }
            else if (e.Name == earlier)
            {
                from = e.Number;
            }
        }

        return to is { } t && from is { } f && t != f ? t.CompareTo(f) : null;
    }

    private static int? Score(decimal? number) =>
        number is { } n && n == decimal.Truncate(n) && n >= -2 && n <= 2 ? (int)n : null;

    /// <summary>A number as recorded (its decimals kept, at most <paramref name="decimals"/>) in <paramref name="culture"/>; the invariant culture groups no digits, as elsewhere in the report.</summary>
    private static string Number(decimal value, CultureInfo culture, int decimals)
    {
        if (value.Scale > decimals)
        {
            // Rounded derived values drop the zeros the rounding leaves ("1.2000004" shows as 1.2).
            value = decimal.Round(value, decimals, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000m;
        }

        var text = Numbers.Exact(Math.Abs(value), culture);
        return value < 0 ? Minus + text : text;
    }

    private static string Signed(decimal value, string magnitude, CultureInfo culture) =>
        value > 0 ? "+" + magnitude : value < 0 ? Minus + magnitude : magnitude;

    /// <summary>A percentage in the culture's percent format (<c>n %</c>, <c>n%</c>, <c>%n</c>, <c>% n</c>), signed when asked.</summary>
    private static string Percent(decimal value, bool signed, CultureInfo culture, int decimals)
    {
        var digits = Number(Math.Abs(value), culture, decimals);
        var symbol = culture.NumberFormat.PercentSymbol;
        var shown = culture.NumberFormat.PercentPositivePattern switch
        {
            1 => digits + symbol,
            2 => symbol + digits,
            3 => symbol + " " + digits,
            _ => digits + " " + symbol,
        };
        return signed ? Signed(value, shown, culture) : value < 0 ? Minus + shown : shown;
    }

    private static string Days(decimal days, CultureInfo culture, int decimals) => Number(days, culture, decimals) + (days == 1 ? " day" : " days");

    /// <summary>A day in the report's date style, an instant as the date and time in the report's zone; null when the text is neither.</summary>
    private static string? Date(string value, DateTimeZone zone, CultureInfo culture)
    {
        var day = LocalDatePattern.Iso.Parse(value);
        if (day.Success)
        {
            return HumanText.Date(day.Value, culture);
        }

        var instant = InstantPattern.ExtendedIso.Parse(value);
        return instant.Success ? HumanText.Date(instant.Value, zone, culture) : null;
    }

    /// <summary>A key or enum name in lower-case words: <c>meanWait</c>, <c>mean_wait</c> and <c>InProgress</c> as <c>mean wait</c> and <c>in progress</c>.</summary>
    internal static string Words(string key)
    {
        var words = new StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '_')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c))
            {
                var afterLower = i > 0 && (char.IsLower(key[i - 1]) || char.IsDigit(key[i - 1]));
                var beforeLower = i > 0 && char.IsUpper(key[i - 1]) && i + 1 < key.Length && char.IsLower(key[i + 1]);
                if (afterLower || beforeLower)
                {
                    words.Append(' ');
                }

                // An acronym (NPS, CSAT) stays as written.
                var acronym = (i + 1 < key.Length && char.IsUpper(key[i + 1])) || (i > 0 && char.IsUpper(key[i - 1]) && !beforeLower);
                words.Append(acronym ? c : char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }
}
