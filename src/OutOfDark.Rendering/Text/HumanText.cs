using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Rendering;

/// <summary>The words and dates the HTML report shows a reader instead of enum names and ISO timestamps.</summary>
internal static class HumanText
{
    /// <summary>An emotion score in words with its number: <c>very negative (−2)</c>, <c>neutral (0)</c>, <c>positive (+1)</c>.</summary>
    public static string Emotion(int score) => Feeling(score) + " (" + Signed(score) + ")";

    /// <summary>A feedback sentiment in words with its number, as <see cref="Emotion(int)"/>.</summary>
    public static string Sentiment(Sentiment sentiment) => Emotion((int)sentiment);

    /// <summary>
    /// A mean emotion score in words (the nearest whole score) with the mean to two decimals in <paramref name="culture"/>:
    /// <c>negative (−1.33)</c>, <c>negative (−1,33)</c> in de-DE.
    /// </summary>
    public static string Emotion(double mean, CultureInfo culture) =>
        Feeling((int)System.Math.Round(mean, System.MidpointRounding.AwayFromZero)) + " (" + Signed(mean, culture) + ")";

    /// <summary>An activity's status in lower-case words.</summary>
    public static string Status(ActivityStatus status) => status switch
    {
        ActivityStatus.Planned => "planned",
        ActivityStatus.Active => "active",
        ActivityStatus.Paused => "paused",
        ActivityStatus.Retired => "retired",
        _ => status.ToString(),
    };

    /// <summary>A solution's status in lower-case words: <c>in progress</c>, not <c>InProgress</c>.</summary>
    public static string Status(SolutionStatus status) => status switch
    {
        SolutionStatus.Proposed => "proposed",
        SolutionStatus.Planned => "planned",
        SolutionStatus.InProgress => "in progress",
        SolutionStatus.Done => "done",
        _ => status.ToString(),
    };

    /// <summary>An activity's kind in lower-case words.</summary>
    public static string Kind(ActivityKind kind) => kind switch
    {
        ActivityKind.Touchpoint => "touchpoint",
        ActivityKind.Milestone => "milestone",
        ActivityKind.Other => "other activity",
        _ => kind.ToString(),
    };

    /// <summary>A metric's kind in the words a CX team uses.</summary>
    public static string Kind(MetricKind kind) => kind switch
    {
        MetricKind.Count => "count",
        MetricKind.Percentage => "percentage",
        MetricKind.Currency => "currency",
        MetricKind.Score => "score",
        MetricKind.Nps => "NPS",
        MetricKind.Csat => "CSAT",
        MetricKind.Ces => "CES",
        MetricKind.Ratio => "ratio",
        _ => kind.ToString(),
    };

    /// <summary>The journey's state as the header's first words: <c>current-state journey</c>.</summary>
    public static string State(JourneyState state) => state switch
    {
        JourneyState.Current => "current-state journey",
        JourneyState.Future => "future-state journey",
        JourneyState.Research => "research journey",
        _ => state + " journey",
    };

    /// <summary>A day, for example <c>12 Apr 2026</c> (month names from <paramref name="culture"/>).</summary>
    public static string Date(LocalDate date, CultureInfo culture) =>
        LocalDatePattern.Create("d MMM uuuu", culture).Format(date);

    /// <summary>An instant in a time zone, with the zone named: <c>12 Apr 2026 09:00 UTC</c>.</summary>
    public static string Date(Instant instant, DateTimeZone zone, CultureInfo culture)
    {
        var zoned = instant.InZone(zone);
        var abbreviation = zone.GetZoneInterval(instant).Name;

        // A zone whose abbreviation is only an offset ("+02") is named by its id instead, so the reader knows where.
        var name = abbreviation.Length > 0 && char.IsLetter(abbreviation[0]) ? abbreviation : zone.Id;
        return LocalDateTimePattern.Create("d MMM uuuu HH:mm", culture).Format(zoned.LocalDateTime) + " " + name;
    }

    /// <summary>The ISO form of an instant for a <c>time</c> element's <c>datetime</c> attribute.</summary>
    public static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>The ISO form of a day for a <c>time</c> element's <c>datetime</c> attribute.</summary>
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Feeling(int score) => score switch
    {
        <= -2 => "very negative",
        -1 => "negative",
        0 => "neutral",
        1 => "positive",
        _ => "very positive",
    };

    private static string Signed(int value) => value switch
    {
        > 0 => "+" + value.ToString(CultureInfo.InvariantCulture),
        < 0 => "\u2212" + (-value).ToString(CultureInfo.InvariantCulture),
        _ => "0",
    };

    private static string Signed(double value, CultureInfo culture)
    {
        var text = System.Math.Abs(value).ToString("0.##", culture);
        return text == "0" ? "0" : (value > 0 ? "+" : "\u2212") + text;
    }
}
