using System;
using Orleans;

namespace OutOfDark.Orleans;

/// <summary>Gets journey grains by workspace and journey.</summary>
public static class JourneyGrainFactoryExtensions
{
    /// <summary>The grain of a journey of a workspace (an <c>IClusterClient</c> is an <see cref="IGrainFactory"/>).</summary>
    /// <param name="grains">The grain factory.</param>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <returns>A reference to the grain; nothing is activated until it is called.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grains"/> is <see langword="null"/>.</exception>
    public static IJourneyGrain GetJourneyGrain(this IGrainFactory grains, WorkspaceId workspaceId, JourneyId journeyId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IJourneyGrain>(JourneyGrainKey.Format(workspaceId, journeyId));
    }
}
