using NodaTime.Testing;
using System.Linq;
using FsCheck.Xunit;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class TextRoundTripTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [Property(Arbitrary = new[] { typeof(TextArbitraries) }, MaxTest = 300)]
    public void Any_text_the_domain_accepts_comes_back_from_json_unchanged(string text)
    {
        var clock = FakeClock.FromUtc(2026, 3, 1, 9, 0, 0);
        var journey = TextJourneys.Build(text, clock);
        var events = journey.PendingEvents.ToList();

        Assert.Equal(journey.ToSnapshot(), Json.DeserializeDocument(Json.SerializeDocument(journey.ToSnapshot())));
        Assert.Equal(events, Json.DeserializeEventStream(Json.SerializeEventStream(events)));
        Assert.All(events, e => Assert.Equal(e, Json.DeserializeEvent(Json.SerializeEvent(e))));
    }
}
