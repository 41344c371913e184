namespace OutOfDark.Events;

/// <summary>A journey was created. Always a journey's first event, and only its first.</summary>
/// <param name="WorkspaceId">The workspace the journey belongs to, for good.</param>
/// <param name="Name">The journey's name.</param>
/// <param name="Description">What the journey covers, if described.</param>
/// <param name="Owner">Who owns the journey map, if anyone.</param>
/// <param name="State">Whether the map is as-is, to-be or research.</param>
public sealed record JourneyCreated(WorkspaceId WorkspaceId, string Name, string? Description, string? Owner, JourneyState State) : JourneyEvent;

/// <summary>The journey was renamed.</summary>
/// <param name="Name">The new name.</param>
public sealed record JourneyRenamed(string Name) : JourneyEvent;

/// <summary>The journey's description changed.</summary>
/// <param name="Description">The new description, or <see langword="null"/> to clear it.</param>
public sealed record JourneyDescriptionChanged(string? Description) : JourneyEvent;

/// <summary>The journey's owner changed.</summary>
/// <param name="Owner">The new owner, or <see langword="null"/> for none.</param>
public sealed record JourneyOwnerChanged(string? Owner) : JourneyEvent;

/// <summary>The journey's state (current, future, research) changed.</summary>
/// <param name="State">The new state.</param>
public sealed record JourneyStateChanged(JourneyState State) : JourneyEvent;
