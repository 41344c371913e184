using System;

namespace OutOfDark;

/// <summary>
/// Thrown by <see cref="JourneyStoreExtensions.SaveAsync"/> when a journey with nothing pending is not in the store at its
/// version — typically a journey read from a JSON document (<c>DeserializeJourney</c>) or rebuilt with
/// <see cref="Journey.Replay"/> and never written to this store. Saving it would write nothing, and the next load would
/// not find it. Write its history instead: <c>store.AppendAsync(workspaceId, journeyId, 0, events)</c> with the event
/// stream (for example <c>json.DeserializeEventStream(...)</c>); a JSON document of the current state carries no events.
/// </summary>
public sealed class JourneyNotStoredException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="workspaceId">The journey's workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <param name="version">The journey's version (at least 1).</param>
    /// <param name="storedVersion">The version the store holds, or <see langword="null"/> when it does not hold the journey.</param>
    /// <param name="innerException">The store's not-found answer, if that is how it was found missing.</param>
    public JourneyNotStoredException(WorkspaceId workspaceId, JourneyId journeyId, long version, long? storedVersion, Exception? innerException = null)
        : base(
            (storedVersion is null
                ? $"Journey {journeyId} (version {version}, nothing pending) is not in this store for workspace {workspaceId}, so saving it would write nothing. "
                : $"Journey {journeyId} is at version {version} with nothing pending, but this store holds it only up to version {storedVersion}, so saving it would write nothing. ")
            + "A journey read from a JSON document or replayed from events is stored through its events: write them with store.AppendAsync(workspaceId, journeyId, 0, events) (for example from json.DeserializeEventStream), then load it from the store.",
            innerException)
    {
        WorkspaceId = workspaceId;
        JourneyId = journeyId;
        Version = version;
        StoredVersion = storedVersion;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JourneyNotStoredException()
        : base("The journey is not in the store at its version; write its events with AppendAsync.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JourneyNotStoredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyNotStoredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The journey's workspace.</summary>
    public WorkspaceId WorkspaceId { get; }

    /// <summary>The journey.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>The journey's version when the save was asked for.</summary>
    public long Version { get; }

    /// <summary>The version the store holds, or <see langword="null"/> when it does not hold the journey at all.</summary>
    public long? StoredVersion { get; }
}
