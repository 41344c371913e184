namespace OutOfDark.Events;

/// <summary>An activity was added to a phase and to the activity map.</summary>
/// <param name="ActivityId">The new activity.</param>
/// <param name="PhaseId">The phase it lives in.</param>
/// <param name="ParentId">Its parent in the map, or <see langword="null"/> at the top level.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What sort of action it is.</param>
/// <param name="Details">Its descriptive fields.</param>
public sealed record ActivityAdded(ActivityId ActivityId, PhaseId PhaseId, ActivityId? ParentId, string Name, ActivityKind Kind, ActivityDetails Details) : JourneyEvent;

/// <summary>An activity's name, kind or descriptive fields changed. Carries the new values of all of them.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Name">The new name.</param>
/// <param name="Kind">The new kind.</param>
/// <param name="Details">The new descriptive fields.</param>
public sealed record ActivityChanged(ActivityId ActivityId, string Name, ActivityKind Kind, ActivityDetails Details) : JourneyEvent;

/// <summary>An activity moved to another phase or under another parent in the map.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="PhaseId">Its phase now.</param>
/// <param name="ParentId">Its parent now, or <see langword="null"/> at the top level.</param>
public sealed record ActivityMoved(ActivityId ActivityId, PhaseId PhaseId, ActivityId? ParentId) : JourneyEvent;

/// <summary>
/// An activity took another place among its siblings: the activities with the same parent (or none) in the same phase.
/// Its phase and parent stay; the siblings between its old and new place shift by one.
/// </summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="Position">Its new index among its siblings, from 0 to the number of siblings (itself included) − 1.</param>
public sealed record ActivityReordered(ActivityId ActivityId, int Position) : JourneyEvent;

/// <summary>An activity was removed, with its descendants in the map and every flow touching any of them.</summary>
/// <param name="ActivityId">The activity.</param>
public sealed record ActivityRemoved(ActivityId ActivityId) : JourneyEvent;
