using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// The journey's analytics: funnel conversion and drop-off along flows, emotion curves per phase and persona, channel ×
/// phase coverage, phases without activities, and a health score.
/// </summary>
/// <remarks>Pure functions of the journey's current state. Thread-safe as long as the journey is not changed meanwhile.</remarks>
public static class JourneyAnalytics
{
    /// <summary>Weight of metric attainment in the health score.</summary>
    public const decimal AttainmentWeight = 0.4m;

    /// <summary>Weight of emotion in the health score.</summary>
    public const decimal EmotionWeight = 0.3m;

    /// <summary>Weight of the warning load in the health score.</summary>
    public const decimal WarningWeight = 0.3m;

    /// <summary>Conversion along every flow, in the order the flows were added.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>One entry per flow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<FlowConversion> Conversions(Journey journey)
    {
        Guard.Against.Null(journey);
        var list = new List<FlowConversion>(journey.Flows.Count);
        foreach (var flow in journey.Flows)
        {
            list.Add(new FlowConversion(flow, StepVolume.Of(journey.GetActivity(flow.From)), StepVolume.Of(journey.GetActivity(flow.To))));
        }

        return list;
    }

    /// <summary>A funnel along a path of activities, each joined to the next by a flow.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="path">The steps, first to last.</param>
    /// <returns>One entry per step.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The path is empty, or two consecutive steps are not joined by a flow.</exception>
    public static IReadOnlyList<FunnelStep> Funnel(Journey journey, IReadOnlyList<ActivityId> path)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(path);
        if (path.Count == 0)
        {
            throw new ArgumentException("A funnel needs at least one step.", nameof(path));
        }

        var steps = new List<FunnelStep>(path.Count);
        decimal? first = null, previous = null;
        for (var i = 0; i < path.Count; i++)
        {
            var activity = journey.GetActivity(path[i]);
            if (i > 0 && !Joined(journey, path[i - 1], path[i]))
            {
                throw new ArgumentException($"Funnel steps {i - 1} and {i} ('{journey.GetActivity(path[i - 1]).Name}' and '{activity.Name}') are not joined by a flow.", nameof(path));
            }

            var volume = StepVolume.Of(activity);
            first = i == 0 ? volume : first;
            steps.Add(new FunnelStep(activity.Id, volume, i == 0 ? null : Percent(volume, previous), Percent(volume, first)));
            previous = volume;
        }

        return steps;

