using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Properties;

/// <summary>An activity holds at most 50 channels and 50 tags, on add and on change; more is refused naming the list, and nothing changes.</summary>
public class ListLimitProperties
{
    private static readonly Actor Ana = new("ana");

    /// <summary>Channels (true) or tags, and how many distinct ones: 0 to 60.</summary>
    public static Arbitrary<(bool Channels, int Count)> Lists() =>
        (from channels in ArbMap.Default.GeneratorFor<bool>()
         from count in Gen.Frequency((1, Gen.Choose(0, 60)), (2, Gen.Choose(49, 52)))
         select (channels, count)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(ListLimitProperties) }, MaxTest = 100)]
    public void A_list_is_kept_up_to_50_names_and_refused_past_them_on_add_and_on_change((bool Channels, int Count) c)
    {
        var names = ValueList<string>.From(Enumerable.Range(1, c.Count).Select(i => "name " + i));
        var details = c.Channels ? ActivityDetails.Empty with { Channels = names } : ActivityDetails.Empty with { Tags = names };
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Shop", new FakeClock(JourneyScenario.Start));
        var phase = journey.AddPhase(Ana, "Buy");
        var existing = journey.AddActivity(Ana, phase, "Cart");
        var version = journey.Version;

        if (c.Count <= 50)
        {
            var added = journey.AddActivity(Ana, phase, "Pay", details: details);
            Assert.Equal(names, c.Channels ? journey.GetActivity(added).Details.Channels : journey.GetActivity(added).Details.Tags);
            return;
        }

        var what = c.Channels ? "channel" : "tag";
        var onAdd = journey.Refused(() => journey.AddActivity(Ana, phase, "Pay", details: details));
        var onChange = journey.Refused(() => journey.ChangeActivity(Ana, existing, "Cart", ActivityKind.Touchpoint, details));
        foreach (var e in new[] { onAdd, onChange })
        {
            Assert.Equal(JourneyRules.InvalidValue, e.Rule);
            Assert.Equal($"An activity holds at most 50 {what}s; this list has {c.Count}. Remove some, or group them under broader {what}s.", e.Message);
        }

        Assert.Equal(version, journey.Version);
    }
}
