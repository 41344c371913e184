using NodaTime;

namespace OutOfDark;

/// <summary>What a journey list shows of each journey.</summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Whether it is as-is, to-be or research.</param>
/// <param name="Version">Its version.</param>
/// <param name="LastChangedAt">When it last changed.</param>
public sealed record JourneySummary(WorkspaceId WorkspaceId, JourneyId JourneyId, string Name, JourneyState State, long Version, Instant LastChangedAt)
{
    /// <summary>
    /// The journey's parent in the workspace's portfolio (<see cref="Journey.ParentJourneyId"/>), or
    /// <see langword="null"/> for a top-level journey: the store-side listing of parent links the portfolio's cycle check reads.
    /// </summary>
    public JourneyId? ParentJourneyId { get; init; }
}
