using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Portfolio;

/// <summary>
/// Thrown when a parent change would make a journey its own ancestor: the parent asked for is the journey itself or lies
/// below it in the workspace's portfolio. Nothing was changed.
/// </summary>
public sealed class JourneyCycleException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journeyId">The journey whose parent was to change.</param>
    /// <param name="journeyName">Its name.</param>
    /// <param name="parentJourneyId">The parent asked for.</param>
    /// <param name="parentName">The parent's name.</param>
    /// <param name="path">The journeys from the parent asked for up to <paramref name="journeyId"/>, both included: the cycle the change would close.</param>
    public JourneyCycleException(JourneyId journeyId, string journeyName, JourneyId parentJourneyId, string parentName, IReadOnlyList<JourneyId> path)
        : base($"Journey '{journeyName}' ({journeyId}) cannot go under journey '{parentName}' ({parentJourneyId}): '{parentName}' lies below '{journeyName}' (path {string.Join(" → ", (path ?? []).Select(p => p.ToString()))}), so the portfolio would have a cycle. Move '{parentName}' elsewhere first, or choose another parent.")
    {
        JourneyId = journeyId;
        ParentJourneyId = parentJourneyId;
        Path = path ?? [];
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JourneyCycleException()
        : base("The parent change would close a cycle of journeys.")
    {
        Path = [];
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JourneyCycleException(string message)
        : base(message)
    {
        Path = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyCycleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = [];
    }

    /// <summary>The journey whose parent was to change.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>The parent asked for.</summary>
    public JourneyId ParentJourneyId { get; }

    /// <summary>The journeys from the parent asked for up to the journey, both included.</summary>
    public IReadOnlyList<JourneyId> Path { get; }
}
