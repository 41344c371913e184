namespace OutOfDark.Events;

/// <summary>A flow was added between two activities.</summary>
/// <param name="FlowId">The new flow.</param>
/// <param name="From">The activity customers come from.</param>
/// <param name="To">The activity they go to.</param>
/// <param name="Label">The flow's label, if any.</param>
public sealed record FlowAdded(FlowId FlowId, ActivityId From, ActivityId To, string? Label) : JourneyEvent;

/// <summary>A flow was removed.</summary>
/// <param name="FlowId">The flow.</param>
public sealed record FlowRemoved(FlowId FlowId) : JourneyEvent;

/// <summary>A flow's label changed; its ends and id stay.</summary>
/// <param name="FlowId">The flow.</param>
/// <param name="Label">The new label, or <see langword="null"/> when the label was cleared.</param>
public sealed record FlowRelabelled(FlowId FlowId, string? Label) : JourneyEvent;
