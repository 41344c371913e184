using NodaTime.Testing;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests;

public class SyntheticJourneyTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(1_000)]
    public void Synthetic_event_streams_have_exactly_the_count_asked_for_and_replay(int count)
    {
        var events = SyntheticJourneys.Events(count);

        Assert.Equal(count, events.Count);
        Assert.Equal(count, Journey.Replay(events, new FakeClock(SyntheticJourneys.Created)).Version);
    }

    [Fact]
    public void Synthetic_journeys_are_deterministic_and_keep_every_invariant()
    {
        var journey = SyntheticJourneys.Journey(2_000, 10, new FakeClock(SyntheticJourneys.Created));

        JourneyInvariants.Check(journey);
        Assert.Equal(2_000, journey.ActivityCount);
        Assert.Equal(SyntheticJourneys.Snapshot(2_000, 10), journey.ToSnapshot());
    }
}
