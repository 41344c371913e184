using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using OutOfDark;

namespace OutOfDark.Rendering;

/// <summary>One step of a funnel: an activity and how many customers reached it.</summary>
/// <param name="Activity">The activity.</param>
/// <param name="Name">The activity's name.</param>
/// <param name="Count">How many customers reached it, or <see langword="null"/> when unknown.</param>
public sealed record FunnelChartStep(ActivityId Activity, string Name, decimal? Count)
{
    /// <summary>The share of the previous step's count that reached this step, from 0 up; <see langword="null"/> when either count is unknown or the previous one is zero.</summary>
    /// <param name="previous">The previous step.</param>
    /// <returns>The conversion rate.</returns>
    public double? ConversionFrom(FunnelChartStep? previous) =>
        previous is { Count: { } before } && before != 0 && Count is { } now ? (double)(now / before) : null;
}

/// <summary>Derives a funnel from a journey's flows and Count metrics: one flow path, from the widest step along the busiest flows.</summary>
public static class Funnel
{
    /// <summary>
    /// Follows ONE flow path, the busiest: it starts at the widest step, the activity with the highest count among those
    /// with an outgoing flow (when no such activity has a count: the first in map order that no flow leads to, or else
    /// the first with an outgoing flow), and at each step takes the outgoing flow to the not yet visited activity with
    /// the highest count. An unknown count ranks below every known one; ties go to the first in map order (for the start)
    /// or in flow order (for next steps). Each consecutive pair of steps is joined by a flow, and no activity appears
    /// twice. Each step's count is <see cref="StepVolume.Of"/>: the latest value of the activity's first metric of kind
    /// <see cref="MetricKind.Count"/> that should rise (<see cref="MetricDirection.HigherIsBetter"/>).
    /// </summary>
    /// <remarks>
    /// A step can still count more customers than the one before it when it is also reached from other activities, or
    /// when its metric counts something else: the counts are the activities' own metrics, not a cohort followed along.
    /// The HTML report says so under the chart.
    /// </remarks>
    /// <param name="journey">The journey.</param>
    /// <returns>The steps, in path order; empty when the journey has no flow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static ValueList<FunnelChartStep> Compute(Journey journey)
    {
        Guard.Against.Null(journey);
        if (journey.Flows.Count == 0)
        {
            return ValueList<FunnelChartStep>.Empty;
        }

        Activity? busiest = null;
        Activity? source = null;
        Activity? first = null;
        foreach (var activity in journey.Activities)
        {
            if (journey.FlowsFrom(activity.Id).Count == 0)
            {
                continue;
            }

            first ??= activity;
            if (StepVolume.Of(activity) is not null && (busiest is null || Busier(activity, busiest)))
            {
                busiest = activity;
            }

            if (source is null && journey.FlowsTo(activity.Id).Count == 0)
            {
                source = activity;
            }
        }

        var start = busiest ?? source ?? first;
        var steps = new List<FunnelChartStep>();
        var seen = new HashSet<ActivityId>();
        for (var current = start; current is not null && seen.Add(current.Id);)
        {
            // The same volume the funnel drop-off rule reads, so the chart and the warnings agree.
            steps.Add(new FunnelChartStep(current.Id, current.Name, StepVolume.Of(current)));
            Activity? next = null;
            foreach (var flow in journey.FlowsFrom(current.Id))
            {
                if (!seen.Contains(flow.To) && journey.TryGetActivity(flow.To, out var candidate) && (next is null || Busier(candidate, next)))
                {
                    next = candidate;
                }
            }

            current = next;
        }

        return ValueList<FunnelChartStep>.From(steps);
    }

    /// <summary>Whether <paramref name="a"/> has a known count higher than <paramref name="b"/>'s (an unknown count is lowest).</summary>
    private static bool Busier(Activity a, Activity b) =>
        StepVolume.Of(a) is { } x && (StepVolume.Of(b) is not { } y || x > y);
}
