using System.Linq;
using FsCheck.Xunit;
using NodaTime.Testing;
using OutOfDark.Events;
using Xunit;

namespace OutOfDark.Tests;

/// <summary>Phase names and persona names are unique in a journey, ignoring case, for commands; stored duplicates load.</summary>
public class DuplicateNameTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);

    private Journey NewJourney() => Journey.Create(Ana, WorkspaceId.New(), "Online store", _clock);

    [Fact]
    public void Adding_a_phase_with_the_name_of_another_is_refused_naming_the_existing_one()
    {
        var journey = NewJourney();
        var see = journey.AddPhase(Ana, "See");

        var ex = journey.Refused(() => journey.AddPhase(Ana, "SEE"));

        Assert.Equal(JourneyRules.DuplicateName, ex.Rule);
        Assert.Equal($"The journey already has a phase named 'See' ({see}); phase names are compared ignoring case, so choose another name or use that phase.", ex.Message);
        Assert.Equal([see], ex.Subjects.ToArray());
    }

    [Fact]
    public void Renaming_a_phase_to_the_name_of_another_is_refused_but_changing_its_own_case_is_not()
    {
        var journey = NewJourney();
        journey.AddPhase(Ana, "See");
        var think = journey.AddPhase(Ana, "Think");

        Assert.Equal(JourneyRules.DuplicateName, journey.Refused(() => journey.ChangePhase(Ana, think, "see", null)).Rule);
        journey.ChangePhase(Ana, think, "THINK", "Compare offers");

        Assert.Equal("THINK", journey.GetPhase(think).Name);
    }

    [Fact]
    public void A_template_repeating_a_name_or_taking_an_existing_one_adds_no_phase()
    {
        var journey = NewJourney();
        journey.AddPhase(Ana, "Care");

        var taken = journey.Refused(() => journey.AddPhases(Ana, PhaseTemplate.SeeThinkDoCare));
        var repeated = journey.Refused(() => journey.AddPhases(Ana, [new PhaseTemplate("Buy", null), new PhaseTemplate("buy", null)]));

        Assert.Equal(JourneyRules.DuplicateName, taken.Rule);
        Assert.Equal(JourneyRules.DuplicateName, repeated.Rule);
        Assert.Contains("names phase 'buy' twice", repeated.Message);
    }

    [Fact]
    public void Adding_or_renaming_a_persona_to_the_name_of_another_is_refused()
    {
        var journey = NewJourney();
        var buyer = journey.AddPersona(Ana, "First-time buyer");
        var loyal = journey.AddPersona(Ana, "Loyal customer");

        var added = journey.Refused(() => journey.AddPersona(Ana, "first-time BUYER"));
        var renamed = journey.Refused(() => journey.ChangePersona(Ana, loyal, "First-time buyer", null));

        Assert.Equal(JourneyRules.DuplicateName, added.Rule);
        Assert.Equal($"The journey already has a persona named 'First-time buyer' ({buyer}); persona names are compared ignoring case, so choose another name or use that persona.", added.Message);
        Assert.Equal(JourneyRules.DuplicateName, renamed.Rule);
    }

    [Fact]
    public void Stored_events_with_two_phases_or_personas_of_one_name_still_load_and_can_be_edited()
    {
        var journey = NewJourney();
        var events = journey.PendingEvents.ToList();
        var stamp = events[0];
        var first = PhaseId.New();
        events.Add(new PhaseAdded(first, "See", null, 0) { JourneyId = journey.Id, OccurredAt = stamp.OccurredAt, Actor = stamp.Actor });
        events.Add(new PhaseAdded(PhaseId.New(), "see", null, 1) { JourneyId = journey.Id, OccurredAt = stamp.OccurredAt, Actor = stamp.Actor });
        events.Add(new PersonaAdded(PersonaId.New(), "Buyer", null) { JourneyId = journey.Id, OccurredAt = stamp.OccurredAt, Actor = stamp.Actor });
        events.Add(new PersonaAdded(PersonaId.New(), "Buyer", null) { JourneyId = journey.Id, OccurredAt = stamp.OccurredAt, Actor = stamp.Actor });

        var loaded = Journey.Replay(events, _clock);
        loaded.ChangePhase(Ana, first, "See", "Notice the brand");

        Assert.Equal(2, loaded.Personas.Count);
        Assert.Equal(loaded.ToSnapshot(), Journey.FromSnapshot(loaded.ToSnapshot(), _clock).ToSnapshot());
    }

    [Property(MaxTest = 200)]
    public void Phase_and_persona_names_added_by_commands_stay_unique_ignoring_case(string[] names)
    {
        var journey = NewJourney();
        foreach (var name in names.Where(n => n is not null))
        {
            var taken = journey.Phases.Any(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase));
            try
            {
                journey.AddPhase(Ana, name);
                journey.AddPersona(Ana, name);
                Assert.False(taken);
            }
            catch (JourneyRuleException ex) when (ex.Rule == JourneyRules.DuplicateName)
            {
                Assert.True(taken);
            }
            catch (JourneyRuleException)
            {
                // Names the guard refuses (blank, too long, control characters) are another rule's business.
            }
        }

        Assert.Equal(journey.Phases.Count, journey.Phases.Select(p => p.Name).Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(journey.Personas.Count, journey.Personas.Select(p => p.Name).Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
    }
}
