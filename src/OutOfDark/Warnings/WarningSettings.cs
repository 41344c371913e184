using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>
/// One layer of rule settings: settings per rule, per-activity overrides that replace them for one activity, and
/// per-KPI overrides that replace them for one metric widget. A host passes its defaults to the engine in one;
/// <see cref="Journey.RuleSettings"/> is the journey's own layer over them. Rules without settings here use the layer
/// beneath (see docs/warnings.md, "Settings layers").
/// </summary>
/// <remarks>Immutable: the <c>With…</c> methods return new settings. Thread-safe.</remarks>
public sealed class WarningSettings
{
    private readonly Dictionary<RuleId, RuleSettings> _rules;
    private readonly Dictionary<(RuleId Rule, ActivityId Activity), RuleSettings> _overrides;
    private readonly Dictionary<(RuleId Rule, WidgetId Metric), RuleSettings> _metricOverrides;

    private WarningSettings(Dictionary<RuleId, RuleSettings> rules, Dictionary<(RuleId, ActivityId), RuleSettings> overrides, Dictionary<(RuleId, WidgetId), RuleSettings> metricOverrides)
    {
        _rules = rules;
        _overrides = overrides;
        _metricOverrides = metricOverrides;
    }

    /// <summary>No settings: every rule uses its defaults.</summary>
    public static WarningSettings Default { get; } = new([], [], []);

    /// <summary>Whether the layer holds no settings at all.</summary>
    public bool IsEmpty => _rules.Count == 0 && _overrides.Count == 0 && _metricOverrides.Count == 0;

    /// <summary>The journey-wide settings, by rule.</summary>
    public IReadOnlyDictionary<RuleId, RuleSettings> Rules => _rules;

    /// <summary>The per-activity overrides, by rule and activity.</summary>
    public IReadOnlyDictionary<(RuleId Rule, ActivityId Activity), RuleSettings> Overrides => _overrides;

    /// <summary>The per-KPI overrides, by rule and metric widget.</summary>
    public IReadOnlyDictionary<(RuleId Rule, WidgetId Metric), RuleSettings> MetricOverrides => _metricOverrides;

    /// <summary>Returns settings with <paramref name="settings"/> used for <paramref name="rule"/> across the journey.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">Its settings; the engine checks they are of the rule's settings type.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public WarningSettings With(RuleId rule, RuleSettings settings)
    {
        Guard.Against.Null(settings);
        var rules = new Dictionary<RuleId, RuleSettings>(_rules) { [rule] = settings };
        return new WarningSettings(rules, _overrides, _metricOverrides);
    }

    /// <summary>Returns settings with <paramref name="settings"/> used for <paramref name="rule"/> on one activity only.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">Its settings for that activity.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public WarningSettings WithOverride(ActivityId activity, RuleId rule, RuleSettings settings)
    {
        Guard.Against.Null(settings);
        var overrides = new Dictionary<(RuleId, ActivityId), RuleSettings>(_overrides) { [(rule, activity)] = settings };
        return new WarningSettings(_rules, overrides, _metricOverrides);
    }

    /// <summary>Returns settings without the override of <paramref name="rule"/> on <paramref name="activity"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The new settings.</returns>
    public WarningSettings WithoutOverride(ActivityId activity, RuleId rule)
    {
        var overrides = new Dictionary<(RuleId, ActivityId), RuleSettings>(_overrides);
        overrides.Remove((rule, activity));
        return new WarningSettings(_rules, overrides, _metricOverrides);
    }

    /// <summary>Returns settings without the journey-wide settings of <paramref name="rule"/> (its overrides stay).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The new settings.</returns>
    public WarningSettings Without(RuleId rule)
    {
        var rules = new Dictionary<RuleId, RuleSettings>(_rules);
        rules.Remove(rule);
        return new WarningSettings(rules, _overrides, _metricOverrides);
    }

    /// <summary>Returns settings with <paramref name="settings"/> used for <paramref name="rule"/> on one KPI (metric widget) only.</summary>
    /// <param name="metric">The metric widget.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">Its settings for that KPI.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public WarningSettings WithMetricOverride(WidgetId metric, RuleId rule, RuleSettings settings)
    {
        Guard.Against.Null(settings);
        var overrides = new Dictionary<(RuleId, WidgetId), RuleSettings>(_metricOverrides) { [(rule, metric)] = settings };
        return new WarningSettings(_rules, _overrides, overrides);
    }

    /// <summary>Returns settings without the override of <paramref name="rule"/> on the KPI <paramref name="metric"/>.</summary>
    /// <param name="metric">The metric widget.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The new settings.</returns>
    public WarningSettings WithoutMetricOverride(WidgetId metric, RuleId rule)
    {
        var overrides = new Dictionary<(RuleId, WidgetId), RuleSettings>(_metricOverrides);
        overrides.Remove((rule, metric));
        return new WarningSettings(_rules, _overrides, overrides);
    }

    /// <summary>The override of a rule for one KPI, if any.</summary>
    /// <param name="metric">The metric widget.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The settings, or <see langword="null"/>.</returns>
    public RuleSettings? FindMetricOverride(WidgetId metric, RuleId rule) => _metricOverrides.GetValueOrDefault((rule, metric));

    /// <summary>The layer a journey's entries make, built in one pass.</summary>
    internal static WarningSettings From(IEnumerable<RuleSettingsEntry> entries)
    {
        var (rules, overrides, metrics) = (new Dictionary<RuleId, RuleSettings>(), new Dictionary<(RuleId, ActivityId), RuleSettings>(), new Dictionary<(RuleId, WidgetId), RuleSettings>());
        foreach (var entry in entries)
        {
            if (entry.Activity is { } activity)
            {
                overrides[(entry.Rule, activity)] = entry.Settings;
            }
            else if (entry.Metric is { } metric)
            {
                metrics[(entry.Rule, metric)] = entry.Settings;
            }
            else
            {
                rules[entry.Rule] = entry.Settings;
            }
        }

        return rules.Count == 0 && overrides.Count == 0 && metrics.Count == 0 ? Default : new WarningSettings(rules, overrides, metrics);
    }

    /// <summary>The journey-wide settings of a rule, if configured.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The settings, or <see langword="null"/> for the rule's defaults.</returns>
    public RuleSettings? Find(RuleId rule) => _rules.GetValueOrDefault(rule);

    /// <summary>The override of a rule for one activity, if any.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The settings, or <see langword="null"/>.</returns>
    public RuleSettings? FindOverride(ActivityId activity, RuleId rule) => _overrides.GetValueOrDefault((rule, activity));
}
