using NodaTime;

namespace OutOfDark.Testing;

/// <summary>A clock that stands still until a test moves it.</summary>
/// <remarks>Not thread-safe: move it from one thread.</remarks>
/// <param name="now">The instant the clock starts at.</param>
public sealed class FakeClock(Instant now) : IClock
{
    /// <summary>The instant the clock shows.</summary>
    public Instant Now { get; set; } = now;

    /// <summary>A clock at 09:00 UTC on a date.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month.</param>
    /// <param name="day">The day.</param>
    /// <returns>The clock.</returns>
    public static FakeClock At(int year, int month, int day) => new(Instant.FromUtc(year, month, day, 9, 0));

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Now;

    /// <summary>Moves the clock forward (or back, with a negative duration).</summary>
    /// <param name="by">How far.</param>
    public void Advance(Duration by) => Now += by;
}
