namespace OutOfDark;

/// <summary>One point of a persona's emotion curve: how they feel on average in one phase.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Persona">The persona.</param>
/// <param name="AsIs">The mean as-is emotion of the persona's emotion widgets in the phase (−2 to +2), or <see langword="null"/> when there are none.</param>
/// <param name="ToBe">The mean to-be emotion over the widgets that set one, or <see langword="null"/> when none do.</param>
/// <param name="Widgets">How many emotion widgets the point averages.</param>
public sealed record EmotionPoint(PhaseId Phase, PersonaId Persona, decimal? AsIs, decimal? ToBe, int Widgets);
