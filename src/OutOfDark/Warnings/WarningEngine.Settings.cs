using System;
using System.Collections.Generic;
using OutOfDark.Events;

namespace OutOfDark.Warnings;

/// <content>Settings layers: the host's settings with the journey's own laid over them, and their explanation.</content>
public sealed partial class WarningEngine
{
    /// <summary>
    /// The settings a rule uses on a subject, with every layer that sets them and who set the journey's own: rule
    /// defaults &lt; host settings &lt; host activity override &lt; journey-wide &lt; activity override &lt; KPI override.
    /// </summary>
    /// <param name="rule">A rule this engine runs.</param>
    /// <param name="subject">The subject: the journey, one of its phases or one of its activities.</param>
    /// <returns>The settings and their explanation.</returns>
    /// <exception cref="ArgumentException">The engine runs no such rule, the subject is not of the rule's scope, or it is not part of the journey.</exception>
    public EffectiveRuleSettings EffectiveSettings(RuleId rule, WarningSubject subject)
    {
        if (!_ruleIndex.TryGetValue(rule, out var index))
        {
            throw new ArgumentException($"This engine runs no rule '{rule}'; its rules are {string.Join(", ", _ruleIds)}.", nameof(rule));
        }

        var definition = _rules[index];
        if (subject.Kind != definition.Scope)
        {
            throw new ArgumentException($"Rule '{rule}' looks at {definition.Scope switch { SubjectKind.Activity => "activities", SubjectKind.Phase => "phases", _ => "the journey" }}, not at {subject}.", nameof(subject));
        }

        var exists = subject.Kind switch
        {
            SubjectKind.Activity => _journey.TryGetActivity(new ActivityId(subject.Id), out _),
            SubjectKind.Phase => _journey.FindPhase(new PhaseId(subject.Id)) is not null,
            _ => subject.Id == _journey.Id.Value,
        };
        if (!exists)
        {
            throw new ArgumentException($"{subject} is not part of journey '{_journey.Name}'.", nameof(subject));
        }

        var sources = new List<SettingsSource> { new(SettingsLayer.RuleDefault, definition.DefaultSettings, null) };
        if (_settings.Find(rule) is { } host)
        {
            sources.Add(new(SettingsLayer.Host, host, null));
        }

        var activity = subject.ActivityId;
        if (activity is { } a && _settings.FindOverride(a, rule) is { } hostOverride)
        {
            sources.Add(new(SettingsLayer.HostActivity, hostOverride, null));
        }

        if (_journey.FindRuleSettings(rule) is { } journeyWide)
        {
            sources.Add(new(SettingsLayer.Journey, journeyWide.Settings, journeyWide));
        }

        if (activity is { } b && _journey.FindRuleSettings(rule, b) is { } own)
        {
            sources.Add(new(SettingsLayer.Activity, own.Settings, own));
        }

        var settings = sources[^1].Settings;
        return new EffectiveRuleSettings(rule, subject, settings, ValueList<SettingsSource>.From(sources), Unusable(index, settings));
    }

    /// <summary>Lays the journey's own settings over the host's when the journey's have changed since the last look.</summary>
    private void SyncJourneySettings()
    {
        if (!ReferenceEquals(_journey.RuleSettings, _journeyLayer))
        {
            Layer();
        }
    }

    /// <summary>
    /// Builds the two tables each check reads, so that a check costs what it did with host settings alone: per rule, the
    /// journey-wide settings or else the host's or else the defaults; per rule and activity, the journey's override, or
    /// else the host's while the journey sets the rule no wider. Journey settings the rule cannot use become a marker
    /// that reports a rule failure; those of rules this engine does not run are left alone.
    /// </summary>
    private void Layer()
    {
        var journey = _journey.RuleSettings;
        var rules = new RuleSettings[_rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = journey.Find(_ruleIds[i]) is { } own ? Usable(i, own) : _hostRules[i] ?? _rules[i].DefaultSettings;
        }

        var overrides = new Dictionary<(int, ActivityId), RuleSettings>(_hostOverrides.Count + journey.Overrides.Count);
        foreach (var ((rule, activity), settings) in _hostOverrides)
        {
            if (journey.Find(_ruleIds[rule]) is null)
            {
                overrides[(rule, activity)] = settings;
            }
        }

        foreach (var ((rule, activity), settings) in journey.Overrides)
        {
            // An activity override of a phase or journey rule has no subject to apply to.
            if (_ruleIndex.TryGetValue(rule, out var index) && _rules[index].Scope == SubjectKind.Activity)
            {
                overrides[(index, activity)] = Usable(index, settings);
            }
        }

        (_ruleSettings, _overrides, _journeyLayer) = (rules, overrides, journey);
    }

    private RuleSettings Usable(int rule, RuleSettings settings) =>
        Unusable(rule, settings) is { } problem ? new UnusableSettings(problem) : settings;

    private string? Unusable(int rule, RuleSettings settings) =>
        _rules[rule].SettingsType.IsInstanceOfType(settings) ? null
        : settings is UnknownRuleSettings
            ? $"The journey's settings of rule '{_ruleIds[rule]}' were read without their type ({_rules[rule].SettingsType.Name}): register it with the serializer that reads journeys (JourneyJsonOptions.RuleSettings) so that the rule can use them."
            : $"The journey's settings of rule '{_ruleIds[rule]}' are a {settings.GetType().Name}; the rule takes {_rules[rule].SettingsType.Name}.";

    /// <summary>
    /// Adds the rules and subjects a settings change affects: every subject of the rule for journey-wide settings, the
    /// activity for its override. A KPI override affects no subject until metric rules evaluate per KPI (issue 11 §2),
    /// and settings of a rule this engine does not run affect nothing.
    /// </summary>
    private void AffectedBy(RuleSettingsChanged change, HashSet<int> everywhere, List<(int Rule, ActivityId Activity)> activities)
    {
        if (!_ruleIndex.TryGetValue(change.Rule, out var rule))
        {
            return;
        }

        if (change.Activity is { } activity)
        {
            // An activity override of a phase or journey rule applies to nothing.
            if (_rules[rule].Scope == SubjectKind.Activity)
            {
                activities.Add((rule, activity));
            }
        }
        else if (change.Metric is null)
        {
            everywhere.Add(rule);
        }
    }

    /// <summary>Settings a rule cannot use: disabled, so the check's fast path skips the rule and reports the failure instead.</summary>
    private sealed record UnusableSettings : RuleSettings
    {
        public UnusableSettings(string problem)
        {
            Problem = problem;
            Enabled = false;
        }

        public string Problem { get; }
    }
}
