namespace OutOfDark.Portfolio;

/// <summary>Where a KPI's latest observation stands against its target and thresholds, for the portfolio's KPI roll-up.</summary>
/// <remarks>
/// "Past" means strictly worse in the metric's direction (<see cref="MetricWidget.IsWorse"/>), as the threshold rule reads
/// it: with higher is better, a value below the critical threshold is <see cref="PastCritical"/>, one equal to it is not.
/// The most severe status that applies wins.
/// </remarks>
public enum KpiStatus
{
    /// <summary>The metric has no observation.</summary>
    NoData = 0,

    /// <summary>The latest value is past no threshold and the metric has no target to compare with.</summary>
    NoTarget = 1,

    /// <summary>The latest value meets or beats the target.</summary>
    OnTarget = 2,

    /// <summary>The latest value misses the target but is past no threshold.</summary>
    OffTarget = 3,

    /// <summary>The latest value is past the warning threshold (and not past the critical one).</summary>
    PastWarning = 4,

    /// <summary>The latest value is past the critical threshold.</summary>
    PastCritical = 5,
}
