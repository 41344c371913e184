using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>
/// How a journey tunes its rules: settings per rule, and per-activity overrides that replace them for one activity.
/// Rules without settings here use their defaults.
/// </summary>
/// <remarks>Immutable: the <c>With…</c> methods return new settings. Thread-safe.</remarks>
public sealed class WarningSettings
{
    private readonly Dictionary<RuleId, RuleSettings> _rules;
    private readonly Dictionary<(RuleId Rule, ActivityId Activity), RuleSettings> _overrides;

    private WarningSettings(Dictionary<RuleId, RuleSettings> rules, Dictionary<(RuleId, ActivityId), RuleSettings> overrides)
    {
        _rules = rules;
        _overrides = overrides;
    }

    /// <summary>No settings: every rule uses its defaults.</summary>
    public static WarningSettings Default { get; } = new([], []);

    /// <summary>The journey-wide settings, by rule.</summary>
    public IReadOnlyDictionary<RuleId, RuleSettings> Rules => _rules;

    /// <summary>The per-activity overrides, by rule and activity.</summary>
    public IReadOnlyDictionary<(RuleId Rule, ActivityId Activity), RuleSettings> Overrides => _overrides;

    /// <summary>Returns settings with <paramref name="settings"/> used for <paramref name="rule"/> across the journey.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="settings">Its settings; the engine checks they are of the rule's settings type.</param>
    /// <returns>The new settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    public WarningSettings With(RuleId rule, RuleSettings settings)
    {
        Guard.Against.Null(settings);
        var rules = new Dictionary<RuleId, RuleSettings>(_rules) { [rule] = settings };
        return new WarningSettings(rules, _overrides);
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
        return new WarningSettings(_rules, overrides);
    }

    /// <summary>Returns settings without the override of <paramref name="rule"/> on <paramref name="activity"/>.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The new settings.</returns>
    public WarningSettings WithoutOverride(ActivityId activity, RuleId rule)
    {
        var overrides = new Dictionary<(RuleId, ActivityId), RuleSettings>(_overrides);
        overrides.Remove((rule, activity));
        return new WarningSettings(_rules, overrides);
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
