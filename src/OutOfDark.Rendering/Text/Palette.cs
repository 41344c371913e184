using OutOfDark.Warnings;

namespace OutOfDark.Rendering;

/// <summary>The colours of the SVG map and the HTML report.</summary>
internal static class Palette
{
    private static readonly (string Strong, string Light)[] Phases =
    [
        ("#2563eb", "#eff6ff"),
        ("#7c3aed", "#f5f3ff"),
        ("#059669", "#ecfdf5"),
        ("#d97706", "#fffbeb"),
        ("#db2777", "#fdf2f8"),
        ("#0891b2", "#ecfeff"),
        ("#65a30d", "#f7fee7"),
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
        WarningSeverity.Warning => "#f59e0b",
        _ => "#3b82f6",
    };

    private static int Wrap(int index) => ((index % Phases.Length) + Phases.Length) % Phases.Length;
}
