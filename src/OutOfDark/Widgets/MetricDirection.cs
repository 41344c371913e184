namespace OutOfDark;

/// <summary>Which way a metric should move.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better (open rate, NPS): thresholds lie below the target, critical below warning.</summary>
    HigherIsBetter = 0,

    /// <summary>Lower is better (churn, effort, cost): thresholds lie above the target, critical above warning.</summary>
    LowerIsBetter = 1,
}
