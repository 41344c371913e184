using System;
using NodaTime;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests;

public class ActorTests
{
    [Fact]
    public void An_actor_reads_as_its_name_and_compares_by_it()
    {
        var ana = new Actor("ana");

        Assert.Equal("ana", ana.ToString());
        Assert.Equal("ana", ana.Name);
        Assert.Equal(new Actor("ana"), ana);
        Assert.NotEqual(new Actor("Ana"), ana);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void An_empty_or_blank_actor_is_refused_naming_the_parameter(string name)
    {
        var refused = Assert.Throws<ArgumentException>(() => new Actor(name));

        Assert.Equal("name", refused.ParamName);
        Assert.StartsWith("An actor's name must not be empty or white space: name who makes the change, for example new Actor(\"ana\").", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_actor_is_refused() =>
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new Actor(null!)).ParamName);

    [Theory]
    [InlineData(true, 3, "D83D")]
    [InlineData(false, 0, "DC69")]
    public void An_actor_with_a_lone_surrogate_is_refused(bool high, int index, string code)
    {
        // Built here: xunit would replace a lone surrogate in InlineData with U+FFFD.
        var name = high ? "ana" + '\uD83D' : '\uDC69' + "ana";
        var refused = Assert.Throws<ArgumentException>(() => new Actor(name));

        Assert.Equal("name", refused.ParamName);
        Assert.StartsWith($"An actor's name must be valid text; it holds a lone surrogate (U+{code}) at index {index}, which cannot be stored as UTF-8.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_is_a_valid_actor() =>
        Assert.Equal("ana \uD83D\uDE80", new Actor("ana \uD83D\uDE80").Name);

    [Fact]
    public void A_default_actor_is_refused_by_commands_and_nothing_changes()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", FakeClock.At(2026, 1, 1));

        var refused = Assert.Throws<ArgumentException>(() => journey.AddPhase(default, "Think"));

        Assert.Equal("actor", refused.ParamName);
        Assert.StartsWith("The actor is default(Actor): name who makes the change, for example new Actor(\"ana\").", refused.Message, StringComparison.Ordinal);
        Assert.Empty(journey.Phases);
        Assert.Equal(1, journey.Version);
        Assert.Throws<ArgumentException>(() => Journey.Create(default, WorkspaceId.New(), "Online store"));
    }

    [Fact]
    public void Events_record_the_actor_by_name()
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store", FakeClock.At(2026, 1, 1));
        journey.AddPhase(new Actor("crm-sync"), "Think");

        Assert.Equal(["ana", "crm-sync"], [journey.PendingEvents[0].Actor, journey.PendingEvents[1].Actor]);
    }

    [Fact]
    public void The_clock_defaults_to_the_system_clock() =>
        Assert.Same(SystemClock.Instance, Journey.Create(new Actor("ana"), WorkspaceId.New(), "Online store").Clock);
}
