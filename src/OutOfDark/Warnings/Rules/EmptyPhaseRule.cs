namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="EmptyPhaseRule"/>.</summary>
public sealed record EmptyPhaseSettings : RuleSettings
{
    /// <summary>The fewest activities a phase should hold. Default 1. Range: 1 to any larger whole number; outside it the engine refuses the settings.</summary>
    public int MinimumActivities { get; init; } = 1;

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(MinimumActivities), MinimumActivities, 1, int.MaxValue);
}

/// <summary><c>phase.empty</c>: a phase holds fewer activities than the set minimum (by default: none), so the customer is left alone there.</summary>
public sealed class EmptyPhaseRule : WarningRule<EmptyPhaseSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("phase.empty");

    /// <summary>Creates the rule.</summary>
    public EmptyPhaseRule()
        : base(RuleId, "Phase without activities", SubjectKind.Phase, WarningSeverity.Warning, new EmptyPhaseSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, EmptyPhaseSettings settings)
    {
        var phase = context.Phase!;
        var count = context.Journey.ActivityCountIn(phase.Id);
        if (count >= settings.MinimumActivities)
        {
            return RuleResult.None;
        }

        return context.Raise(WarningSeverity.Warning, new Found(phase.Name, count, settings.MinimumActivities), static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Name, int Count, int Minimum)
    {
        public string Message() => Count == 0
            ? $"Phase '{Name}' has no activities"
            : $"Phase '{Name}' has only {Say.Count(Count, "activity", "activities")} — expected at least {Minimum}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("activities", Count),
            WarningEvidence.Of("minimum", Minimum));
    }
}
