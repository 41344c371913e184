using NodaTime;

namespace OutOfDark.Portfolio;

/// <summary>
/// The KPIs of one group (same title ignoring case, unit, kind and direction) across a set of journeys: how many there
/// are, where their latest values stand, and the figures that can be combined.
/// </summary>
/// <remarks>
/// <para>
/// Counts are summed over the KPIs of the group. <see cref="Sum"/> adds the latest values only for kinds that are
/// additive quantities (<see cref="MetricKind.Count"/> and <see cref="MetricKind.Currency"/>: visits, revenue); a sum of
/// percentages, scores, NPS, CSAT, CES or ratios means nothing, so it is <see langword="null"/> for them.
/// <see cref="Mean"/> is the plain mean of the latest values, each KPI counting once: it is not weighted by
/// respondents or volume (the model does not know them), so read it as "the typical journey", not as the population's
/// score. Latest values of different dates are combined as they are: <see cref="OldestLatestDate"/> and
/// <see cref="NewestLatestDate"/> show how far apart they are.
/// </para>
/// <para>KPIs of different units, kinds or directions are never combined: they form separate groups.</para>
/// </remarks>
/// <param name="Title">The group's title, as the first KPI of the group (in portfolio order) spells it.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Direction">Which way is good.</param>
/// <param name="Metrics">How many KPIs the group holds.</param>
/// <param name="WithData">How many of them have an observation.</param>
/// <param name="NoTarget">How many have data but no target, and are past no threshold.</param>
/// <param name="OnTarget">How many meet or beat their target.</param>
/// <param name="OffTarget">How many miss their target but are past no threshold.</param>
/// <param name="PastWarning">How many are past their warning threshold (not the critical one).</param>
/// <param name="PastCritical">How many are past their critical threshold.</param>
/// <param name="Sum">The sum of the latest values, for counts and currency only; otherwise, or with no data, <see langword="null"/>.</param>
/// <param name="Mean">The mean of the latest values (not rounded), or <see langword="null"/> with no data.</param>
/// <param name="OldestLatestDate">The earliest of the latest-observation dates, or <see langword="null"/> with no data.</param>
/// <param name="NewestLatestDate">The latest of the latest-observation dates, or <see langword="null"/> with no data.</param>
public sealed record KpiRollup(
    string Title,
    string Unit,
    MetricKind Kind,
    MetricDirection Direction,
    int Metrics,
    int WithData,
    int NoTarget,
    int OnTarget,
    int OffTarget,
    int PastWarning,
    int PastCritical,
    decimal? Sum,
    decimal? Mean,
    LocalDate? OldestLatestDate,
    LocalDate? NewestLatestDate)
{
    /// <summary>Whether the latest values of this kind can be added up: counts and currency.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> for <see cref="MetricKind.Count"/> and <see cref="MetricKind.Currency"/>.</returns>
    public static bool IsAdditive(MetricKind kind) => kind is MetricKind.Count or MetricKind.Currency;
}
