using System.Collections.Generic;
using OutOfDark.Rendering;
using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>What the SVG activity map shows besides the map itself.</summary>
public sealed record SvgMapOptions
{
    /// <summary>The default options: no warnings, the default layout.</summary>
    public static SvgMapOptions Default { get; } = new();

    /// <summary>
    /// The open warnings, for example <see cref="WarningEngine.Warnings"/> as it is; each activity (and phase) with
    /// warnings gets a badge coloured by its most severe one, with the count and the messages as a tooltip. Empty by default.
    /// </summary>
    public IReadOnlyCollection<Warning> Warnings { get; init; } = [];

    /// <summary>
    /// Lines of the Warnings view, for example <c>engine.View(WarningQuery.NeedsAttention)</c> as it is: their warnings
    /// are shown as if listed in <see cref="Warnings"/> (a warning in both is shown once). <see langword="null"/> by default.
    /// </summary>
    public IReadOnlyCollection<WarningViewItem>? View { get; init; }

    /// <summary>
    /// Whether to draw the legend in a strip below the map (what a flow arrow, a tree link and each severity's outline
    /// look like); <see langword="true"/> by default. The legend adds <c>44</c> units to the drawing's height and makes it
    /// at least <c>640</c> units wide.
    /// </summary>
    public bool Legend { get; init; } = true;

    /// <summary>
    /// Whether each activity's box is a focusable control for a host page that scripts the map: its group gets
    /// <c>tabindex="0"</c>, <c>role="button"</c> and an <c>aria-label</c> with the activity's name and, when it has open
    /// warnings, their count and the most severe one's severity; the <c>&lt;svg&gt;</c> element's role is then <c>group</c>
    /// instead of <c>img</c>. Off by default (the static map is an image). Every
    /// box's group carries <c>data-activity-id</c> (the activity id as a GUID) either way, and <c>data-severity</c>
    /// (<c>critical</c>, <c>warning</c> or <c>info</c>) when it has warnings.
    /// </summary>
    public bool Focusable { get; init; }

    /// <summary>Sizes and gaps for the layout; <see cref="LayoutOptions.Default"/> when <see langword="null"/>.</summary>
    public LayoutOptions? Layout { get; init; }

    /// <summary>Whether each activity's box links to the HTML report's section of the activity (<c>#activity-</c> and its id); set by the report only.</summary>
    internal bool LinkNodes { get; init; }

    /// <summary>
    /// The time zone the instants inside warning messages are shown in on the badges' tooltips, as
    /// <see cref="HtmlReportOptions.TimeZone"/> does in the report (which passes its own). <see cref="NodaTime.DateTimeZone.Utc"/>
    /// by default. Must not be <see langword="null"/>.
    /// </summary>
    public NodaTime.DateTimeZone TimeZone { get; init; } = NodaTime.DateTimeZone.Utc;

    /// <summary>
    /// The culture of the numbers and month names a person reads on the map: the warning counts and the dates and numbers
    /// inside warning messages on the badges' tooltips (<c>1.370,5</c> in de-DE), as <see cref="HtmlReportOptions.Culture"/>
    /// does in the report (which passes its own). Coordinates and other attribute values stay invariant.
    /// <see cref="System.Globalization.CultureInfo.InvariantCulture"/> by default (numbers as the domain writes them).
    /// Must not be <see langword="null"/>.
    /// </summary>
    public System.Globalization.CultureInfo Culture { get; init; } = System.Globalization.CultureInfo.InvariantCulture;
}
