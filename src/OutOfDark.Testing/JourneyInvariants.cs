using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Testing;

/// <summary>Checks, from the outside, every invariant a journey promises to keep.</summary>
public static class JourneyInvariants
{
    /// <summary>Lists the invariants the journey breaks.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>One sentence per broken invariant; empty when all hold.</returns>
    public static IReadOnlyList<string> Violations(Journey journey)
    {
        Guard.Against.Null(journey);
        var problems = new List<string>();
        var phases = journey.Phases.Select(p => p.Id).ToList();
        Unique(phases, "phase", problems);
        Unique(journey.Personas.Select(p => p.Id).ToList(), "persona", problems);
        var activities = journey.Activities;
        Unique(activities.Select(a => a.Id).ToList(), "activity", problems);
        if (activities.Count != journey.ActivityCount)
        {
            problems.Add($"The map reaches {activities.Count} of {journey.ActivityCount} {(journey.ActivityCount == 1 ? "activity" : "activities")}: it is not a tree.");
        }

        if (journey.ParentJourneyId == journey.Id)
        {
            problems.Add($"Journey {journey.Id} is its own parent.");
        }

        foreach (var phase in phases)
        {
            if (journey.ActivityCountIn(phase) != activities.Count(a => a.PhaseId == phase))
            {
                problems.Add($"Phase {phase} counts {journey.ActivityCountIn(phase)} activities but holds {activities.Count(a => a.PhaseId == phase)}.");
            }
        }

        var ids = activities.Select(a => a.Id).ToHashSet();
        var seen = new HashSet<ActivityId>();
        foreach (var activity in activities)
        {
            if (activity.SubJourneyId == journey.Id)
            {
                problems.Add($"Activity {activity.Id} links to its own journey as its sub-journey.");
            }

            if (!phases.Contains(activity.PhaseId))
            {
                problems.Add($"Activity {activity.Id} lives in missing phase {activity.PhaseId}.");
            }

            if (activity.ParentId is { } parent && !seen.Contains(parent))
            {
                problems.Add($"Activity {activity.Id} comes before its parent {parent}, or its parent is missing.");
            }

            if (activity.ParentId is { } parentId && journey.TryGetActivity(parentId, out var parentActivity) && parentActivity.PhaseId != activity.PhaseId)
            {
                problems.Add($"Activity {activity.Id} lives in phase {activity.PhaseId}, but its parent {parentId} lives in phase {parentActivity.PhaseId}.");
            }

            seen.Add(activity.Id);
            if (activity.Details.PlannedStart is { } start && activity.Details.PlannedEnd is { } end && end < start)
            {
                problems.Add($"Activity {activity.Id} ends before it starts.");
            }

            foreach (var widget in activity.Widgets)
            {
                if (widget is MetricWidget metric)
                {
                    var dates = metric.Observations.Select(o => o.Date).ToList();
                    for (var i = 1; i < dates.Count; i++)
                    {
                        if (dates[i] <= dates[i - 1])
                        {
                            problems.Add($"Metric {metric.Id} has observations out of order or twice on {dates[i]}.");
                        }
                    }

                    if (metric.Target is { } t && metric.WarningThreshold is { } w && metric.IsWorse(t, w))
                    {
                        problems.Add($"Metric {metric.Id} has a warning threshold better than its target.");
                    }

                    if (metric.WarningThreshold is { } w2 && metric.CriticalThreshold is { } c && metric.IsWorse(w2, c))
                    {
                        problems.Add($"Metric {metric.Id} has a critical threshold better than its warning threshold.");
                    }

                    foreach (var o in metric.Observations)
                    {
                        if (metric.CheckValue(o.Value) is { } problem)
                        {
                            problems.Add($"Metric {metric.Id}: {problem}");
                        }
                    }
                }

                if (widget is EmotionWidget emotion && journey.FindPersona(emotion.Persona) is null)
                {
                    problems.Add($"Emotion widget {emotion.Id} names missing persona {emotion.Persona}.");
                }
            }
        }

        // Widget ids are unique across the journey: activities' widgets, the journey's metrics and the phases' metrics.
        var kpis = journey.Metrics.Concat(journey.Phases.SelectMany(p => p.Metrics)).ToList();
        Unique(activities.SelectMany(a => a.Widgets).Select(w => w.Id).Concat(kpis.Select(m => m.Id)).ToList(), "widget", problems);
        foreach (var kpi in kpis)
        {
            if (journey.FindKpi(kpi.Id, out _) != kpi || journey.FindActivityOf(OutOfDark.Warnings.WarningSubject.For(kpi.Id)) is not null || journey.FindWidget(kpi.Id, out _) is not null)
            {
                problems.Add($"Journey or phase metric {kpi.Id} is not found where it is, or is taken for an activity's widget.");
            }
        }

        Unique(journey.Flows.Select(f => f.Id).ToList(), "flow", problems);
        Unique(journey.Flows.Select(f => (f.From, f.To)).ToList(), "flow end pair", problems);
        foreach (var flow in journey.Flows)
        {
            if (!ids.Contains(flow.From) || !ids.Contains(flow.To) || flow.From == flow.To)
            {
                problems.Add($"Flow {flow.Id} does not join two different existing activities.");
            }
        }

        // Rule settings apply to the journey, an existing activity or an existing KPI, once per place, and are in range.
        Unique(journey.RuleSettingsEntries.Select(e => (e.Rule, e.Activity, e.Metric)).ToList(), "rule settings place", problems);
        var metrics = activities.SelectMany(a => a.Widgets).OfType<MetricWidget>().Select(m => m.Id).Concat(kpis.Select(m => m.Id)).ToHashSet();
        foreach (var entry in journey.RuleSettingsEntries)
        {
            if ((entry.Activity is { } a && !ids.Contains(a)) || (entry.Metric is { } m && !metrics.Contains(m)) || (entry.Activity is not null && entry.Metric is not null))
            {
                problems.Add($"The settings of rule '{entry.Rule}' apply to neither the journey, an existing activity nor an existing KPI.");
            }

            if (entry.Settings.Validate() is { } problem)
            {
                problems.Add($"The settings of rule '{entry.Rule}' are out of range: {problem}");
            }
        }

        BlueprintViolations(journey, problems);
        PairingViolations(journey, ids, problems);
        return problems;
    }

