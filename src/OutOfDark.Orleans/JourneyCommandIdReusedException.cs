using System;
using Orleans;

namespace OutOfDark.Orleans;

/// <summary>
/// A command reused the id (<see cref="JourneyCommand.CommandId"/>) of a command the journey already applied, with a
/// different payload: it is not a retry, and nothing of it was applied. Give each intended change its own id
/// (<see cref="Guid.NewGuid"/>) and keep it only for retries of the very same command.
/// </summary>
public sealed class JourneyCommandIdReusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="commandId">The reused command id.</param>
    /// <param name="journeyId">The journey that applied the first command with that id.</param>
    public JourneyCommandIdReusedException(Guid commandId, JourneyId journeyId)
        : base($"Command id {commandId} was already applied to journey {journeyId} with a different payload: this is not a retry of that command, and nothing was applied. Give each new command a new id (Guid.NewGuid()) and reuse an id only to retry the very same command.")
    {
        CommandId = commandId;
        JourneyId = journeyId;
    }

    /// <summary>The reused command id.</summary>
    public Guid CommandId { get; }

    /// <summary>The journey that applied the first command with that id.</summary>
    public JourneyId JourneyId { get; }
}

/// <summary>The wire form of <see cref="JourneyCommandIdReusedException"/>.</summary>
[GenerateSerializer]
[Alias("outofdark.journey-command-id-reused-exception")]
internal struct JourneyCommandIdReusedExceptionSurrogate
{
    [Id(0)]
    public Guid CommandId;

    [Id(1)]
    public Guid JourneyId;
}

/// <summary>Converts <see cref="JourneyCommandIdReusedException"/> to and from its wire form.</summary>
[RegisterConverter]
internal sealed class JourneyCommandIdReusedExceptionConverter : IConverter<JourneyCommandIdReusedException, JourneyCommandIdReusedExceptionSurrogate>
{
    public JourneyCommandIdReusedException ConvertFromSurrogate(in JourneyCommandIdReusedExceptionSurrogate surrogate) =>
        new(surrogate.CommandId, new JourneyId(surrogate.JourneyId));

    public JourneyCommandIdReusedExceptionSurrogate ConvertToSurrogate(in JourneyCommandIdReusedException value) =>
        new() { CommandId = value.CommandId, JourneyId = value.JourneyId.Value };
}
