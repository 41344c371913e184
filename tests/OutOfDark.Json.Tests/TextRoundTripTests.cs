using NodaTime.Testing;
using System.Linq;
using FsCheck.Xunit;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class TextRoundTripTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    // Widget texts (titles, units, markdown, solutions, notes, feedback) still accept lone surrogates, which UTF-8 cannot
    // hold; until their commands refuse them, such texts are left out here.
    [Property(Arbitrary = new[] { typeof(ValidTextArbitraries) }, MaxTest = 300)]
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
