using System.Globalization;
using System.Linq;

namespace OutOfDark.Warnings;

/// <summary>One layer's settings of a rule for a subject, as <see cref="WarningEngine.EffectiveSettings"/> found them.</summary>
/// <param name="Layer">The layer.</param>
/// <param name="Settings">Its settings.</param>
/// <param name="Entry">Who set them, when and why, for the journey's own layers; <see langword="null"/> for the rule's defaults and the host's.</param>
public sealed record SettingsSource(SettingsLayer Layer, RuleSettings Settings, RuleSettingsEntry? Entry);

/// <summary>
/// The settings a rule uses on one subject and why: every layer that sets them, lowest first, the highest of which wins
/// whole (layers replace, they do not merge member by member). For a UI's "why is this threshold 65 %?".
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Settings">The settings the rule gets: those of the last source.</param>
/// <param name="Sources">Every layer that sets the rule for the subject, lowest first; never empty (the rule's defaults come first).</param>
/// <param name="Problem">Why the engine cannot use the winning settings (of another type than the rule takes, for example settings a reader kept as <see cref="UnknownRuleSettings"/>), or <see langword="null"/>. Such a rule reports a <see cref="RuleFailure"/> on the subject.</param>
public sealed record EffectiveRuleSettings(RuleId Rule, WarningSubject Subject, RuleSettings Settings, ValueList<SettingsSource> Sources, string? Problem)
{
    /// <summary>The layer the settings come from.</summary>
    public SettingsLayer Layer => Sources[^1].Layer;

    /// <summary>
    /// The explanation in words, for example: <c>From the journey's override for this activity, set by mia on
    /// 2026-11-29: new baseline after the redesign. It replaces the journey's settings and the rule's defaults.</c>
    /// </summary>
    /// <returns>The sentence.</returns>
    public string Explain()
    {
        var top = Sources[^1];
        var text = "From " + Name(top.Layer);
        if (top.Entry is { } entry)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", set by {entry.ChangedBy} on {entry.ChangedAt.InUtc().Date:yyyy-MM-dd}") + (entry.Reason is { } reason ? $": {reason}" : "");
        }

        text += ".";
        var below = Sources.Take(Sources.Count - 1).Reverse().Select(s => Name(s.Layer)).ToList();
        if (below.Count > 0)
        {
            text += $" It replaces {string.Join(" and ", below)}.";
        }

        return Problem is null ? text : $"{text} {Problem}";
    }

    private static string Name(SettingsLayer layer) => layer switch
    {
        SettingsLayer.RuleDefault => "the rule's defaults",
        SettingsLayer.Host => "the host's settings",
        SettingsLayer.HostActivity => "the host's override for this activity",
        SettingsLayer.HostMetric => "the host's override for this KPI",
        SettingsLayer.Journey => "the journey's settings",
        SettingsLayer.Activity => "the journey's override for this activity",
        _ => "the journey's override for this KPI",
    };
}
