namespace OutOfDark.Warnings;

/// <summary>What a warning (and the rule that raised it) is about.</summary>
public enum SubjectKind
{
    /// <summary>The journey as a whole.</summary>
    Journey = 0,

    /// <summary>A phase.</summary>
    Phase = 1,

    /// <summary>An activity.</summary>
    Activity = 2,

    /// <summary>
    /// A metric (KPI) widget on an activity: metric rules raise one warning per metric, so two failing KPIs on one
    /// activity are two warnings, each handled on its own. The subject's id is the widget's id.
    /// </summary>
    Metric = 3,
}
