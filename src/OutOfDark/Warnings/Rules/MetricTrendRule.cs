namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="MetricTrendRule"/>.</summary>
public sealed record MetricTrendSettings : MetricRuleSettings
{
    /// <summary>The window, in days, ending at the latest observation. Default 28. Range: 1 to 3660; outside it the engine refuses the settings.</summary>
    public int WindowDays { get; init; } = 28;

    /// <summary>How far, in percent of the window's first value, the metric must worsen to raise a warning. Default 20.</summary>
    public decimal DropPercent { get; init; } = 20m;

    /// <inheritdoc />
    public override string? Validate() => base.Validate() ?? Range(nameof(WindowDays), WindowDays, 1, 3660) ?? Range(nameof(DropPercent), DropPercent, 0, 100);
}

/// <summary>
/// <c>metric.trend</c>: within the window ending at its latest observation, a metric worsened (fell when higher is
/// better, rose when lower is better) by at least the set percentage of the window's first value. One warning per metric, and per segment the settings split by.
/// </summary>
public sealed class MetricTrendRule : WarningRule<MetricTrendSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.trend");

    /// <summary>Creates the rule.</summary>
    public MetricTrendRule()
        : base(RuleId, "Metric trending worse", SubjectKind.Metric, WarningSeverity.Warning, new MetricTrendSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, MetricTrendSettings settings)
    {
        var metric = context.Metric!;
        var observations = context.Series!;
        if (observations.Count < 2)
        {
            return RuleResult.None;
        }

        var latest = observations.Latest!.Value;
        var window = observations.Between(latest.Date.PlusDays(-settings.WindowDays), latest.Date);
        if (window.Length < 2 || window[0].Value == 0)
        {
            return RuleResult.None;
        }

        var first = window[0];
        var change = Saturating.PercentOfDifference(latest.Value, first.Value, first.Value);
        var worse = metric.Direction == MetricDirection.HigherIsBetter ? -change : change; // negating a decimal never overflows
        if (worse < settings.DropPercent)
        {
            return RuleResult.None;
        }

        var found = new Found(context.MetricTitle, metric.Unit, metric.Direction == MetricDirection.HigherIsBetter, worse, first.Value, first.Date, latest.Value, latest.Date, settings.DropPercent, settings.WindowDays);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence(), Warning.Distance(worse, settings.DropPercent));
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Title, string Unit, bool Higher, ExactDecimal Change, ExactDecimal FromValue, NodaTime.LocalDate FromDate, ExactDecimal ToValue, NodaTime.LocalDate ToDate, ExactDecimal Limit, int WindowDays)
    {
        public string Message()
        {
            var days = NodaTime.Period.Between(FromDate, ToDate, NodaTime.PeriodUnits.Days).Days;
            return $"{Title} {(Higher ? "fell" : "rose")} {Say.Percent(Change, Limit)} in {Say.Count(days, "day")}, from {Say.Amount(FromValue, Unit)} on {Say.Date(FromDate)} "
                + $"to {Say.Amount(ToValue, Unit)} on {Say.Date(ToDate)} — limit {Say.Percent(Limit)}";
        }

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("metric", Title),
            WarningEvidence.Of("change percent", Say.Rounded(Change, Limit)),
            WarningEvidence.Of("from value", FromValue),
            WarningEvidence.Of("from date", FromDate),
            WarningEvidence.Of("to value", ToValue),
            WarningEvidence.Of("to date", ToDate),
            WarningEvidence.Of("limit percent", Limit),
            WarningEvidence.Of("window days", WindowDays));
    }
}
