using OutOfDark;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="FunnelDropOffRule"/>.</summary>
public sealed record FunnelDropOffSettings : RuleSettings
{
    /// <summary>The largest acceptable drop-off, in percent, from one flow step to the next. Default 60. Range: 0 to 100; outside it the engine refuses the settings.</summary>
    public decimal MaxDropPercent { get; init; } = 60m;

    /// <summary>
    /// The smallest previous-step volume worth judging, in the step volume's own unit (people, sessions, …); smaller ones
    /// are noise. Default 1. Range: 0 to 1,000,000,000,000 (0 judges every step with a positive volume); outside it the
    /// engine refuses the settings.
    /// </summary>
    public decimal MinimumVolume { get; init; } = 1m;

    /// <inheritdoc />
    public override string? Validate() =>
        Range(nameof(MaxDropPercent), MaxDropPercent, 0, 100)
        ?? Range(nameof(MinimumVolume), MinimumVolume, 0, 1_000_000_000_000m);
}

/// <summary>
/// <c>funnel.drop-off</c>: on a flow into this activity, more than the set percentage of the previous step's customers
/// do not arrive here. Volumes are <see cref="StepVolume"/>s; with several incoming flows the worst one is reported.
/// </summary>
public sealed class FunnelDropOffRule : WarningRule<FunnelDropOffSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("funnel.drop-off");

    /// <summary>Creates the rule.</summary>
    public FunnelDropOffRule()
        : base(RuleId, "Funnel drop-off", SubjectKind.Activity, WarningSeverity.Warning, new FunnelDropOffSettings(), RuleInputs.FlowNeighbours)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, FunnelDropOffSettings settings)
    {
        var activity = context.Activity!;
        // The activity's own widgets first: most activities have no volume, and then the flow table is not needed.
        if (StepVolume.Of(activity) is not { } volume)
        {
            return RuleResult.None;
        }

        var incoming = context.Journey.FlowsTo(activity.Id);
        if (incoming.Count == 0)
        {
            return RuleResult.None;
        }

        Activity? worstFrom = null;
        decimal worstVolume = 0, worstDrop = 0;
        foreach (var flow in incoming)
        {
            var from = context.Journey.GetActivity(flow.From);
            if (StepVolume.Of(from) is not { } previous || previous <= 0 || previous < settings.MinimumVolume)
            {
                continue;
            }

            var drop = Saturating.Percent(Saturating.Subtract(previous, volume), previous);
            if (drop > settings.MaxDropPercent && (worstFrom is null || drop > worstDrop))
            {
                (worstFrom, worstVolume, worstDrop) = (from, previous, drop);
            }
        }

        if (worstFrom is null)
        {
            return RuleResult.None;
        }

        var found = new Found(worstFrom.Name, activity.Name, volume, worstVolume, worstDrop, settings.MaxDropPercent);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence(), Warning.Distance(worstDrop, settings.MaxDropPercent));
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string From, string To, ExactDecimal Volume, ExactDecimal PreviousVolume, ExactDecimal Drop, ExactDecimal Limit)
    {
        public string Message() =>
            $"Only {Say.Number(Volume)} of {Say.Number(PreviousVolume)} customers go on from '{From}' to '{To}' — drop-off {Say.Percent(Drop, Limit)}, limit {Say.Percent(Limit)}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("previous step", From),
            WarningEvidence.Of("previous volume", PreviousVolume),
            WarningEvidence.Of("volume", Volume),
            WarningEvidence.Of("drop-off percent", Say.Rounded(Drop, Limit)),
            WarningEvidence.Of("limit percent", Limit));
    }
}
