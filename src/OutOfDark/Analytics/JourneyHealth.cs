namespace OutOfDark;

/// <summary>
/// A journey's health score from 0 (failing) to 100 (healthy) and its parts. See <see cref="JourneyAnalytics.Health"/>
/// for the formula.
/// </summary>
/// <param name="Score">The score, 0–100, rounded to one decimal.</param>
/// <param name="MetricAttainment">Mean metric attainment (0–1), or <see langword="null"/> when no metric has a target and an observation.</param>
/// <param name="Emotion">Mean as-is emotion mapped to 0–1, or <see langword="null"/> when there are no emotion widgets.</param>
/// <param name="WarningLoad">The warning part, 0–1: 1 with no open warnings, falling as weighted warnings per subject grow.</param>
/// <param name="OpenCritical">Open or acknowledged critical warnings counted.</param>
/// <param name="OpenWarning">Open or acknowledged warnings of severity warning counted.</param>
/// <param name="OpenInfo">Open or acknowledged info warnings counted.</param>
public sealed record JourneyHealth(decimal Score, decimal? MetricAttainment, decimal? Emotion, decimal WarningLoad, int OpenCritical, int OpenWarning, int OpenInfo);
