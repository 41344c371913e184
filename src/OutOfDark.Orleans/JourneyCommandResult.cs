using Orleans;

namespace OutOfDark.Orleans;

/// <summary>What a journey grain did with a command.</summary>
[GenerateSerializer]
[Alias("outofdark.command-result")]
public sealed record JourneyCommandResult
{
    /// <summary>
    /// The journey's version after the command's events were saved (the version counts events, from 1). For a repeated
    /// command, the version its first application saved.
    /// </summary>
    [Id(0)]
    public required long Version { get; init; }

    /// <summary>
    /// <see langword="true"/> when the command's id had been applied before (a client retry): nothing was applied this
    /// time. <see langword="false"/> when this call applied it.
    /// </summary>
    [Id(1)]
    public required bool Repeated { get; init; }
}
