using System;
using System.Collections.Generic;
using OutOfDark.Events;

namespace OutOfDark.Warnings;

/// <content>Settings layers: the host's settings with the journey's own laid over them, and their explanation.</content>
public sealed partial class WarningEngine
{
    /// <summary>
    /// The settings a rule uses on a subject, with every layer that sets them and who set the journey's own: rule
    /// defaults &lt; host settings &lt; host activity override &lt; host KPI override &lt; journey-wide &lt; activity
    /// override &lt; KPI override. A metric rule's subject is a KPI: its activity's overrides apply to it too.
    /// </summary>
    /// <param name="rule">A rule this engine runs.</param>
    /// <param name="subject">The subject: the journey, one of its phases, one of its activities or one of its metric widgets (KPIs).</param>
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
            throw new ArgumentException($"Rule '{rule}' looks at {definition.Scope switch { SubjectKind.Activity => "activities", SubjectKind.Metric => "metrics (KPIs)", SubjectKind.Phase => "phases", _ => "the journey" }}, not at {subject}.", nameof(subject));
        }

        Activity? owner = null;
        var exists = subject.Kind switch
        {
            SubjectKind.Activity => _journey.TryGetActivity(new ActivityId(subject.Id), out _),
            SubjectKind.Metric => _journey.FindMetric(new WidgetId(subject.Id), out owner, out _) is not null,
            SubjectKind.Phase => _journey.FindPhase(new PhaseId(subject.Id)) is not null,
            _ => subject.Id == _journey.Id.Value,
        };
        if (!exists)
        {
            throw new ArgumentException($"{subject} is not part of journey '{_journey.Name}'.", nameof(subject));
        }

        // A KPI's activity overrides apply to it too.
        var activity = owner?.Id ?? subject.ActivityId;
        var sources = new List<SettingsSource> { new(SettingsLayer.RuleDefault, definition.DefaultSettings, null) };
        if (_settings.Find(rule) is { } host)
        {
            sources.Add(new(SettingsLayer.Host, host, null));
        }

        if (activity is { } a && _settings.FindOverride(a, rule) is { } hostOverride)
        {
            sources.Add(new(SettingsLayer.HostActivity, hostOverride, null));
        }

        var metric = subject.MetricId;
        if (metric is { } m && _settings.FindMetricOverride(m, rule) is { } hostMetric)
        {
            sources.Add(new(SettingsLayer.HostMetric, hostMetric, null));
        }

        if (_journey.FindRuleSettings(rule) is { } journeyWide)
        {
            sources.Add(new(SettingsLayer.Journey, journeyWide.Settings, journeyWide));
        }

        if (activity is { } b && _journey.FindRuleSettings(rule, b) is { } own)
        {
            sources.Add(new(SettingsLayer.Activity, own.Settings, own));
        }

        if (metric is { } k && _journey.FindRuleSettings(rule, metric: k) is { } kpi)
        {
            sources.Add(new(SettingsLayer.Metric, kpi.Settings, kpi));
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
            if (_ruleIndex.TryGetValue(rule, out var index) && _rules[index].Scope is SubjectKind.Activity or SubjectKind.Metric)
            {
                overrides[(index, activity)] = Usable(index, settings);
            }
        }

        var metrics = new Dictionary<(int, WidgetId), (RuleSettings, bool)>(_hostMetricOverrides.Count + journey.MetricOverrides.Count);
        foreach (var ((rule, metric), settings) in _hostMetricOverrides)
        {
            if (journey.Find(_ruleIds[rule]) is null)
            {
                metrics[(rule, metric)] = (settings, true);
            }
        }

        foreach (var ((rule, metric), settings) in journey.MetricOverrides)
        {
            // A KPI override of a rule that does not look at metrics has no subject to apply to.
            if (_ruleIndex.TryGetValue(rule, out var index) && _rules[index].Scope == SubjectKind.Metric)
            {
                metrics[(index, metric)] = (Usable(index, settings), false);
            }
        }

        (_ruleSettings, _overrides, _metricOverrides, _journeyLayer) = (rules, overrides, metrics, journey);
    }

    /// <summary>
    /// The settings one check uses: for a KPI, the journey's override of it (or the host's, unless the journey overrides
    /// the rule on the KPI's activity); then the activity's override; then the journey-wide or host settings.
    /// </summary>
    private RuleSettings SettingsOf(int rule, Activity? activity, MetricWidget? metric)
    {
        if (metric is not null && _metricOverrides.Count > 0 && _metricOverrides.TryGetValue((rule, metric.Id), out var kpi)
            && (!kpi.Host || activity is null || _journeyLayer!.FindOverride(activity.Id, _ruleIds[rule]) is null))
        {
            return kpi.Settings;
        }

        return _overrides.Count > 0 && activity is not null && _overrides.TryGetValue((rule, activity.Id), out var own)
            ? own
            : _ruleSettings[rule];
    }

    private RuleSettings Usable(int rule, RuleSettings settings) =>
        Unusable(rule, settings) is { } problem ? new UnusableSettings(problem) : settings;

    private string? Unusable(int rule, RuleSettings settings) =>
        _rules[rule].SettingsType.IsInstanceOfType(settings) ? null
        : settings is UnknownRuleSettings
            ? $"The journey's settings of rule '{_ruleIds[rule]}' were read without their type ({_rules[rule].SettingsType.Name}): register it with the serializer that reads journeys (JourneyJsonOptions.RuleSettings) so that the rule can use them."
            : $"The journey's settings of rule '{_ruleIds[rule]}' are a {settings.GetType().Name}; the rule takes {_rules[rule].SettingsType.Name}.";

    /// <summary>
    /// Adds the rules and subjects a settings change affects: every subject of the rule for journey-wide settings; the
    /// activity for its override (for a metric rule, every KPI on it); the KPI for its override. Settings of a rule this
    /// engine does not run, and overrides of a rule on a subject it does not look at, affect nothing.
    /// </summary>
    private void AffectedBy(RuleSettingsChanged change, HashSet<int> everywhere, List<Slot> subjects)
    {
        if (!_ruleIndex.TryGetValue(change.Rule, out var rule))
        {
            return;
        }

        var scope = _rules[rule].Scope;
        if (change.Metric is { } metric)
        {
            if (scope == SubjectKind.Metric)
            {
                subjects.Add(new Slot(rule, WarningSubject.For(metric)));
            }
        }
        else if (change.Activity is { } id)
        {
            if (scope == SubjectKind.Activity)
            {
                subjects.Add(new Slot(rule, WarningSubject.For(id)));
            }
            else if (scope == SubjectKind.Metric && _journey.TryGetActivity(id, out var activity))
            {
                foreach (var widget in activity.Widgets.AsSpan())
                {
                    if (widget is MetricWidget)
                    {
                        subjects.Add(new Slot(rule, WarningSubject.For(widget.Id)));
                    }
                }
            }
        }
        else
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
