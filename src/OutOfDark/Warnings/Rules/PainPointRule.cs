namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="PainPointRule"/>.</summary>
public sealed record PainPointSettings : RuleSettings
{
    /// <summary>The as-is emotion at or below which a persona's experience is a pain point, from -2 to 2. Default -1 (negative). Range: -2 to 2; outside it the engine refuses the settings.</summary>
    public int Threshold { get; init; } = -1;

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(Threshold), Threshold, -2, 2);
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
        EmotionWidget? worst = null;
        var count = 0;
        var widgets = context.Activity!.Widgets.AsSpan();
        foreach (var widget in widgets)
        {
            if (widget is EmotionWidget emotion && emotion.AsIs.Value <= settings.Threshold)
            {
                count++;
                if (worst is null || emotion.AsIs < worst.AsIs)
                {
                    worst = emotion;
                }
            }
        }

        if (worst is null)
        {
            return RuleResult.None;
        }

        var journey = context.Journey;
        string? feelings = null;
        if (count > 1)
        {
            var parts = new string[count];
            var i = 0;
            foreach (var widget in widgets)
            {
                if (widget is EmotionWidget emotion && emotion.AsIs.Value <= settings.Threshold)
                {
                    parts[i++] = $"'{Persona(journey, emotion)}' {Say.Emotion(emotion.AsIs)}";
                }
            }

            feelings = string.Join(", ", parts);
        }

        var found = new Found(context.Activity.Name, Persona(journey, worst), worst.AsIs, settings.Threshold, count, feelings);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string ActivityName, string Persona, EmotionScore AsIs, int Threshold, int Count, string? Feelings)
    {
        public string Message() => Count == 1
            ? $"Pain point for '{Persona}': feels {Say.Emotion(AsIs)} at '{ActivityName}'"
            : $"Pain point for {Say.Count(Count, "persona")} at '{ActivityName}': " + Feelings;

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("persona", Persona),
            WarningEvidence.Of("as-is emotion", AsIs.Value),
            WarningEvidence.Of("threshold", Threshold),
            WarningEvidence.Of("personas in pain", Count));
    }

    private static string Persona(Journey journey, EmotionWidget e) => PersonaName.Of(journey, e.Persona);
}
