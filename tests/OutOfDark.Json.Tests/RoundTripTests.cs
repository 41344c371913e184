using System.Text;
using FsCheck;
using FsCheck.Fluent;
using OutOfDark.Testing;
using OutOfDark.Testing.Scenarios;
using Xunit;

namespace OutOfDark.Json.Tests;

public sealed class RoundTripTests
{
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [Fact]
    public void A_journey_survives_a_trip_through_its_document()
    {
        Prop.ForAll(JourneyGenerators.Scenarios(), scenario =>
        {
            var snapshot = scenario.Build().Journey.ToSnapshot();
            var bytes = Json.SerializeDocument(snapshot);
            var read = Json.DeserializeDocument(bytes);
            Assert.Equal(snapshot, read);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reading_and_writing_a_document_gives_the_same_bytes()
    {
        Prop.ForAll(JourneyGenerators.Scenarios(), scenario =>
        {
            var bytes = Json.SerializeDocument(scenario.Build().Journey.ToSnapshot());
            var again = Json.SerializeDocument(Json.DeserializeDocument(bytes));
            Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(again));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_journey_history_survives_a_trip_through_an_event_stream()
    {
        Prop.ForAll(JourneyGenerators.Scenarios(), scenario =>
        {
            var journey = scenario.Build().Journey;
            var events = journey.PendingEvents;
            var read = Json.DeserializeEventStream(Json.SerializeEventStream(events));
            Assert.Equal(events, read);
            var replayed = Journey.Replay(read, new FakeClock(JourneyScenario.Start));
            Assert.Equal(journey.ToSnapshot(), replayed.ToSnapshot());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Smoke()
    {
        var snapshot = SyntheticJourneys.Snapshot(5, 2);
        var text = Encoding.UTF8.GetString(new JourneyJsonSerializer(new JourneyJsonOptions { WriteIndented = true }).SerializeDocument(snapshot));
        System.IO.File.WriteAllText("/tmp/json-smoke.json", text);
        Assert.Equal(snapshot, Json.DeserializeDocument(Encoding.UTF8.GetBytes(text)));
    }
}
