namespace OutOfDark.Events;

/// <summary>A phase was added at a position.</summary>
/// <param name="PhaseId">The new phase.</param>
/// <param name="Name">Its name.</param>
/// <param name="CustomerGoal">The customer's goal in it, if stated.</param>
/// <param name="Position">Its index among the phases, from 0 to the number of phases before it was added.</param>
public sealed record PhaseAdded(PhaseId PhaseId, string Name, string? CustomerGoal, int Position) : JourneyEvent;

/// <summary>A phase's name or customer goal changed.</summary>
/// <param name="PhaseId">The phase.</param>
/// <param name="Name">The new name.</param>
/// <param name="CustomerGoal">The new customer goal.</param>
public sealed record PhaseChanged(PhaseId PhaseId, string Name, string? CustomerGoal) : JourneyEvent;

/// <summary>A phase moved to another position.</summary>
/// <param name="PhaseId">The phase.</param>
/// <param name="Position">Its new index among the phases.</param>
public sealed record PhaseMoved(PhaseId PhaseId, int Position) : JourneyEvent;

/// <summary>An empty phase was removed.</summary>
/// <param name="PhaseId">The phase.</param>
public sealed record PhaseRemoved(PhaseId PhaseId) : JourneyEvent;
