using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Portfolio;

/// <summary>
/// Thrown when <see cref="JourneyPortfolio.DeleteAsync"/> with <see cref="ChildJourneyPolicy.Refuse"/> is asked to delete a
/// journey that has child journeys. Nothing was deleted.
/// </summary>
public sealed class JourneyHasChildrenException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journeyId">The journey that was to be deleted.</param>
    /// <param name="journeyName">Its name.</param>
    /// <param name="children">Its child journeys: id and name.</param>
    public JourneyHasChildrenException(JourneyId journeyId, string journeyName, IReadOnlyList<(JourneyId Id, string Name)> children)
        : base($"Journey '{journeyName}' ({journeyId}) has {(children ?? []).Count} child {((children ?? []).Count == 1 ? "journey" : "journeys")} ({string.Join(", ", (children ?? []).Select(c => $"'{c.Name}'"))}); nothing was deleted. Move them first, or delete with ChildJourneyPolicy.Detach (they become top-level journeys) or ChildJourneyPolicy.Cascade (they are deleted too).")
    {
        JourneyId = journeyId;
        Children = (children ?? []).Select(c => c.Id).ToList();
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JourneyHasChildrenException()
        : base("The journey has child journeys.")
    {
        Children = [];
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JourneyHasChildrenException(string message)
        : base(message)
    {
        Children = [];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyHasChildrenException(string message, Exception innerException)
        : base(message, innerException)
    {
        Children = [];
    }

    /// <summary>The journey that was to be deleted.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>Its child journeys.</summary>
    public IReadOnlyList<JourneyId> Children { get; }
}
