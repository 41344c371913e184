using NodaTime;

namespace OutOfDark.Rendering.Tests;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration by) => Now += by;

    public static FixedClock At(int year, int month, int day) => new(Instant.FromUtc(year, month, day, 9, 0));
}
