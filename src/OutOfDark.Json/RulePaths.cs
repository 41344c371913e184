using System.Globalization;
using OutOfDark.Warnings;

namespace OutOfDark.Json;

/// <summary>Finds the JSON path of the element a journey rule refused, from the ids the rule names.</summary>
internal static class RulePaths
{
    public static string Locate(JourneySnapshot s, JourneyRuleException ex)
    {
        if (ex.SnapshotPath is { } member)
        {
            return FromSnapshotPath(member);
        }

        var last = ex.Rule == JourneyRules.DuplicateId;
        foreach (var subject in ex.Subjects)
        {
            var path = subject switch
            {
                ActivityId id => Activity(s, id, last, ex.Rule) ?? Flow(s, f => f.From == id || f.To == id),
                PhaseId id => Find(s.Phases, p => p.Id == id, last) is var i and >= 0 ? $"$.phases[{N(i)}]" : null,
                PersonaId id => Find(s.Personas, p => p.Id == id, last) is var i and >= 0 ? $"$.personas[{N(i)}]" : null,
                FlowId id => Find(s.Flows, f => f.Id == id, last) is var i and >= 0 ? $"$.flows[{N(i)}]" : null,
                WidgetId id => Widget(s, id, last),
                WarningKey key => Find(s.Warnings, w => w.Key == key, last) is var i and >= 0 ? $"$.warnings[{N(i)}]" : null,
                RuleSettingsEntry entry => Find(s.RuleSettings, r => ReferenceEquals(r, entry), false) is var i and >= 0 ? $"$.ruleSettings[{N(i)}]" : null,
                _ => null,
            };
            if (path is not null)
            {
                return path;
            }
        }

        return "$";
    }

    /// <summary>
    /// The JSON path of a snapshot member path: <c>Opportunities[0].Scores.Effort</c> is
    /// <c>$.opportunities[0].scores.effort</c>. The document's names are the snapshot's in camel case, but for a metric's
    /// kind, written <c>metricKind</c> beside the widget's <c>kind</c>.
    /// </summary>
    internal static string FromSnapshotPath(string member)
    {
        var path = new System.Text.StringBuilder("$");
        var parts = member.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var bracket = part.IndexOf('[', System.StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            var json = name == "Kind" && i > 0 && (parts[i - 1].StartsWith("Metrics[", System.StringComparison.Ordinal) || parts[i - 1].StartsWith("Widgets[", System.StringComparison.Ordinal))
                ? "metricKind"
                : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
            path.Append('.').Append(json);
            if (bracket >= 0)
            {
                path.Append(part, bracket, part.Length - bracket);
            }
        }

        return path.ToString();
    }

    private static string? Activity(JourneySnapshot s, ActivityId id, bool last, string rule)
    {
        var i = Find(s.Activities, a => a.Id == id, last);
        if (i < 0)
        {
            return null;
        }

        var suffix = rule switch
        {
            JourneyRules.UnknownPhase => ".phaseId",
            JourneyRules.UnknownActivity or JourneyRules.MapCycle or JourneyRules.ParentInOtherPhase => ".parentId",
            _ => "",
        };
        return $"$.activities[{N(i)}]{suffix}";
    }

    private static string? Flow(JourneySnapshot s, System.Predicate<Flow> match) =>
        Find(s.Flows, match, false) is var i and >= 0 ? $"$.flows[{N(i)}]" : null;

    private static string? Widget(JourneySnapshot s, WidgetId id, bool last)
    {
        string? found = null;
        for (var i = 0; i < s.Activities.Count; i++)
        {
            var widgets = s.Activities[i].Widgets;
            for (var j = 0; j < widgets.Count; j++)
            {
                if (widgets[j].Id == id)
                {
                    found = $"$.activities[{N(i)}].widgets[{N(j)}]";
                    if (!last)
                    {
                        return found;
                    }
                }
            }
        }

        return found;
    }

    private static int Find<T>(ValueList<T> list, System.Predicate<T> match, bool last)
    {
        var found = -1;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not null && match(list[i]))
            {
                found = i;
                if (!last)
                {
                    return i;
                }
            }
        }

        return found;
    }

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);
}
