using System;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="MetricBaselineRule"/>.</summary>
public sealed record MetricBaselineSettings : MetricRuleSettings
{
    /// <summary>
    /// The rolling baseline: how many days before the latest observation's date make up the baseline (the latest date
    /// itself excluded). Default 28 (a month of history; 7 compares with the last week). Range: 1 to 3660; outside it the
    /// engine refuses the settings.
    /// </summary>
    public int BaselineDays { get; init; } = 28;

    /// <summary>
    /// How many observations the baseline needs before the rule judges the metric; fewer are too little history to call
    /// a value unusual. Default 7 (a week of daily data). Range: 2 to 100,000; outside it the engine refuses the settings.
    /// </summary>
    public int MinimumObservations { get; init; } = 7;

    /// <summary>
    /// Raise when the latest value is worse than the baseline's mean by at least this percentage of the mean (a mean of 0
    /// has no percentage). Default 20; <see langword="null"/> to judge by standard deviations only. Range: 0 to 1,000;
    /// outside it the engine refuses the settings.
    /// </summary>
    public decimal? ChangePercent { get; init; } = 20m;

    /// <summary>
    /// Raise when the latest value is worse than the baseline's mean by at least this many of the baseline's (sample)
    /// standard deviations (a baseline without spread has none). Default 3; <see langword="null"/> to judge by percentage
    /// only. Range: 0 to 100; outside it the engine refuses the settings.
    /// </summary>
    public decimal? StandardDeviations { get; init; } = 3m;

    /// <inheritdoc />
    public override string? Validate() =>
        base.Validate() ??
        Range(nameof(BaselineDays), BaselineDays, 1, 3660)
        ?? Range(nameof(MinimumObservations), MinimumObservations, 2, 100_000)
        ?? (ChangePercent is { } p ? Range(nameof(ChangePercent), p, 0, 1000) : null)
        ?? (StandardDeviations is { } k ? Range(nameof(StandardDeviations), k, 0, 100) : null)
        ?? (ChangePercent is null && StandardDeviations is null ? "ChangePercent and StandardDeviations are both null; set at least one of them (or set Enabled to false)." : null);
}

