namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="NoMetricRule"/>.</summary>
public sealed record NoMetricSettings : RuleSettings
{
    /// <summary>Whether milestones, not only touchpoints, need a metric. Default false.</summary>
    public bool IncludeMilestones { get; init; }
}

/// <summary><c>touchpoint.no-metric</c>: a live (not retired) touchpoint has no metric widget, so there is no way to measure its success.</summary>
public sealed class NoMetricRule : WarningRule<NoMetricSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("touchpoint.no-metric");

    /// <summary>Creates the rule.</summary>
    public NoMetricRule()
        : base(RuleId, "No way to measure success", SubjectKind.Activity, WarningSeverity.Info, new NoMetricSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, NoMetricSettings settings)
    {
        var activity = context.Activity!;
        if (activity.Details.Status == ActivityStatus.Retired
            || !(activity.Kind == ActivityKind.Touchpoint || (settings.IncludeMilestones && activity.Kind == ActivityKind.Milestone)))
        {
            return RuleResult.None;
        }

        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget is MetricWidget)
            {
                return RuleResult.None;
            }
        }

        return context.Raise(WarningSeverity.Info, new Found(activity.Name, activity.Kind), static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Name, ActivityKind Kind)
    {
        public string Message() => $"{(Kind == ActivityKind.Touchpoint ? "Touchpoint" : "Milestone")} '{Name}' has no metric — there is no way to measure its success";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(WarningEvidence.Of("kind", Kind.ToString()));
    }
}
