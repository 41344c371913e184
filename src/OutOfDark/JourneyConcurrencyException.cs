using System;

namespace OutOfDark;

/// <summary>
/// Thrown when events are appended to a journey with an expected version that is no longer its current version:
/// someone else changed the journey first. Nothing was written; reload the journey and try again.
/// </summary>
public sealed class JourneyConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="expectedVersion">The version the writer based its change on.</param>
    /// <param name="actualVersion">The journey's version in the store.</param>
    public JourneyConcurrencyException(JourneyId journeyId, long expectedVersion, long actualVersion)
        : base($"Journey {journeyId} is at version {actualVersion}, not the expected version {expectedVersion}: it was changed by someone else. Reload it and apply the change again.")
    {
        JourneyId = journeyId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JourneyConcurrencyException()
        : base("The journey was changed by someone else.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JourneyConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The journey.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>The version the writer based its change on.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The journey's version in the store when the append was refused.</summary>
    public long ActualVersion { get; }
}
