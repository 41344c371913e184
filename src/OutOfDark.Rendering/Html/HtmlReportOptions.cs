using System.Collections.Generic;
using System.Globalization;
using NodaTime;
using OutOfDark;
using OutOfDark.Rendering;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>What the HTML report shows besides the journey itself. Every input is optional.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The default options: no warnings, no history, charts computed from the journey.</summary>
    public static HtmlReportOptions Default { get; } = new();

    /// <summary>
    /// The open warnings (for example <see cref="WarningEngine.Warnings"/> as it is), for the Warnings view and the
    /// map's badges. Empty by default.
    /// </summary>
    public IReadOnlyCollection<Warning> Warnings { get; init; } = [];

    /// <summary>
    /// Lines of the Warnings view, for example <c>engine.View(WarningQuery.NeedsAttention)</c> as it is: their warnings
    /// are shown as if listed in <see cref="Warnings"/> (a warning in both is shown once). <see langword="null"/> by default.
    /// </summary>
    public IReadOnlyCollection<WarningViewItem>? View { get; init; }

    /// <summary>The journey's history, for each activity's Detail view; <see langword="null"/> leaves the history out.</summary>
    public JourneyHistory? History { get; init; }

    /// <summary>The funnel to chart; <see langword="null"/> computes it with <see cref="Funnel.Compute"/>.</summary>
    public IReadOnlyList<FunnelChartStep>? Funnel { get; init; }

    /// <summary>The emotion curve to chart; <see langword="null"/> computes it with <see cref="EmotionCurve.Compute"/>.</summary>
    public IReadOnlyList<EmotionCurvePoint>? EmotionCurve { get; init; }

    /// <summary>When the report was made, shown in its header; <see langword="null"/> leaves it out (the report never reads a clock).</summary>
    public Instant? GeneratedAt { get; init; }

    /// <summary>
    /// The time zone the report's times (generated at, history, instants inside warning messages) are shown in, named after each time: for example
    /// <c>12 Apr 2026 11:00 CEST</c>, or the zone's id when it has no lettered abbreviation. <see cref="DateTimeZone.Utc"/>
    /// by default (<c>12 Apr 2026 09:00 UTC</c>). Days (observations, feedback, plans) are calendar dates and are not converted.
    /// Must not be <see langword="null"/>.
    /// </summary>
    public DateTimeZone TimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>
    /// The culture of the month names in dates (<c>d MMM yyyy</c>, for example <c>12 Apr 2026</c>, <c>12 avr. 2026</c> in
    /// French) and of every number a reader sees: the tables' counts and values, metric values, targets and thresholds,
    /// the funnel's counts and percentages, the charts' and the map's figures, and the numbers inside warning messages,
    /// evidence, history lines and the comparison (<c>1.370,5</c> in de-DE, <c>1 370,5</c> in fr-FR). Coordinates and
    /// other attribute values stay invariant. ISO days and instants inside domain texts are shown in the report's date
    /// style and <see cref="TimeZone"/>. <see cref="CultureInfo.InvariantCulture"/> by default: English month names and
    /// numbers as before (<c>1370.5</c>, no group separator); any other culture, <c>en-US</c> included, groups
    /// thousands (<c>1,370.5</c>). Must not be <see langword="null"/>.
    /// </summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>The formula that ranks opportunities in the report and places them on the matrix; <see cref="OpportunityPriority.Default"/> when <see langword="null"/>.</summary>
    public OpportunityPriorityFormula? OpportunityPriority { get; init; }

    /// <summary>Sizes and gaps for the activity map; <see cref="LayoutOptions.Default"/> when <see langword="null"/>.</summary>
    public LayoutOptions? Layout { get; init; }

    /// <summary>The most history entries shown per activity, newest first; older ones are counted, not listed. 50 by default.</summary>
    public int MaxHistoryEntriesPerActivity { get; init; } = 50;

    /// <summary>
    /// The comparison of the journey's as-is / to-be pair (<see cref="Comparison.JourneyComparison.Compare"/>), shown in
    /// a "Current state against future state" section; <see langword="null"/> leaves the section out.
    /// </summary>
    public OutOfDark.Comparison.JourneyComparison? Comparison { get; init; }
}
