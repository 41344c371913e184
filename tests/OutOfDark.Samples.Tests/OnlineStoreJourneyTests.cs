using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Samples.Tests;

public sealed class OnlineStoreJourneyTests
{
    private static Journey Build() => OnlineStoreJourney.Build(new FakeClock(OnlineStoreJourney.CreatedAt));

    [Fact]
    public void Building_the_journey_twice_gives_the_same_events_ids_and_instants_included()
    {
        var first = Build();
        var second = Build();

        Assert.Equal(first.PendingEvents, second.PendingEvents);
        Assert.Equal(first.ToSnapshot(), second.ToSnapshot());
    }

    [Fact]
    public void The_journey_keeps_every_domain_invariant_and_has_the_shape_the_samples_promise()
    {
        var journey = Build();

        JourneyInvariants.Check(journey);
        Assert.Equal(["See", "Think", "Do", "Care"], journey.Phases.Select(p => p.Name));
        Assert.Equal(21, journey.ActivityCount);
        Assert.Equal(3, journey.Personas.Count);
        Assert.Equal(13, journey.Flows.Count);
        Assert.Equal(OnlineStoreJourney.DaysOfHistory - 1, OnlineStoreJourney.LastRecordedDay(journey));
        Assert.All(journey.Activities, a => Assert.Equal(SampleIds.Activity(a.Name), a.Id));
        Assert.Equal(OnlineStoreJourney.BuiltAt, journey.Clock.GetCurrentInstant());
    }

    [Fact]
    public void Ids_derived_from_names_are_stable_across_versions_and_machines()
    {
        // Tests, documentation and stored databases refer to these values: changing the derivation breaks them.
        Assert.Equal("74d1c33c-85ee-5f68-a1d2-256118e4dd31", SampleIds.Activity("Support call").ToString());
        Assert.Equal("82f95adf-03d6-5d26-ae35-10d1ed1a01e8", OnlineStoreJourney.Id.ToString());
    }

    private static readonly Lazy<JourneySnapshot> RecordedAtOnce = new(() =>
    {
        var whole = Build();
        OnlineStoreJourney.RecordDays(whole, (FakeClock)whole.Clock, OnlineStoreJourney.DaysOfHistory, OnlineStoreJourney.DaysOfHistory + 20);
        return whole.ToSnapshot();
    });

    /// <summary>Three cuts in the 20 days after the sample's history, 0 to 20 days into them, in any order.</summary>
    public static class Cuts
    {
        public static Arbitrary<int[]> Three() => Gen.Choose(0, 20).ArrayOf(3).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Cuts) })]
    public bool Recording_later_days_in_any_chunks_gives_the_same_journey_as_recording_them_at_once(int[] cuts)
    {
        var journey = Build();
        var clock = (FakeClock)journey.Clock;
        var from = OnlineStoreJourney.DaysOfHistory;
        foreach (var cut in cuts.Select(c => OnlineStoreJourney.DaysOfHistory + c).Order().Append(OnlineStoreJourney.DaysOfHistory + 20))
        {
            OnlineStoreJourney.RecordDays(journey, clock, from, cut);
            from = cut + 1;
        }

        return journey.ToSnapshot() == RecordedAtOnce.Value;
    }

    [Fact]
    public void Recording_days_the_journey_already_has_changes_nothing()
    {
        var journey = Build();
        var version = journey.Version;

        var recorded = OnlineStoreJourney.RecordDays(journey, (FakeClock)journey.Clock, 80, 89);

        Assert.Equal(0, recorded);
        Assert.Equal(version, journey.Version);
    }
}
