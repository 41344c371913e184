using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace OutOfDark.Portfolio;

/// <summary>Health, warning counts and KPIs summed over a set of journeys: one journey, a journey and everything below it, or a workspace.</summary>
/// <param name="Journeys">How many journeys the totals cover.</param>
/// <param name="JourneysWithHealth">How many of them have a health line (an evaluation wrote one).</param>
/// <param name="MeanHealth">
/// The plain mean of those journeys' health scores (0–100), each journey counting once, rounded to one decimal (half
/// away from zero); <see langword="null"/> when none has a health line. Scores are not summed: a mean of means is not
/// a health score of the whole, so <see cref="LowestHealth"/> is given beside it.
/// </param>
/// <param name="LowestHealth">The lowest health score among them, or <see langword="null"/>.</param>
/// <param name="LowestHealthJourney">The journey with <see cref="LowestHealth"/> (the smaller id on a tie), or <see langword="null"/>.</param>
/// <param name="OpenCritical">Open or acknowledged critical warnings, summed over the journeys' health lines.</param>
/// <param name="OpenWarning">Open or acknowledged warnings of severity warning, summed.</param>
/// <param name="OpenInfo">Open or acknowledged info warnings, summed.</param>
/// <param name="Kpis">The KPI groups, in the order their first KPI appears in portfolio order (see <see cref="KpiRollup"/>).</param>
public sealed record RollupTotals(
    int Journeys,
    int JourneysWithHealth,
    decimal? MeanHealth,
    decimal? LowestHealth,
    JourneyId? LowestHealthJourney,
    int OpenCritical,
    int OpenWarning,
    int OpenInfo,
    IReadOnlyList<KpiRollup> Kpis)
{
    /// <summary>All open or acknowledged warnings: <see cref="OpenCritical"/> + <see cref="OpenWarning"/> + <see cref="OpenInfo"/>.</summary>
    public int OpenWarnings => OpenCritical + OpenWarning + OpenInfo;

    /// <summary>The totals in one line, the KPI groups listed by title, for logs and debuggers.</summary>
    /// <returns>For example <c>2 journeys (2 with health), mean health 71.5, lowest 60 (…), warnings 1 critical / 2 warning / 0 info, KPIs: Open rate (%) ×2</c>.</returns>
    public override string ToString()
    {
        var health = MeanHealth is { } mean
            ? $"mean health {mean.ToString(CultureInfo.InvariantCulture)}, lowest {LowestHealth?.ToString(CultureInfo.InvariantCulture)} ({LowestHealthJourney})"
            : "no health";
        var kpis = Kpis.Count == 0 ? "none" : string.Join(", ", Kpis.Select(k => $"{k.Title} ({k.Unit}) ×{k.Metrics}"));
        return $"{Journeys} journeys ({JourneysWithHealth} with health), {health}, warnings {OpenCritical} critical / {OpenWarning} warning / {OpenInfo} info, KPIs: {kpis}";
    }
}
