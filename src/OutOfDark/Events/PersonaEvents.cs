namespace OutOfDark.Events;

/// <summary>A persona was added.</summary>
/// <param name="PersonaId">The new persona.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">Who it is, if described.</param>
public sealed record PersonaAdded(PersonaId PersonaId, string Name, string? Description) : JourneyEvent;

/// <summary>A persona's name or description changed.</summary>
/// <param name="PersonaId">The persona.</param>
/// <param name="Name">The new name.</param>
/// <param name="Description">The new description.</param>
public sealed record PersonaChanged(PersonaId PersonaId, string Name, string? Description) : JourneyEvent;

/// <summary>A persona moved to another place in the journey's list of personas; the personas between shift by one.</summary>
/// <param name="PersonaId">The persona.</param>
/// <param name="Position">Its new index among the personas, from 0 to the number of personas − 1.</param>
public sealed record PersonaMoved(PersonaId PersonaId, int Position) : JourneyEvent;

/// <summary>A persona no emotion widget refers to was removed.</summary>
/// <param name="PersonaId">The persona.</param>
public sealed record PersonaRemoved(PersonaId PersonaId) : JourneyEvent;
