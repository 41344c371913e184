using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;

namespace OutOfDark;

/// <summary>Channel × phase coverage: how many activities use each channel in each phase.</summary>
/// <remarks>Immutable. Channels are listed in order of first use in the activity map; phases in journey order.</remarks>
public sealed class ChannelCoverage
{
    private readonly Dictionary<(string Channel, PhaseId Phase), int> _counts;

    internal ChannelCoverage(IReadOnlyList<string> channels, IReadOnlyList<PhaseId> phases, Dictionary<(string, PhaseId), int> counts)
    {
        Channels = channels;
        Phases = phases;
        _counts = counts;
    }

    /// <summary>The channels any activity uses.</summary>
    public IReadOnlyList<string> Channels { get; }

    /// <summary>The journey's phases.</summary>
    public IReadOnlyList<PhaseId> Phases { get; }

    /// <summary>How many activities in a phase use a channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="phase">The phase.</param>
    /// <returns>The count; zero when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channel"/> is <see langword="null"/>.</exception>
    public int Count(string channel, PhaseId phase)
    {
        Guard.Against.Null(channel);
        return _counts.GetValueOrDefault((channel, phase));
    }

    /// <summary>The (channel, phase) cells no activity covers: gaps in the omnichannel experience.</summary>
    /// <returns>The gaps, channel by channel.</returns>
    public IReadOnlyList<(string Channel, PhaseId Phase)> Gaps()
    {
        var gaps = new List<(string, PhaseId)>();
        foreach (var channel in Channels)
        {
            foreach (var phase in Phases)
            {
                if (Count(channel, phase) == 0)
                {
                    gaps.Add((channel, phase));
                }
            }
        }

        return gaps;
    }
}
