namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="MetricThresholdRule"/>.</summary>
public sealed record MetricThresholdSettings : RuleSettings
{
    /// <summary>How many latest observations in a row must be past a threshold before it counts; at least 1. Default 1. Range: 1 to any larger whole number; outside it the engine refuses the settings.</summary>
    public int MinimumRun { get; init; } = 1;

    /// <summary>Whether a latest value worse than the target (but within the thresholds) raises an info warning. Default false.</summary>
    public bool FlagOffTarget { get; init; }

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(MinimumRun), MinimumRun, 1, int.MaxValue);
}

/// <summary>
/// <c>metric.threshold</c>: a metric's latest value is past its critical threshold (critical), its warning threshold
/// (warning) or, when enabled, its target (info), in the metric's direction.
/// </summary>
public sealed class MetricThresholdRule : WarningRule<MetricThresholdSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.threshold");

    /// <summary>Creates the rule.</summary>
    public MetricThresholdRule()
        : base(RuleId, "Metric past threshold", SubjectKind.Activity, WarningSeverity.Warning, new MetricThresholdSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, MetricThresholdSettings settings)
    {
        MetricWidget? worst = null;
        WarningSeverity severity = default;
        decimal limit = 0;
        int run = 0, breaches = 0;
        foreach (var widget in context.Activity!.Widgets.AsSpan())
        {
            if (widget is not MetricWidget metric || metric.Observations.Count == 0)
            {
                continue;
            }

            if (Breach(metric, metric.CriticalThreshold, settings, out var r))
            {
                Keep(metric, WarningSeverity.Critical, metric.CriticalThreshold!.Value, r);
            }
            else if (Breach(metric, metric.WarningThreshold, settings, out r))
            {
                Keep(metric, WarningSeverity.Warning, metric.WarningThreshold!.Value, r);
            }
            else if (settings.FlagOffTarget && Breach(metric, metric.Target, settings, out r))
            {
                Keep(metric, WarningSeverity.Info, metric.Target!.Value, r);
            }
        }

        if (worst is null)
        {
            return RuleResult.None;
        }

        var series = worst.Observations.AsSpan();
        var latest = series[^1];
        var found = new Found(worst.Title, worst.Unit, worst.Direction == MetricDirection.HigherIsBetter, latest.Value, latest.Date, severity, limit, run, series[^run].Date, breaches);
        return context.Raise(severity, found, static f => f.Message(), static f => f.Evidence(), static f => Warning.Distance(f.Latest, f.Limit));

        void Keep(MetricWidget metric, WarningSeverity s, decimal l, int r)
        {
            breaches++;
            if (worst is null || s > severity)
            {
                (worst, severity, limit, run) = (metric, s, l, r);
            }
        }
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Title, string Unit, bool Higher, ExactDecimal Latest, NodaTime.LocalDate ObservedOn, WarningSeverity Severity, ExactDecimal Limit, int Run, NodaTime.LocalDate Since, int Breaches)
    {
        private string What => Severity switch
        {
            WarningSeverity.Critical => "critical threshold",
            WarningSeverity.Warning => "warning threshold",
            _ => "target",
        };

        public string Message() =>
            $"{Title} {(Higher ? "fell" : "rose")} to {Say.Amount(Latest, Unit, Limit)} — {What} {Say.Amount(Limit, Unit)}, "
            + $"{Say.Count(Run, "observation")} {(Higher ? "below" : "above")} since {Say.Date(Since)}{Say.More(Breaches - 1, "metric")}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("metric", Title),
            WarningEvidence.Of("latest value", Latest),
            WarningEvidence.Of("observed on", ObservedOn),
            WarningEvidence.Of(What, Limit),
            WarningEvidence.Of("observations past it", Run),
            WarningEvidence.Of("past it since", Since),
            WarningEvidence.Of("metrics past a limit", Breaches));
    }

    private static bool Breach(MetricWidget metric, decimal? limit, MetricThresholdSettings settings, out int run)
    {
        run = 0;
        if (limit is not { } l)
        {
            return false;
        }

        var series = metric.Observations.AsSpan();
        for (var i = series.Length - 1; i >= 0 && metric.IsWorse(series[i].Value, l); i--)
        {
            run++;
        }

        return run > 0 && run >= settings.MinimumRun;
    }
}
