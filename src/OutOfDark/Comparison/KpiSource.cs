namespace OutOfDark.Comparison;

/// <summary>Where the values of a <see cref="KpiDelta"/> come from.</summary>
public enum KpiSource
{
    /// <summary>An activity's own metrics (<see cref="ActivityComparison.Kpis"/>): the latest value and target of the metric of that title and unit on each side.</summary>
    ActivityMetric = 0,

    /// <summary>
    /// The phases' own KPIs (<see cref="Phase.Metrics"/>): both sides' phases hold a KPI of that title and unit (ignoring
    /// case), which gives the phase's value and target — or only one side's phase holds it and no activity of either
    /// phase has a metric of that title and unit (the other side is then empty).
    /// </summary>
    PhaseKpi = 1,

    /// <summary>
    /// The mean of the phase's activities' metrics of that title and unit, on each side: the phases do not both hold a
    /// KPI of that title and unit.
    /// </summary>
    ActivityMean = 2,
}
