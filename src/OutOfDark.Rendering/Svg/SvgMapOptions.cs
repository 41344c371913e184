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

    /// <summary>Sizes and gaps for the layout; <see cref="LayoutOptions.Default"/> when <see langword="null"/>.</summary>
    public LayoutOptions? Layout { get; init; }

    /// <summary>Whether each activity's box links to the HTML report's section of the activity (<c>#activity-</c> and its id); set by the report only.</summary>
    internal bool LinkNodes { get; init; }
}
