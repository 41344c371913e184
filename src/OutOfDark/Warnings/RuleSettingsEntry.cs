using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>
/// One of a journey's own rule settings: the rule, where it applies (the whole journey, one activity or one KPI), the
/// settings, and who set them, when and why.
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="Activity">The activity the settings apply to, or <see langword="null"/>.</param>
/// <param name="Metric">The metric widget (KPI) the settings apply to, or <see langword="null"/>; at most one of the two is set, and neither means the whole journey.</param>
/// <param name="Settings">The settings.</param>
/// <param name="ChangedBy">Who set them last.</param>
/// <param name="ChangedAt">When.</param>
/// <param name="Reason">Why, if they said.</param>
public sealed record RuleSettingsEntry(RuleId Rule, ActivityId? Activity, WidgetId? Metric, RuleSettings Settings, string ChangedBy, Instant ChangedAt, string? Reason);
