using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>The rules OutOfDark ships, each stateless and shared.</summary>
public static class BuiltInRules
{
    /// <summary><c>metric.threshold</c>.</summary>
    public static MetricThresholdRule MetricThreshold { get; } = new();

    /// <summary><c>metric.trend</c>.</summary>
    public static MetricTrendRule MetricTrend { get; } = new();

    /// <summary><c>metric.baseline</c>.</summary>
    public static MetricBaselineRule MetricBaseline { get; } = new();

    /// <summary><c>metric.stale</c>.</summary>
    public static StaleMetricRule StaleMetric { get; } = new();

    /// <summary><c>activity.not-updated</c>.</summary>
    public static NotUpdatedRule NotUpdated { get; } = new();

    /// <summary><c>activity.no-owner</c>.</summary>
    public static NoOwnerRule NoOwner { get; } = new();

    /// <summary><c>touchpoint.no-metric</c>.</summary>
    public static NoMetricRule NoMetric { get; } = new();

    /// <summary><c>funnel.drop-off</c>.</summary>
    public static FunnelDropOffRule FunnelDropOff { get; } = new();

    /// <summary><c>emotion.pain-point</c>.</summary>
    public static PainPointRule PainPoint { get; } = new();

    /// <summary><c>activity.overdue</c>.</summary>
    public static OverdueRule Overdue { get; } = new();

    /// <summary><c>emotion.expectation-gap</c>.</summary>
    public static ExpectationGapRule ExpectationGap { get; } = new();

    /// <summary><c>phase.empty</c>.</summary>
    public static EmptyPhaseRule EmptyPhase { get; } = new();

    /// <summary><c>metric.small-sample</c>.</summary>
    public static SmallSampleRule SmallSample { get; } = new();

    /// <summary>Every built-in rule, in a stable order.</summary>
    public static IReadOnlyList<IWarningRule> All { get; } =
    [
        MetricThreshold, MetricTrend, MetricBaseline, StaleMetric, NotUpdated, NoOwner, NoMetric, FunnelDropOff, PainPoint, Overdue, ExpectationGap, EmptyPhase, SmallSample,
    ];

    /// <summary>The built-in rule with this id, or <see langword="null"/> when the id is not a built-in rule's.</summary>
    internal static IWarningRule? Find(RuleId id)
    {
        foreach (var rule in All)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        return null;
    }
}
