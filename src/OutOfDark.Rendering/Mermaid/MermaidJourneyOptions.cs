namespace OutOfDark.Rendering;

/// <summary>Chooses whose emotions a Mermaid journey diagram scores.</summary>
public sealed record MermaidJourneyOptions
{
    /// <summary>The default options: every persona's emotions, averaged per activity.</summary>
    public static MermaidJourneyOptions Default { get; } = new();

    /// <summary>
    /// The persona whose as-is emotion gives each task its score; <see langword="null"/> averages the emotions of every
    /// persona recorded on the activity.
    /// </summary>
    public PersonaId? Persona { get; init; }
}
