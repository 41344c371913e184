namespace OutOfDark.Events;

/// <summary>The journey got a lane of its own.</summary>
/// <param name="LaneId">The new lane.</param>
/// <param name="Name">Its name.</param>
/// <param name="Order">Where it shows, top to bottom.</param>
public sealed record LaneAdded(LaneId LaneId, string Name, int Order) : JourneyEvent;

/// <summary>One of the journey's own lanes was renamed or reordered. Carries the new values of both.</summary>
/// <param name="LaneId">The lane.</param>
/// <param name="Name">Its name now.</param>
/// <param name="Order">Its order now.</param>
public sealed record LaneChanged(LaneId LaneId, string Name, int Order) : JourneyEvent;

/// <summary>One of the journey's own lanes, holding no activity, was removed.</summary>
/// <param name="LaneId">The lane.</param>
public sealed record LaneRemoved(LaneId LaneId) : JourneyEvent;

/// <summary>An activity moved to another service-blueprint lane.</summary>
/// <param name="ActivityId">The activity.</param>
/// <param name="LaneId">Its lane now.</param>
public sealed record ActivityLaneChanged(ActivityId ActivityId, LaneId LaneId) : JourneyEvent;

/// <summary>An opportunity was added to the journey, unscored and unlinked.</summary>
/// <param name="OpportunityId">The new opportunity.</param>
/// <param name="Title">Its title.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="Owner">Its owner, if any.</param>
/// <param name="Status">Its status.</param>
public sealed record OpportunityAdded(OpportunityId OpportunityId, string Title, string? Description, string? Owner, OpportunityStatus Status) : JourneyEvent;

/// <summary>An opportunity's title, description, owner or status changed. Carries the new values of all of them.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Title">Its title now.</param>
/// <param name="Description">Its description now.</param>
/// <param name="Owner">Its owner now.</param>
/// <param name="Status">Its status now.</param>
public sealed record OpportunityChanged(OpportunityId OpportunityId, string Title, string? Description, string? Owner, OpportunityStatus Status) : JourneyEvent;

/// <summary>An opportunity was scored, rescored, or its scores cleared.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Scores">Its scores now, or <see langword="null"/> when cleared.</param>
public sealed record OpportunityScored(OpportunityId OpportunityId, OpportunityScores? Scores) : JourneyEvent;

/// <summary>An opportunity was linked to something it addresses.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Link">The link.</param>
public sealed record OpportunityLinked(OpportunityId OpportunityId, OpportunityLink Link) : JourneyEvent;

/// <summary>An opportunity's link was removed.</summary>
/// <param name="OpportunityId">The opportunity.</param>
/// <param name="Link">The link.</param>
public sealed record OpportunityUnlinked(OpportunityId OpportunityId, OpportunityLink Link) : JourneyEvent;

/// <summary>An opportunity was removed with its links.</summary>
/// <param name="OpportunityId">The opportunity.</param>
public sealed record OpportunityRemoved(OpportunityId OpportunityId) : JourneyEvent;
