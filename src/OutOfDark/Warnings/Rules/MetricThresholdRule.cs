using System;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="MetricThresholdRule"/>.</summary>
public sealed record MetricThresholdSettings : MetricRuleSettings
{
    /// <summary>How many latest observations in a row must be past a threshold before it counts; at least 1. Default 1. Range: 1 to any larger whole number; outside it the engine refuses the settings.</summary>
    public int MinimumRun { get; init; } = 1;

    /// <summary>Whether a latest value worse than the target (but within the thresholds) raises an info warning. Default false.</summary>
    public bool FlagOffTarget { get; init; }

    /// <summary>
    /// Hysteresis: how many observations must be back inside a limit, with no observation past it in between, before
    /// its warning clears. Default 1 — the warning clears as soon as the latest observation is back inside. Range: 1 to
    /// 1000; outside it the engine refuses the settings.
    /// </summary>
    public int ClearAfter { get; init; } = 1;

    /// <summary>
    /// Hysteresis: how far, in the metric's unit, an observation must be better than a limit to count as back inside
    /// it. An observation between the limit and the band neither raises nor counts towards clearing. Default 0 (any
    /// value not worse than the limit is inside). Range: 0 to 1,000,000,000,000; outside it the engine refuses the settings.
    /// </summary>
    public decimal ClearBand { get; init; }

    /// <inheritdoc />
    public override string? Validate() =>
        base.Validate() ??
        Range(nameof(MinimumRun), MinimumRun, 1, int.MaxValue)
        ?? Range(nameof(ClearAfter), ClearAfter, 1, 1000)
        ?? Range(nameof(ClearBand), ClearBand, 0, 1_000_000_000_000m);
}

