using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>The colours of the SVG map and the HTML report.</summary>
/// <remarks>
/// Every strong colour carries white text (phase names and goals, badge counts) at WCAG AA or better: at least 4.5:1
/// against white, and at least 4.4:1 against its own light colour. The severity colours are also the map's outlines, at
/// least 3:1 against the white box and the lane behind it.
/// </remarks>
internal static class Palette
{
    private static readonly (string Strong, string Light)[] Phases =
    [
        ("#2563eb", "#eff6ff"),
        ("#7c3aed", "#f5f3ff"),
        ("#047857", "#ecfdf5"),
        ("#a16207", "#fffbeb"),
        ("#be185d", "#fdf2f8"),
        ("#0e7490", "#ecfeff"),
        ("#4d7c0f", "#f7fee7"),
        ("#dc2626", "#fef2f2"),
    ];

    /// <summary>The strong colour of the phase at an index (headers, stripes, chart lines).</summary>
    public static string PhaseStrong(int index) => Phases[Wrap(index)].Strong;

    /// <summary>The light colour of the phase at an index (lane backgrounds).</summary>
    public static string PhaseLight(int index) => Phases[Wrap(index)].Light;

    /// <summary>The colour of a persona's line in the emotion chart.</summary>
    public static string Series(int index) => Phases[Wrap(index + 3)].Strong;

    /// <summary>The badge and outline colour of a severity (white text on it is at least 5:1).</summary>
    public static string Severity(WarningSeverity severity) => severity switch
    {
        WarningSeverity.Critical => "#b91c1c",
        WarningSeverity.Warning => "#b45309",
        _ => "#1d4ed8",
    };

    private static int Wrap(int index) => ((index % Phases.Length) + Phases.Length) % Phases.Length;
}
