using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>Reordering activities among their siblings and personas in the journey's list.</summary>
public class ReorderTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
    private readonly Journey _journey;
    private readonly PhaseId _think;
    private readonly PhaseId _buy;
    private readonly ActivityId _search;
    private readonly ActivityId _cart;
    private readonly ActivityId _checkout;
    private readonly ActivityId _receipt;

    public ReorderTests()
    {
        _journey = Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);
        _think = _journey.AddPhase(Ana, "Think");
        _buy = _journey.AddPhase(Ana, "Purchase");
        _search = _journey.AddActivity(Ana, _think, "Search");
        _cart = _journey.AddActivity(Ana, _buy, "Cart");
        _checkout = _journey.AddActivity(Ana, _buy, "Checkout");
        _receipt = _journey.AddActivity(Ana, _buy, "Receipt");
    }

    private static string[] Names(IEnumerable<Activity> activities) => activities.Select(a => a.Name).ToArray();

    [Fact]
    public void Reordering_an_activity_moves_it_among_the_siblings_of_its_phase_only()
    {
        _journey.ReorderActivity(Ana, _receipt, 0);

        Assert.Equal(["Receipt", "Cart", "Checkout"], Names(_journey.SiblingsOf(_cart)));
        Assert.Equal(["Receipt", "Cart", "Checkout"], Names(_journey.ActivitiesIn(_buy)));
        Assert.Equal(["Search"], Names(_journey.SiblingsOf(_search)));
        Assert.Equal(_buy, _journey.GetActivity(_receipt).PhaseId);
        Assert.Null(_journey.GetActivity(_receipt).ParentId);
    }

    [Fact]
    public void Reordering_a_child_keeps_its_parent_and_the_children_of_other_parents_in_place()
    {
        var pay = _journey.AddActivity(Ana, _buy, "Pay", parentId: _checkout);
        var compare = _journey.AddActivity(Ana, _think, "Compare prices", parentId: _search);
        var confirm = _journey.AddActivity(Ana, _buy, "Confirm", parentId: _checkout);

        _journey.ReorderActivity(Ana, confirm, 0);

        Assert.Equal(["Confirm", "Pay"], Names(_journey.SiblingsOf(pay)));
        Assert.Equal(["Compare prices"], Names(_journey.SiblingsOf(compare)));
        Assert.All(_journey.SiblingsOf(pay), a => Assert.Equal(_checkout, a.ParentId));
    }

    [Fact]
    public void Reordering_an_activity_to_its_own_place_records_nothing()
    {
        var version = _journey.Version;

        _journey.ReorderActivity(Ana, _checkout, 1);

        Assert.Equal(version, _journey.Version);
    }

    [Fact]
    public void Reordering_an_activity_is_described_in_the_users_words()
    {
        _journey.ReorderActivity(Ana, _checkout, 0);

        var entry = Assert.Single(new JourneyHistory(_journey.PendingEvents).Entries, h => h.Event is ActivityReordered);
        Assert.Equal("Moved \"Checkout\" to place 1 in phase \"Purchase\"", entry.Description);
    }

    [Fact]
    public void Reordering_a_child_names_its_parent_in_the_history()
    {
        var pay = _journey.AddActivity(Ana, _buy, "Pay", parentId: _checkout);
        _journey.AddActivity(Ana, _buy, "Confirm", parentId: _checkout);

        _journey.ReorderActivity(Ana, pay, 1);

        Assert.Equal("Moved \"Pay\" to place 2 in phase \"Purchase\" under \"Checkout\"", new JourneyHistory(_journey.PendingEvents).Entries.Last().Description);
    }

    [Fact]
    public void Reordering_an_activity_out_of_range_is_refused_naming_the_allowed_places()
    {
        var ex = _journey.Refused(() => _journey.ReorderActivity(Ana, _checkout, 3));

        Assert.Equal(JourneyRules.InvalidPosition, ex.Rule);
        Assert.Equal($"Activity 'Checkout' ({_checkout}) cannot move to position 3: phase 'Purchase' has 3 activities at the top level, so use 0 to 2.", ex.Message);
    }

    [Fact]
    public void Reordering_an_activity_to_a_negative_place_is_refused()
    {
        var ex = _journey.Refused(() => _journey.ReorderActivity(Ana, _search, -1));

        Assert.Equal(JourneyRules.InvalidPosition, ex.Rule);
        Assert.Equal($"Activity 'Search' ({_search}) cannot move to position -1: phase 'Think' has 1 activity at the top level, so use 0 to 0.", ex.Message);
    }

    [Fact]
    public void Reordering_a_missing_activity_is_refused()
    {
        var missing = ActivityId.New();

        var ex = _journey.Refused(() => _journey.ReorderActivity(Ana, missing, 0));

        Assert.Equal((JourneyRules.UnknownActivity, $"Journey 'Online store' has no activity {missing}."), (ex.Rule, ex.Message));
    }

    [Fact]
    public void Moving_a_persona_changes_the_order_of_the_personas()
    {
        var anna = _journey.AddPersona(Ana, "Anna");
        _journey.AddPersona(Ana, "Ben");
        _journey.AddPersona(Ana, "Chris");

        _journey.MovePersona(Ana, anna, 2);

        Assert.Equal(["Ben", "Chris", "Anna"], _journey.Personas.Select(p => p.Name));
        Assert.Equal("Moved persona \"Anna\" to position 3", new JourneyHistory(_journey.PendingEvents).Entries.Last().Description);
    }

    [Fact]
    public void Moving_a_persona_out_of_range_is_refused_naming_the_allowed_places()
    {
        var anna = _journey.AddPersona(Ana, "Anna");
        _journey.AddPersona(Ana, "Ben");

        var ex = _journey.Refused(() => _journey.MovePersona(Ana, anna, 2));

        Assert.Equal(JourneyRules.InvalidPosition, ex.Rule);
        Assert.Equal($"Persona 'Anna' ({anna}) cannot move to position 2: the journey has 2 personas, so use 0 to 1.", ex.Message);
    }

    [Fact]
    public void Moving_a_missing_persona_is_refused()
    {
        var missing = PersonaId.New();

        var ex = _journey.Refused(() => _journey.MovePersona(Ana, missing, 0));

        Assert.Equal((JourneyRules.UnknownPersona, $"Journey 'Online store' has no persona {missing}."), (ex.Rule, ex.Message));
    }

    /// <summary>
    /// Any sequence of persona moves leaves the same personas, in the order a plain list gets from the same
    /// remove-and-insert moves; replay and a snapshot restore give the same order.
    /// </summary>
    [Property(MaxTest = 200)]
    public void Persona_moves_permute_the_personas_like_a_list_and_survive_replay(byte size, int[] moves)
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Moves", clock);
        var model = new List<PersonaId>();
        for (var i = 0; i < 1 + (size % 7); i++)
        {
            model.Add(journey.AddPersona(Ana, $"Persona {i}"));
        }

        for (var i = 0; i + 1 < moves.Length; i += 2)
        {
            var persona = model[(int)((uint)moves[i] % (uint)model.Count)];
            var position = (int)((uint)moves[i + 1] % (uint)model.Count);
            journey.MovePersona(Ana, persona, position);
            model.Remove(persona);
            model.Insert(position, persona);
        }

        Assert.Equal(model, journey.Personas.Select(p => p.Id));
        Assert.Equal(journey.ToSnapshot(), Journey.Replay(journey.PendingEvents, clock).ToSnapshot());
        Assert.Equal(model, Journey.FromSnapshot(journey.ToSnapshot(), clock).Personas.Select(p => p.Id));
    }

    /// <summary>
    /// Any sequence of reorders on a map whose siblings are spread over two phases and two levels keeps every activity
    /// with its phase and parent, orders each sibling group like a plain list given the same moves, and survives replay
    /// and a snapshot restore.
    /// </summary>
    [Property(MaxTest = 200)]
    public void Activity_reorders_permute_each_sibling_group_like_a_list_and_survive_replay(int[] phasePicks, int[] moves)
    {
        var clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Moves", clock);
        PhaseId[] phases = [journey.AddPhase(Ana, "Think"), journey.AddPhase(Ana, "Purchase")];
        ActivityId[] tops = [journey.AddActivity(Ana, phases[0], "Top"), journey.AddActivity(Ana, phases[1], "Other top")];
        var groups = new Dictionary<(ActivityId? Parent, PhaseId Phase), List<ActivityId>> { [(null, phases[0])] = [tops[0]], [(null, phases[1])] = [tops[1]] };
        var all = new List<ActivityId>(tops);
        for (var i = 0; i < phasePicks.Length && i < 12; i++)
        {
            var phase = phases[(uint)phasePicks[i] % 2];

            // A child lives in its parent's phase: the parent is the top activity of the phase.
            ActivityId? parent = (phasePicks[i] & 4) == 0 ? null : tops[(uint)phasePicks[i] % 2];
            var id = journey.AddActivity(Ana, phase, $"Activity {i}", parentId: parent);
            all.Add(id);
            (groups.TryGetValue((parent, phase), out var group) ? group : groups[(parent, phase)] = []).Add(id);
        }

        for (var i = 0; i + 1 < moves.Length; i += 2)
        {
            var id = all[(int)((uint)moves[i] % (uint)all.Count)];
            var activity = journey.GetActivity(id);
            var group = groups[(activity.ParentId, activity.PhaseId)];
            var position = (int)((uint)moves[i + 1] % (uint)group.Count);
            journey.ReorderActivity(Ana, id, position);
            group.Remove(id);
            group.Insert(position, id);
        }

        Assert.Equal(all.Order(), journey.Activities.Select(a => a.Id).Order());
        var replayed = Journey.Replay(journey.PendingEvents, clock);
        var restored = Journey.FromSnapshot(journey.ToSnapshot(), clock);
        foreach (var ((parent, phase), group) in groups)
        {
            foreach (var id in group)
            {
                Assert.Equal((parent, phase), (journey.GetActivity(id).ParentId, journey.GetActivity(id).PhaseId));
                Assert.Equal(group, journey.SiblingsOf(id).Select(a => a.Id));
                Assert.Equal(group, restored.SiblingsOf(id).Select(a => a.Id));
            }
        }

        Assert.Equal(journey.ToSnapshot(), replayed.ToSnapshot());
    }
}
