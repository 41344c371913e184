using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="PainPointRule"/>.</summary>
public sealed record PainPointSettings : RuleSettings
{
    /// <summary>The as-is emotion at or below which a persona's experience is a pain point, from -2 to 2. Default -1 (negative).</summary>
    public int Threshold { get; init; } = -1;
}

/// <summary><c>emotion.pain-point</c>: a persona feels negative (at or below the threshold) at this activity today.</summary>
public sealed class PainPointRule : WarningRule<PainPointSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("emotion.pain-point");

    /// <summary>Creates the rule.</summary>
    public PainPointRule()
        : base(RuleId, "Pain point", SubjectKind.Activity, WarningSeverity.Warning, new PainPointSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, PainPointSettings settings)
    {
        List<EmotionWidget>? pains = null;
        foreach (var widget in context.Activity!.Widgets.AsSpan())
        {
            if (widget is EmotionWidget emotion && emotion.AsIs.Value <= settings.Threshold)
            {
                (pains ??= []).Add(emotion);
            }
        }

        if (pains is null)
        {
            return RuleResult.None;
        }

        var journey = context.Journey;
        var worst = pains[0];
        foreach (var pain in pains)
        {
            if (pain.AsIs < worst.AsIs)
            {
                worst = pain;
            }
        }

        var message = pains.Count == 1
            ? $"Pain point for '{Persona(journey, worst)}': feels {Say.Emotion(worst.AsIs)} at '{context.Activity.Name}'"
            : $"Pain point for {Say.Count(pains.Count, "persona")} at '{context.Activity.Name}': " + Feelings(journey, pains);
        return context.Raise(
            WarningSeverity.Warning,
            message,
            WarningEvidence.Of("persona", Persona(journey, worst)),
            WarningEvidence.Of("as-is emotion", worst.AsIs.Value),
            WarningEvidence.Of("threshold", settings.Threshold),
            WarningEvidence.Of("personas in pain", pains.Count));
    }

    // Static helpers rather than lambdas, so that the common case (no pain point) allocates no closure.
    private static string Persona(Journey journey, EmotionWidget e) => journey.FindPersona(e.Persona)?.Name ?? e.Persona.ToString();

    private static string Feelings(Journey journey, List<EmotionWidget> pains)
    {
        var parts = new string[pains.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = $"'{Persona(journey, pains[i])}' {Say.Emotion(pains[i].AsIs)}";
        }

        return string.Join(", ", parts);
    }
}
