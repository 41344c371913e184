namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="MetricTrendRule"/>.</summary>
public sealed record MetricTrendSettings : RuleSettings
{
    /// <summary>The window, in days, ending at the latest observation. Default 28.</summary>
    public int WindowDays { get; init; } = 28;

    /// <summary>How far, in percent of the window's first value, the metric must worsen to raise a warning. Default 20.</summary>
    public decimal DropPercent { get; init; } = 20m;
}

/// <summary>
/// <c>metric.trend</c>: within the window ending at its latest observation, a metric worsened (fell when higher is
/// better, rose when lower is better) by at least the set percentage of the window's first value.
/// </summary>
public sealed class MetricTrendRule : WarningRule<MetricTrendSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.trend");

    /// <summary>Creates the rule.</summary>
    public MetricTrendRule()
        : base(RuleId, "Metric trending worse", SubjectKind.Activity, WarningSeverity.Warning, new MetricTrendSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, MetricTrendSettings settings)
    {
        MetricWidget? worst = null;
        Observation first = default, last = default;
        decimal worstChange = 0;
        var count = 0;
        foreach (var widget in context.Activity!.Widgets.AsSpan())
        {
            if (widget is not MetricWidget metric || metric.Observations.Count < 2)
            {
                continue;
            }

            var latest = metric.Observations.Latest!.Value;
            var window = metric.Observations.Between(latest.Date.PlusDays(-settings.WindowDays), latest.Date);
            if (window.Length < 2 || window[0].Value == 0)
            {
                continue;
            }

            var change = (latest.Value - window[0].Value) / System.Math.Abs(window[0].Value) * 100m;
            var worse = metric.Direction == MetricDirection.HigherIsBetter ? -change : change;
            if (worse >= settings.DropPercent)
            {
                count++;
                if (worst is null || worse > worstChange)
                {
                    (worst, first, last, worstChange) = (metric, window[0], latest, worse);
                }
            }
        }

        if (worst is null)
        {
            return RuleResult.None;
        }

        var days = NodaTime.Period.Between(first.Date, last.Date, NodaTime.PeriodUnits.Days).Days;
        var verb = worst.Direction == MetricDirection.HigherIsBetter ? "fell" : "rose";
        var message = $"{worst.Title} {verb} {Say.Percent(worstChange)} in {Say.Count(days, "day")}, from {Say.Amount(first.Value, worst.Unit)} on {Say.Date(first.Date)} "
            + $"to {Say.Amount(last.Value, worst.Unit)} on {Say.Date(last.Date)} — limit {Say.Percent(settings.DropPercent)}{Say.More(count - 1, "metric")}";
        return context.Raise(
            WarningSeverity.Warning,
            message,
            WarningEvidence.Of("metric", worst.Title),
            WarningEvidence.Of("change percent", decimal.Round(worstChange, 1, System.MidpointRounding.AwayFromZero)),
            WarningEvidence.Of("from value", first.Value),
            WarningEvidence.Of("from date", first.Date),
            WarningEvidence.Of("to value", last.Value),
            WarningEvidence.Of("to date", last.Date),
            WarningEvidence.Of("limit percent", settings.DropPercent),
            WarningEvidence.Of("window days", settings.WindowDays));
    }
}
