using NodaTime;

namespace OutOfDark;

/// <summary>What a journey list shows of each journey.</summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Whether it is as-is, to-be or research.</param>
/// <param name="Version">Its version.</param>
/// <param name="LastChangedAt">When it last changed.</param>
public sealed record JourneySummary(WorkspaceId WorkspaceId, JourneyId JourneyId, string Name, JourneyState State, long Version, Instant LastChangedAt);
