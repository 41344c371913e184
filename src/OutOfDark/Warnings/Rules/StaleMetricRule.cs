using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="StaleMetricRule"/>.</summary>
public sealed record StaleMetricSettings : MetricRuleSettings
{
    /// <summary>How many whole days may pass after a metric's latest observation before its data counts as stale. Default 30. Range: 1 to 36600; outside it the engine refuses the settings.</summary>
    public int Days { get; init; } = 30;

    /// <inheritdoc />
    public override string? Validate() => base.Validate() ?? Range(nameof(Days), Days, 1, 36600);
}

/// <summary>
/// <c>metric.stale</c>: a metric of a live (not retired) activity has had no observation for more than the set number
/// of days; one warning per metric. Metrics that never had an observation are not flagged. Time-based: rechecked on the day the metric goes stale.
/// </summary>
public sealed class StaleMetricRule : WarningRule<StaleMetricSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.stale");

    /// <summary>Creates the rule.</summary>
    public StaleMetricRule()
        : base(RuleId, "No recent observation", SubjectKind.Metric, WarningSeverity.Warning, new StaleMetricSettings(), RuleInputs.Time)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, StaleMetricSettings settings)
    {
        if (context.Activity?.Details.Status == ActivityStatus.Retired || context.Series!.Latest is not { } latest)
        {
            return RuleResult.None;
        }

        var staleFrom = latest.Date.PlusDays(settings.Days + 1);
        if (context.Today < staleFrom)
        {
            return new RuleResult(null, context.StartOf(staleFrom));
        }

        var found = new Found(context.MetricTitle, latest.Date, settings.Days);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Title, LocalDate Latest, int Days)
    {
        public string Message() => $"{Title} has had no observation since {Say.Date(Latest)} — limit {Say.Count(Days, "day")}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("metric", Title),
            WarningEvidence.Of("latest observation", Latest),
            WarningEvidence.Of("limit days", Days));
    }
}
