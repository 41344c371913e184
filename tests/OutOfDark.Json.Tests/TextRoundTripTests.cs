using System;
using NodaTime.Testing;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class TextRoundTripTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [Fact]
    public void Any_text_the_domain_accepts_comes_back_from_json_unchanged()
    {
        var clock = FakeClock.FromUtc(2026, 3, 1, 9, 0, 0);

        // Journey commands do not refuse lone surrogates yet; until they do, such texts are left out here (the reader
        // refuses them: TextBoundaryTests).
        var texts = TextJourneys.Texts().Where(t => !TextJourneys.HasLoneSurrogate(t)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(texts, text =>
        {
            var journey = TextJourneys.Build(text, clock);
            var events = journey.PendingEvents.ToList();

            Assert.Equal(journey.ToSnapshot(), Json.DeserializeDocument(Json.SerializeDocument(journey.ToSnapshot())));
            Assert.Equal(events, Json.DeserializeEventStream(Json.SerializeEventStream(events)));
            Assert.All(events, e => Assert.Equal(e, Json.DeserializeEvent(Json.SerializeEvent(e))));
        }));
    }
}
