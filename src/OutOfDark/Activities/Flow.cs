namespace OutOfDark;

/// <summary>A directed link in the activity map: customers go from one activity to another. Chains of flows define funnels.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The flow's id, unique in the journey.</param>
/// <param name="From">The activity customers come from.</param>
/// <param name="To">The activity customers go to.</param>
/// <param name="Label">An optional label, for example "clicks through".</param>
public sealed record Flow(FlowId Id, ActivityId From, ActivityId To, string? Label);
