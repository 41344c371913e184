namespace OutOfDark;

/// <summary>A persona: a type of customer whose journey and emotions the map follows.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The persona's id, unique in the journey.</param>
/// <param name="Name">The persona's name, for example "First-time buyer".</param>
/// <param name="Description">Who the persona is, if described.</param>
public sealed record Persona(PersonaId Id, string Name, string? Description);
