namespace OutOfDark;

/// <summary>How a persona feels at this activity today (as-is) and how they should feel (to-be).</summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The widget's title.</param>
/// <param name="Persona">The persona whose emotion this is; must exist in the journey.</param>
/// <param name="AsIs">How the persona feels today.</param>
/// <param name="ToBe">How the persona should feel; none when omitted.</param>
/// <param name="Note">Why, if noted; none when omitted.</param>
[WidgetKind("emotion")]
public sealed record EmotionWidget(WidgetId Id, string Title, PersonaId Persona, EmotionScore AsIs, EmotionScore? ToBe = null, string? Note = null) : Widget(Id, Title)
{
    /// <summary>Creates an emotion widget with a new id.</summary>
    /// <param name="Title">The widget's title.</param>
    /// <param name="Persona">The persona whose emotion this is; must exist in the journey.</param>
    /// <param name="AsIs">How the persona feels today.</param>
    /// <param name="ToBe">How the persona should feel; none when omitted.</param>
    /// <param name="Note">Why, if noted; none when omitted.</param>
    public EmotionWidget(string Title, PersonaId Persona, EmotionScore AsIs, EmotionScore? ToBe = null, string? Note = null)
        : this(WidgetId.New(), Title, Persona, AsIs, ToBe, Note)
    {
    }

    /// <summary>How far perception falls short of expectation: to-be minus as-is, or zero when no to-be is set.</summary>
    public int Gap => ToBe is { } toBe ? toBe.Value - AsIs.Value : 0;

    /// <inheritdoc />
    protected internal override string? Validate() =>
        Note is { } note && Internal.Text.CharacterCount(note) > Internal.JourneyGuards.MaxTextLength ? "The emotion's note is too long." : null;
}
