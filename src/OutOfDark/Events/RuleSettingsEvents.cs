using OutOfDark.Warnings;

namespace OutOfDark.Events;

/// <summary>
/// Someone set, changed or cleared the journey's own settings of a warning rule: for the whole journey, for one activity
/// or for one KPI (a metric widget). The journey's settings lie over the host's defaults; see docs/warnings.md.
/// </summary>
/// <param name="Rule">The rule. It need not be one the journey's host runs: the rule registry lives in the host.</param>
/// <param name="Activity">The activity the settings apply to, or <see langword="null"/>.</param>
/// <param name="Metric">The metric widget (KPI) the settings apply to, or <see langword="null"/>. At most one of <paramref name="Activity"/> and <paramref name="Metric"/> is set; neither means the whole journey.</param>
/// <param name="Previous">The settings the journey had at that level before, or <see langword="null"/> for none.</param>
/// <param name="Current">The settings it has now, or <see langword="null"/> when they were cleared.</param>
public sealed record RuleSettingsChanged(RuleId Rule, ActivityId? Activity, WidgetId? Metric, RuleSettings? Previous, RuleSettings? Current) : JourneyEvent;
