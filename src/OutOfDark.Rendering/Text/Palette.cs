using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>
/// The colours of the SVG map and the HTML report. White text sits on every strong colour (phase headers, severity
/// badges), so each gives white at least 4.5:1 (WCAG AA for small text).
/// </summary>
internal static class Palette
{
    private static readonly (string Strong, string Light)[] Phases =
    [
        ("#2563eb", "#eff6ff"),
        ("#7c3aed", "#f5f3ff"),
        ("#047857", "#ecfdf5"),
        ("#a16207", "#fffbeb"),
        ("#db2777", "#fdf2f8"),
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

    /// <summary>The badge colour of a severity.</summary>
    public static string Severity(WarningSeverity severity) => severity switch
    {
        WarningSeverity.Critical => "#dc2626",
        WarningSeverity.Warning => "#c2410c",
        _ => "#1d4ed8",
    };

    private static int Wrap(int index) => ((index % Phases.Length) + Phases.Length) % Phases.Length;
}
