using Orleans;

namespace OutOfDark.Orleans;

/// <summary>
/// A journey as the grain answers it: the journey document in OutOfDark's published JSON format (package OutOfDark.Json,
/// <c>JourneyJsonSerializer.DeserializeJourney</c> reads it back) and its version.
/// </summary>
/// <remarks>
/// The grain answers with the JSON document instead of <see cref="Journey"/> itself: the domain stays free of Orleans, and
/// the document is already versioned (schema version, migrations), so clients and silos of different releases agree on
/// it by the same rules as files and stores do.
/// </remarks>
[GenerateSerializer]
[Alias("outofdark.journey-document")]
public sealed record JourneyDocument
{
    /// <summary>The journey's version (its event count).</summary>
    [Id(0)]
    public required long Version { get; init; }

    /// <summary>The journey document, UTF-8 JSON.</summary>
    [Id(1)]
    public required byte[] Json { get; init; }
}