        static decimal? Percent(decimal? part, decimal? whole) =>
            part is { } p && whole is { } w && w > 0 ? p / w * 100m : null;
    }

    /// <summary>Each persona's emotion curve: for every phase, the mean as-is and to-be emotion of their emotion widgets there.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>Points persona by persona (in persona order), phase by phase (in phase order); phases without widgets have null means.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<EmotionPoint> EmotionCurve(Journey journey)
    {
        Guard.Against.Null(journey);
        var sums = new Dictionary<(PersonaId, PhaseId), (int AsIs, int Count, int ToBe, int ToBeCount)>();
        foreach (var activity in journey.Activities)
        {
            foreach (var widget in activity.Widgets.AsSpan())
            {
                if (widget is EmotionWidget e)
                {
                    var key = (e.Persona, activity.PhaseId);
                    var s = sums.GetValueOrDefault(key);
                    sums[key] = (s.AsIs + e.AsIs.Value, s.Count + 1, s.ToBe + (e.ToBe?.Value ?? 0), s.ToBeCount + (e.ToBe is null ? 0 : 1));
                }
            }
        }

        var points = new List<EmotionPoint>();
        foreach (var persona in journey.Personas)
        {
            foreach (var phase in journey.Phases)
            {
                var s = sums.GetValueOrDefault((persona.Id, phase.Id));
                points.Add(new EmotionPoint(
                    phase.Id,
                    persona.Id,
                    s.Count == 0 ? null : (decimal)s.AsIs / s.Count,
                    s.ToBeCount == 0 ? null : (decimal)s.ToBe / s.ToBeCount,
                    s.Count));
            }
        }

        return points;
    }

    /// <summary>How many activities use each channel in each phase.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The coverage matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static ChannelCoverage Coverage(Journey journey)
    {
        Guard.Against.Null(journey);
        var channels = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<(string, PhaseId), int>();
        foreach (var activity in journey.Activities)
        {
            foreach (var channel in activity.Details.Channels)
            {
                if (seen.Add(channel))
                {
                    channels.Add(channel);
                }

                counts[(channel, activity.PhaseId)] = counts.GetValueOrDefault((channel, activity.PhaseId)) + 1;
            }
        }

        var phases = new List<PhaseId>(journey.Phases.Count);
        foreach (var phase in journey.Phases)
        {
            phases.Add(phase.Id);
        }

        return new ChannelCoverage(channels, phases, counts);
    }

    /// <summary>The phases that hold no activity, in journey order.</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The phases.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<Phase> EmptyPhases(Journey journey)
    {
        Guard.Against.Null(journey);
        var empty = new List<Phase>();
        foreach (var phase in journey.Phases)
        {
            if (journey.ActivityCountIn(phase.Id) == 0)
            {
                empty.Add(phase);
            }
        }

        return empty;
    }

    /// <summary>
    /// The journey's health score, 0–100:
    /// <c>100 × (0.4·A + 0.3·E + 0.3·W)</c>, where a part that cannot be computed is left out and the remaining weights
    /// are scaled to sum to 1.
    /// <list type="bullet">
    /// <item><b>A</b>, metric attainment: the mean over metrics with a target and an observation of
    /// latest ÷ target (higher is better) or target ÷ latest (lower is better), each clamped to 0–1 (a target of 0 is met
    /// when the latest value is no worse than 0).</item>
    /// <item><b>E</b>, emotion: the mean as-is emotion of all emotion widgets, mapped from −2…+2 to 0…1.</item>
    /// <item><b>W</b>, warning load: <c>1 / (1 + P / N)</c> with penalty points <c>P = 10·critical + 3·warning + 1·info</c>
    /// over the warnings that need attention (open or acknowledged) and <c>N</c> the number of activities plus phases
    /// (at least 1).</item>
    /// </list>
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <param name="warnings">The Warnings view, for example <see cref="WarningEngine.View"/>; snoozed and resolved warnings are not counted.</param>
    /// <returns>The score and its parts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static JourneyHealth Health(Journey journey, IEnumerable<WarningViewItem> warnings)
    {
        Guard.Against.Null(journey);
        Guard.Against.Null(warnings);
        decimal attainmentSum = 0, emotionSum = 0;
        int attainmentCount = 0, emotionCount = 0;
        foreach (var activity in journey.Activities)
        {
            foreach (var widget in activity.Widgets.AsSpan())
            {
                if (widget is MetricWidget { Target: { } target, Observations.Latest: { } latest } metric)
                {
                    attainmentSum += Attainment(metric, latest.Value, target);
                    attainmentCount++;
                }
                else if (widget is EmotionWidget emotion)
                {
                    emotionSum += (emotion.AsIs.Value + 2) / 4m;
                    emotionCount++;
                }
            }
        }

        int critical = 0, warning = 0, info = 0;
        foreach (var item in warnings)
        {
            if (item.State is WarningState.Open or WarningState.Acknowledged)
            {
                _ = item.Severity switch
                {
                    WarningSeverity.Critical => critical++,
                    WarningSeverity.Warning => warning++,
                    _ => info++,
                };
            }
        }

        decimal? a = attainmentCount == 0 ? null : attainmentSum / attainmentCount;
        decimal? e = emotionCount == 0 ? null : emotionSum / emotionCount;
        var subjects = Math.Max(1, journey.ActivityCount + journey.Phases.Count);
        var w = 1m / (1m + ((10m * critical) + (3m * warning) + info) / subjects);
        var weight = WarningWeight + (a is null ? 0 : AttainmentWeight) + (e is null ? 0 : EmotionWeight);
        var score = ((AttainmentWeight * (a ?? 0)) + (EmotionWeight * (e ?? 0)) + (WarningWeight * w)) / weight * 100m;
        return new JourneyHealth(decimal.Round(score, 1, MidpointRounding.AwayFromZero), a, e, w, critical, warning, info);
    }

    private static decimal Attainment(MetricWidget metric, decimal latest, decimal target)
    {
        if (!metric.IsWorse(latest, target))
        {
            return 1m;
        }

        var ratio = metric.Direction == MetricDirection.HigherIsBetter
            ? (target <= 0 ? 0m : latest / target)
            : (latest <= 0 ? 0m : target / latest);
        return Math.Clamp(ratio, 0m, 1m);
    }

    private static bool Joined(Journey journey, ActivityId from, ActivityId to)
    {
        foreach (var flow in journey.FlowsFrom(from))
        {
            if (flow.To == to)
            {
                return true;
            }
        }

        return false;
    }
}
