using System;

namespace OutOfDark;

/// <summary>Thrown when a store holds no journey with the id asked for in the workspace asked for.</summary>
public sealed class JourneyNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="workspaceId">The workspace searched.</param>
    /// <param name="journeyId">The journey asked for.</param>
    public JourneyNotFoundException(WorkspaceId workspaceId, JourneyId journeyId)
        : base($"Workspace {workspaceId} has no journey {journeyId}.")
    {
        WorkspaceId = workspaceId;
        JourneyId = journeyId;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public JourneyNotFoundException()
        : base("The journey was not found.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public JourneyNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public JourneyNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The workspace searched.</summary>
    public WorkspaceId WorkspaceId { get; }

    /// <summary>The journey asked for.</summary>
    public JourneyId JourneyId { get; }
}
