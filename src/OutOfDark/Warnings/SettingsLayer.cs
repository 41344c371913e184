namespace OutOfDark.Warnings;

/// <summary>Where a rule's settings come from, from the lowest layer to the highest; a higher layer replaces a lower one whole.</summary>
public enum SettingsLayer
{
    /// <summary>The rule's own defaults (<see cref="IWarningRule.DefaultSettings"/>).</summary>
    RuleDefault = 0,

    /// <summary>The host's settings of the rule (configuration passed to the engine, for example through <c>AddOutOfDark</c>).</summary>
    Host = 1,

    /// <summary>The host's override of the rule for one activity.</summary>
    HostActivity = 2,

    /// <summary>The host's override of a metric rule for one KPI (metric widget): <see cref="WarningSettings.WithMetricOverride"/>.</summary>
    HostMetric = 3,

    /// <summary>The journey's own settings of the rule, for the whole journey.</summary>
    Journey = 4,

    /// <summary>The journey's override of the rule for one activity (for a metric rule, every KPI on the activity).</summary>
    Activity = 5,

    /// <summary>The journey's override of a metric rule for one KPI (metric widget).</summary>
    Metric = 6,
}
