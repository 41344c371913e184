namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="ExpectationGapRule"/>.</summary>
public sealed record ExpectationGapSettings : RuleSettings
{
    /// <summary>The largest acceptable gap between to-be and as-is emotion; a larger gap raises a warning. Default 1. Range: 0 to 4; outside it the engine refuses the settings.</summary>
    public int MaxGap { get; init; } = 1;

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(MaxGap), MaxGap, 0, 4);
}

/// <summary>
/// <c>emotion.expectation-gap</c>: how a persona should feel here (to-be) exceeds how they feel today (as-is) by more
/// than the set gap. The largest gap is reported.
/// </summary>
public sealed class ExpectationGapRule : WarningRule<ExpectationGapSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("emotion.expectation-gap");

    /// <summary>Creates the rule.</summary>
    public ExpectationGapRule()
        : base(RuleId, "Expectation gap", SubjectKind.Activity, WarningSeverity.Warning, new ExpectationGapSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, ExpectationGapSettings settings)
    {
        EmotionWidget? worst = null;
        var count = 0;
        foreach (var widget in context.Activity!.Widgets.AsSpan())
        {
            if (widget is EmotionWidget { ToBe: not null } emotion && emotion.Gap > settings.MaxGap)
            {
                count++;
                if (worst is null || emotion.Gap > worst.Gap)
                {
                    worst = emotion;
                }
            }
        }

        if (worst is null)
        {
            return RuleResult.None;
        }

        var persona = PersonaName.Of(context.Journey, worst.Persona);
        var found = new Found(persona, context.Activity.Name, worst.AsIs, worst.ToBe!.Value, worst.Gap, settings.MaxGap, count);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Persona, string ActivityName, EmotionScore AsIs, EmotionScore ToBe, int Gap, int MaxGap, int Count)
    {
        public string Message() =>
            $"Expectation gap of {Gap} for '{Persona}' at '{ActivityName}': feels {Say.Emotion(AsIs)}, should feel {Say.Emotion(ToBe)} — limit {MaxGap}{Say.More(Count - 1, "persona")}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("persona", Persona),
            WarningEvidence.Of("as-is emotion", AsIs.Value),
            WarningEvidence.Of("to-be emotion", ToBe.Value),
            WarningEvidence.Of("gap", Gap),
            WarningEvidence.Of("limit", MaxGap));
    }
}
