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

/// <summary>Derives a funnel from a journey's flows and Count metrics.</summary>
public static class Funnel
{
    /// <summary>
    /// Follows the flows from the first activity (in map order) that has an outgoing flow and no incoming one, taking the
    /// first outgoing flow at each step and stopping before an activity seen already. Each step's count is
    /// <see cref="StepVolume.Of"/>: the latest value of the activity's first metric of kind <see cref="MetricKind.Count"/>.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The steps; empty when the journey has no flow.</returns>
    public static ValueList<FunnelChartStep> Compute(Journey journey)
    {
        Guard.Against.Null(journey);
        if (journey.Flows.Count == 0)
        {
            return ValueList<FunnelChartStep>.Empty;
        }

        Activity? start = null;
        foreach (var activity in journey.Activities)
        {
            if (journey.FlowsFrom(activity.Id).Count > 0 && journey.FlowsTo(activity.Id).Count == 0)
            {
                start = activity;
                break;
            }
        }

        start ??= journey.GetActivity(journey.Flows[0].From);
        var steps = new List<FunnelChartStep>();
        var seen = new HashSet<ActivityId>();
        for (var current = start; current is not null && seen.Add(current.Id);)
        {
            // The same volume the funnel drop-off rule reads, so the chart and the warnings agree.
            steps.Add(new FunnelChartStep(current.Id, current.Name, StepVolume.Of(current)));
            var next = journey.FlowsFrom(current.Id);
            current = next.Count == 0 ? null : journey.GetActivity(next[0].To);
        }

        return ValueList<FunnelChartStep>.From(steps);
    }
}