    /// <summary>
    /// Lanes: the four built-ins are present, ids are unique, every activity sits in an existing lane. Opportunities: ids
    /// unique, scores in 1–5, and every link well-formed, once, naming an activity, an emotion widget, an existing entry of
    /// a feedback widget, or a warning subject the journey holds.
    /// </summary>
    private static void BlueprintViolations(Journey journey, List<string> problems)
    {
        var lanes = journey.Lanes.Select(l => l.Id).ToList();
        Unique(lanes, "lane", problems);
        foreach (var builtIn in Lane.BuiltIns)
        {
            if (!lanes.Contains(builtIn.Id))
            {
                problems.Add($"The built-in lane '{builtIn.Id}' is missing.");
            }
        }

        foreach (var activity in journey.Activities)
        {
            if (!lanes.Contains(activity.Lane))
            {
                problems.Add($"Activity {activity.Id} sits in missing lane '{activity.Lane}'.");
            }
        }

        Unique(journey.Opportunities.Select(o => o.Id).ToList(), "opportunity", problems);
        var widgets = journey.Activities.SelectMany(a => a.Widgets).ToDictionary(w => w.Id);
        foreach (var o in journey.Opportunities)
        {
            if (o.Scores?.Problem() is { } scores)
            {
                problems.Add($"Opportunity {o.Id}: {scores}");
            }

            Unique(o.Links.ToList(), $"link of opportunity {o.Id}", problems);
            foreach (var link in o.Links)
            {
                var holds = link.ShapeProblem() is null && link.Kind switch
                {
                    OpportunityLinkKind.Activity => journey.TryGetActivity(link.Activity!.Value, out _),
                    OpportunityLinkKind.PainPoint => widgets.GetValueOrDefault(link.Widget!.Value) is EmotionWidget,
                    OpportunityLinkKind.Feedback => widgets.GetValueOrDefault(link.Widget!.Value) is FeedbackWidget f && link.Entry < f.Entries.Count,
                    _ => link.Warning!.Value.Subject switch
                    {
                        { Kind: Warnings.SubjectKind.Activity } s => journey.TryGetActivity(new ActivityId(s.Id), out _),
                        { Kind: Warnings.SubjectKind.Metric } s => widgets.GetValueOrDefault(new WidgetId(s.Id)) is MetricWidget,
                        { Kind: Warnings.SubjectKind.Phase } s => journey.FindPhase(new PhaseId(s.Id)) is not null,
                        var s => s.Id == journey.Id.Value,
                    },
                };
                if (!holds)
                {
                    problems.Add($"Opportunity {o.Id} has a link to something the journey does not hold: {link}.");
                }
            }
        }
    }

    /// <summary>Throws when the journey breaks an invariant.</summary>
    /// <param name="journey">The journey.</param>
    /// <exception cref="InvalidOperationException">An invariant is broken; the message lists them all.</exception>
    public static void Check(Journey journey)
    {
        var problems = Violations(journey);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Journey invariants broken:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    private static void Unique<T>(List<T> items, string what, List<string> problems)
    {
        var set = new HashSet<T>();
        foreach (var item in items)
        {
            if (!set.Add(item))
            {
                problems.Add($"The {what} {item} appears twice.");
            }
        }
    }

    private static void PairingViolations(Journey journey, HashSet<ActivityId> activities, List<string> problems)
    {
        if (journey.Pairing is not { } pairing)
        {
            return;
        }

        if (pairing.Counterpart == journey.Id || pairing.Counterpart == default)
        {
            problems.Add($"The journey is paired with {pairing.Counterpart}, which is itself or the empty id.");
        }

        Unique(pairing.Matches.Select(m => m.Activity).ToList(), "matched activity", problems);
        Unique(pairing.Matches.Select(m => m.Counterpart).ToList(), "matched counterpart activity", problems);
        foreach (var match in pairing.Matches.Where(m => !activities.Contains(m.Activity)))
        {
            problems.Add($"Missing activity {match.Activity} is matched with {match.Counterpart} of the paired journey.");
        }

        foreach (var match in pairing.Matches.Where(m => activities.Contains(m.Counterpart)))
        {
            problems.Add($"Activity {match.Activity} is matched with {match.Counterpart}, an activity of its own journey.");
        }
    }
}