/// <summary>
/// <c>metric.threshold</c>: a metric's latest value is past its critical threshold (critical), its warning threshold
/// (warning) or, when enabled, its target (info), in the metric's direction. One warning per metric, and per segment
/// the settings split by (<see cref="MetricRuleSettings.SplitBy"/>).
/// </summary>
/// <remarks>
/// With hysteresis (<see cref="MetricThresholdSettings.ClearAfter"/> above 1 or a <see cref="MetricThresholdSettings.ClearBand"/>)
/// a warning also stays while the metric is back inside but not yet for long or far enough. The rule stays stateless:
/// "raised on a run of <c>MinimumRun</c> observations past the limit, cleared after <c>ClearAfter</c> observations back
/// inside (beyond the band) with none past in between" is decided from the observation series alone, so a full and an
/// incremental evaluation agree and a restart changes nothing.
/// </remarks>
public sealed class MetricThresholdRule : WarningRule<MetricThresholdSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.threshold");

    /// <summary>Creates the rule.</summary>
    public MetricThresholdRule()
        : base(RuleId, "Metric past threshold", SubjectKind.Metric, WarningSeverity.Warning, new MetricThresholdSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, MetricThresholdSettings settings)
    {
        var metric = context.Metric!;
        var observations = context.Series!;
        if (observations.Count == 0)
        {
            return RuleResult.None;
        }

        // The result depends on the metric widget (its series, the segment's series, thresholds, direction, unit and
        // title; all immutable, and any change to them is a new widget) and the settings alone: when the kept warning was
        // found from these same objects, it is the result, without walking the series again.
        if (context.KeptFoundFrom(metric, settings) is { } same)
        {
            return new RuleResult(same);
        }

        WarningSeverity severity;
        decimal limit;
        Hold hold;
        var banded = settings.ClearBand != 0m;
        if (Held(metric, observations, metric.CriticalThreshold, settings, banded, out hold))
        {
            (severity, limit) = (WarningSeverity.Critical, metric.CriticalThreshold!.Value);
        }
        else if (Held(metric, observations, metric.WarningThreshold, settings, banded, out hold))
        {
            (severity, limit) = (WarningSeverity.Warning, metric.WarningThreshold!.Value);
        }
        else if (settings.FlagOffTarget && Held(metric, observations, metric.Target, settings, banded, out hold))
        {
            (severity, limit) = (WarningSeverity.Info, metric.Target!.Value);
        }
        else
        {
            return RuleResult.None;
        }

        var series = observations.AsSpan();
        var latest = series[^1];
        var past = series[hold.LastPast];
        var found = new Found(
            context.MetricTitle, metric.Unit, metric.Direction == MetricDirection.HigherIsBetter, latest.Value, latest.Date, severity, limit,
            hold.Run, series[hold.LastPast - hold.Run + 1].Date, past.Value, past.Date, hold.Inside, settings.ClearAfter, settings.ClearBand);
        return context.RaiseFoundFrom(metric, settings, severity, found, static f => f.Message(), static f => f.Evidence(), static f => Warning.Distance(f.PastValue, f.Limit));
    }

    /// <summary>Where a held warning stands: the newest observation past the limit, the run of observations past it ending there, and the observations back inside since.</summary>
    private readonly record struct Hold(int LastPast, int Run, int Inside);

    /// <summary>
    /// Whether a warning on <paramref name="limit"/> holds at the latest observation: walking back from the latest,
    /// each stretch of observations back inside since the newest one past the limit must be shorter than
    /// <c>ClearAfter</c>, until a run of at least <c>MinimumRun</c> observations past the limit raised it.
    /// </summary>
    /// <remarks>Without a band (<paramref name="banded"/> false) every value not past the limit is back inside, so the second comparison is left out.</remarks>
    private static bool Held(MetricWidget metric, ObservationSeries observations, decimal? limit, MetricThresholdSettings settings, bool banded, out Hold hold)
    {
        hold = default;
        if (limit is not { } l)
        {
            return false;
        }

        var higher = metric.Direction == MetricDirection.HigherIsBetter;
        var band = higher ? settings.ClearBand : -settings.ClearBand;

        // A band edge beyond the decimal range (a limit near ±79228162514264337593543950335) is one no value reaches.
        var reachable = !banded || Saturating.CanAdd(l, band);
        var clear = !banded || !reachable ? l : l + band;
        var series = observations.AsSpan();
        var i = series.Length - 1;
        var firstInside = -1;
        while (true)
        {
            // Observations back inside (beyond the band) since the newest one past the limit; band values count for neither.
            // Counting stops at ClearAfter, which clears the warning whatever lies further back: a metric long inside its
            // limit costs ClearAfter steps, not its whole history.
            var inside = 0;
            while (i >= 0 && inside < settings.ClearAfter && !Worse(higher, series[i].Value, l))
            {
                if (!banded || (reachable && !Worse(higher, series[i].Value, clear)))
                {
                    inside++;
                }

                i--;
            }

            if (firstInside < 0)
            {
                firstInside = inside;
            }

            if (inside >= settings.ClearAfter || i < 0)
            {
                return false;
            }

            var end = i;
            while (i >= 0 && Worse(higher, series[i].Value, l))
            {
                i--;
            }

            var run = end - i;
            if (run >= settings.MinimumRun)
            {
                hold = new Hold(end, run, firstInside);
                return true;
            }
        }
    }

    /// <summary><see cref="MetricWidget.IsWorse"/> for a metric whose direction is known: past the limit in that direction.</summary>
    private static bool Worse(bool higherIsBetter, decimal value, decimal limit) =>
        higherIsBetter ? DecimalOrder.Less(value, limit) : DecimalOrder.Less(limit, value);

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(
        string Title, string Unit, bool Higher, ExactDecimal Latest, NodaTime.LocalDate ObservedOn, WarningSeverity Severity, ExactDecimal Limit,
        int Run, NodaTime.LocalDate Since, ExactDecimal PastValue, NodaTime.LocalDate PastOn, int Inside, int ClearAfter, ExactDecimal ClearBand)
    {
        private string What => Severity switch
        {
            WarningSeverity.Critical => "critical threshold",
            WarningSeverity.Warning => "warning threshold",
            _ => "target",
        };

        /// <summary>Whether the latest observation is itself past the limit (otherwise hysteresis holds the warning).</summary>
        private bool PastNow => PastOn == ObservedOn;

        private decimal ClearAt => Higher ? Saturating.Add(Limit.Value, ClearBand.Value) : Saturating.Subtract(Limit.Value, ClearBand.Value);

        public string Message() => PastNow
            ? $"{Title} {(Higher ? "fell" : "rose")} to {Say.Amount(Latest, Unit, Limit)} — {What} {Say.Amount(Limit, Unit)}, "
                + $"{Say.Count(Run, "observation")} {(Higher ? "below" : "above")} since {Say.Date(Since)}"
            : $"{Title} is back to {Say.Amount(Latest, Unit, Limit)} on {Say.Date(ObservedOn)} but was {Say.Amount(PastValue, Unit, Limit)} on {Say.Date(PastOn)}, "
                + $"{(Higher ? "below" : "above")} its {What} {Say.Amount(Limit, Unit)} — clears after {Say.Count(ClearAfter, "observation")} "
                + $"{(ClearBand.Value == 0 ? "back inside" : $"at {(Higher ? "or above" : "or below")} {Say.Amount(ClearAt, Unit)}")}, {Inside} so far";

        public ValueList<WarningEvidence> Evidence() => PastNow
            ? ValueList<WarningEvidence>.Of(
                WarningEvidence.Of("metric", Title),
                WarningEvidence.Of("latest value", Latest),
                WarningEvidence.Of("observed on", ObservedOn),
                WarningEvidence.Of(What, Limit),
                WarningEvidence.Of("observations past it", Run),
                WarningEvidence.Of("past it since", Since))
            : ValueList<WarningEvidence>.Of(
                WarningEvidence.Of("metric", Title),
                WarningEvidence.Of("latest value", Latest),
                WarningEvidence.Of("observed on", ObservedOn),
                WarningEvidence.Of(What, Limit),
                WarningEvidence.Of("last value past it", PastValue),
                WarningEvidence.Of("last past it on", PastOn),
                WarningEvidence.Of("observations back inside", Inside),
                WarningEvidence.Of("clears after", ClearAfter),
                WarningEvidence.Of("clear band", ClearBand));
    }
}
