namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="ExpectationGapRule"/>.</summary>
public sealed record ExpectationGapSettings : RuleSettings
{
    /// <summary>The largest acceptable gap between to-be and as-is emotion; a larger gap raises a warning. Default 1.</summary>
    public int MaxGap { get; init; } = 1;
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

        var persona = context.Journey.FindPersona(worst.Persona)?.Name ?? worst.Persona.ToString();
        return context.Raise(
            WarningSeverity.Warning,
            $"Expectation gap of {worst.Gap} for '{persona}' at '{context.Activity.Name}': feels {Say.Emotion(worst.AsIs)}, should feel {Say.Emotion(worst.ToBe!.Value)} — limit {settings.MaxGap}{Say.More(count - 1, "persona")}",
            WarningEvidence.Of("persona", persona),
            WarningEvidence.Of("as-is emotion", worst.AsIs.Value),
            WarningEvidence.Of("to-be emotion", worst.ToBe.Value.Value),
            WarningEvidence.Of("gap", worst.Gap),
            WarningEvidence.Of("limit", settings.MaxGap));
    }
}
