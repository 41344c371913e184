using NodaTime;

namespace OutOfDark.Samples.OnlineStore;

/// <summary>
/// A clock the sample sets by hand, so that a journey built twice is the same journey, instants included.
/// </summary>
/// <remarks>Not thread-safe: set it from the thread that records events.</remarks>
/// <param name="now">The instant the clock starts at.</param>
public sealed class SampleClock(Instant now) : IClock
{
    /// <summary>The instant the clock shows.</summary>
    public Instant Now { get; set; } = now;

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;
}