/// <summary>
/// <c>metric.baseline</c>: a metric's latest value is worse, in the metric's direction, than the mean of its observations
/// over the previous <see cref="MetricBaselineSettings.BaselineDays"/> days by at least
/// <see cref="MetricBaselineSettings.ChangePercent"/> % of that mean, or by at least
/// <see cref="MetricBaselineSettings.StandardDeviations"/> standard deviations. One warning per metric; the baseline,
/// its spread, the window and the change are in the evidence.
/// </summary>
public sealed class MetricBaselineRule : WarningRule<MetricBaselineSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.baseline");

    /// <summary>Creates the rule.</summary>
    public MetricBaselineRule()
        : base(RuleId, "Metric off its baseline", SubjectKind.Metric, WarningSeverity.Warning, new MetricBaselineSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, MetricBaselineSettings settings)
    {
        var metric = context.Metric!;
        var observations = context.Series!;
        if (observations.Latest is not { } latest)
        {
            return RuleResult.None;
        }

        var baseline = observations.Between(latest.Date.PlusDays(-settings.BaselineDays), latest.Date.PlusDays(-1));
        if (baseline.Length < settings.MinimumObservations || baseline.Length < 2)
        {
            return RuleResult.None;
        }

        var mean = Mean(baseline);
        var squares = 0d;
        foreach (var o in baseline)
        {
            var d = Saturating.Gap(o.Value, mean);
            squares += d * d;
        }

        // The sample standard deviation, to fifteen significant digits (what a double holds); deterministic.
        var spread = Saturating.ToDecimal(Math.Sqrt(squares / (baseline.Length - 1)));
        var higher = metric.Direction == MetricDirection.HigherIsBetter;
        var worse = higher ? Saturating.Subtract(mean, latest.Value) : Saturating.Subtract(latest.Value, mean);
        if (worse <= 0)
        {
            return RuleResult.None;
        }

        var (minuend, subtrahend) = higher ? (mean, latest.Value) : (latest.Value, mean);
        decimal? percent = mean == 0 ? null : Saturating.PercentOfDifference(minuend, subtrahend, mean);
        decimal? deviations = spread == 0 ? null : Saturating.DivideDifference(minuend, subtrahend, spread);
        var byPercent = percent is { } p && settings.ChangePercent is { } maxPercent && p >= maxPercent;
        var byDeviations = deviations is { } z && settings.StandardDeviations is { } maxDeviations && z >= maxDeviations;
        if (!byPercent && !byDeviations)
        {
            return RuleResult.None;
        }

        var found = new Found(
            context.MetricTitle, metric.Unit, higher, latest.Value, latest.Date, mean, spread, baseline[0].Date, baseline[^1].Date, baseline.Length,
            settings.BaselineDays, Exact(percent), Exact(deviations), Exact(settings.ChangePercent), Exact(settings.StandardDeviations));
        var pastLimit = byPercent ? Warning.Distance(percent!.Value, settings.ChangePercent!.Value) : Warning.Distance(deviations!.Value, settings.StandardDeviations!.Value);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence(), pastLimit);
    }

    /// <summary>
    /// The mean of the baseline: the sum divided by the count, exactly as decimals do, when the sum fits a decimal;
    /// otherwise (values near ±79228162514264337593543950335) the sum of each value divided by the count, which cannot
    /// leave the range.
    /// </summary>
    private static decimal Mean(ReadOnlySpan<Observation> baseline)
    {
        var sum = 0m;
        foreach (var o in baseline)
        {
            if (!Saturating.CanAdd(sum, o.Value))
            {
                return SpreadMean(baseline);
            }

            sum += o.Value;
        }

        return sum / baseline.Length;
    }

    /// <summary>The mean as the sum of each value's share (value / count), saturated at the decimal limits.</summary>
    private static decimal SpreadMean(ReadOnlySpan<Observation> baseline)
    {
        var mean = 0m;
        foreach (var o in baseline)
        {
            mean = Saturating.Add(mean, o.Value / baseline.Length);
        }

        return mean;
    }

    private static ExactDecimal? Exact(decimal? value) => value is { } v ? new ExactDecimal(v) : null;

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(
        string Title, string Unit, bool Higher, ExactDecimal Latest, LocalDate ObservedOn, ExactDecimal Mean, ExactDecimal Spread,
        LocalDate From, LocalDate To, int Observations, int Days, ExactDecimal? Percent, ExactDecimal? Deviations, ExactDecimal? LimitPercent, ExactDecimal? LimitDeviations)
    {
        public string Message()
        {
            var change = Percent is { } p ? $"{Say.Percent(p, LimitPercent ?? p)} {(Higher ? "below" : "above")}" : $"{(Higher ? "below" : "above")}";
            var sigma = Deviations is { } z ? $", {Say.Number(Say.Rounded(z, LimitDeviations ?? z))} standard deviations" : "";
            var limits = (LimitPercent, LimitDeviations) switch
            {
                ({ } lp, { } lk) => $"{Say.Percent(lp)} or {Say.Number(lk)} standard deviations",
                ({ } lp, null) => Say.Percent(lp),
                (null, { } lk) => $"{Say.Number(lk)} standard deviations",
                _ => "none",
            };
            return $"{Title} {(Higher ? "fell" : "rose")} to {Say.Amount(Latest, Unit)} on {Say.Date(ObservedOn)}, {change} its {Days}-day mean of "
                + $"{Say.Amount(decimal.Round(Mean, 10, MidpointRounding.AwayFromZero), Unit)}{sigma} — limit {limits}";
        }

        public ValueList<WarningEvidence> Evidence()
        {
            var evidence = ValueList<WarningEvidence>.Of(
                WarningEvidence.Of("metric", Title),
                WarningEvidence.Of("latest value", Latest),
                WarningEvidence.Of("observed on", ObservedOn),
                WarningEvidence.Of("baseline mean", decimal.Round(Mean, 10, MidpointRounding.AwayFromZero)),
                WarningEvidence.Of("baseline standard deviation", Spread),
                WarningEvidence.Of("baseline from", From),
                WarningEvidence.Of("baseline to", To),
                WarningEvidence.Of("baseline observations", Observations),
                WarningEvidence.Of("window days", Days));
            if (Percent is { } p)
            {
                evidence = evidence.Add(WarningEvidence.Of("change percent", Say.Rounded(p, LimitPercent ?? p)));
            }

            if (Deviations is { } z)
            {
                evidence = evidence.Add(WarningEvidence.Of("change in standard deviations", Say.Rounded(z, LimitDeviations ?? z)));
            }

            if (LimitPercent is { } lp)
            {
                evidence = evidence.Add(WarningEvidence.Of("limit percent", lp));
            }

            if (LimitDeviations is { } lk)
            {
                evidence = evidence.Add(WarningEvidence.Of("limit standard deviations", lk));
            }

            return evidence;
        }
    }
}
