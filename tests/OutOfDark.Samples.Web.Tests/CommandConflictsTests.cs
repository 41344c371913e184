using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// When a command sent against an older version may still run: a table of what a colleague did meanwhile × what the
/// stale command works on, and an exhaustive check over every pair of the web sample's commands that a command let
/// through means exactly what it meant on the journey its sender saw.
/// </summary>
public sealed class CommandConflictsTests
{
    private static readonly Actor Ana = new("Ana Costa");
    private static readonly Actor Ben = new("Ben Okafor");

    // The online store's structure (phases, personas, activities, widgets, flows) without its 90 days of values: the
    // values change nothing a conflict depends on, and keep each replay small.
    private static readonly IReadOnlyList<JourneyEvent> Structure = OnlineStoreJourney.Build(new FakeClock(OnlineStoreJourney.CreatedAt)).PendingEvents
        .Where(e => e is not (ObservationRecorded or MeasurementRecorded or FeedbackRecorded or KpiMeasurementRecorded))
        .ToList();

    private static readonly Journey Base = Replay();

    private static readonly FlowId CheckoutFlow = Base.FlowsFrom(SampleIds.Activity("Checkout")).Concat(Base.FlowsTo(SampleIds.Activity("Checkout"))).First().Id;

    private static readonly FlowId SeeFlow = Base.Flows.First(f => Base.GetActivity(f.From).PhaseId == SampleIds.Phase("See") && f.To != SampleIds.Activity("Checkout") && f.From != SampleIds.Activity("Checkout")).Id;

    // Each entry is a change a person can make through the web sample, named for the table; the actor decides the ids of
    // what it creates, so Ana's and Ben's new objects never collide.
    private static readonly Dictionary<string, Func<Actor, JourneyCommand>> Changes = new()
    {
        ["record Checkout completion"] = a => new RecordObservationCommand(a, Metric("Checkout", "Checkout completion"), OnlineStoreJourney.DateOf(89 + Day(a)), 61, null),
        ["record Payment failures"] = a => new RecordObservationCommand(a, Metric("Payment", "Payment failures"), OnlineStoreJourney.DateOf(89 + Day(a)), 3, null),
        ["acknowledge Average wait"] = a => new HandleWarningCommand(a, WarningAction.Acknowledge, MetricWarning("Support call", "Average wait"), default, "on it"),
        ["acknowledge Checkout completion"] = a => new HandleWarningCommand(a, WarningAction.Acknowledge, MetricWarning("Checkout", "Checkout completion"), default, null),
        ["acknowledge Checkout no owner"] = a => new HandleWarningCommand(a, WarningAction.Acknowledge, new WarningKey(new RuleId("activity.no-owner"), WarningSubject.For(SampleIds.Activity("Checkout"))), default, null),
        ["change Checkout"] = a => new ChangeActivityCommand(a, SampleIds.Activity("Checkout"), "Checkout by " + a.Name, ActivityKind.Milestone, ActivityStatus.Active, a.Name, "E-commerce", ["web"], null, null),
        ["change Delivery"] = a => new ChangeActivityCommand(a, SampleIds.Activity("Delivery"), "Delivery by " + a.Name, ActivityKind.Milestone, ActivityStatus.Active, a.Name, "Logistics", ["parcel"], null, null),
        ["move Payment to the top"] = a => new MoveActivityCommand(a, SampleIds.Activity("Payment"), SampleIds.Phase("Do"), null, null),
        ["move Social ads to Think"] = a => new MoveActivityCommand(a, SampleIds.Activity("Social ads"), SampleIds.Phase("Think"), null, null),
        ["remove Checkout"] = a => new RemoveActivityCommand(a, SampleIds.Activity("Checkout"), null),
        ["remove Social ads"] = a => new RemoveActivityCommand(a, SampleIds.Activity("Social ads"), null),
        ["add activity under Checkout"] = a => new AddActivityCommand(a, new ActivityId(Id(a, "activity-under")), SampleIds.Phase("Do"), SampleIds.Activity("Checkout"), "Express checkout", ActivityKind.Touchpoint, ActivityDetails.Empty, null),
        ["add activity to See"] = a => new AddActivityCommand(a, new ActivityId(Id(a, "activity-see")), SampleIds.Phase("See"), null, "Podcast", ActivityKind.Touchpoint, ActivityDetails.Empty, null),
        ["add widget to Checkout"] = a => new AddWidgetCommand(a, SampleIds.Activity("Checkout"), new DescriptionWidget(new WidgetId(Id(a, "widget")), "Notes by " + a.Name, "text")),
        ["change Checkout completion"] = a => new ChangeWidgetCommand(a, Metric("Checkout", "Checkout completion"), w => w with { Title = "Completion by " + a.Name }, null),
        ["move Checkout completion first"] = a => new MoveWidgetCommand(a, Metric("Checkout", "Checkout completion"), 0, null),
        ["move Declined cards last"] = a => new MoveWidgetCommand(a, SampleIds.Widget("Checkout", "Declined cards"), Base.GetActivity(SampleIds.Activity("Checkout")).Widgets.Count - 1, null),
        ["remove Declined cards"] = a => new RemoveWidgetCommand(a, SampleIds.Widget("Checkout", "Declined cards"), null),
        ["add flow Cart to Delivery"] = a => new AddFlowCommand(a, new FlowId(Id(a, "flow")), SampleIds.Activity("Cart"), SampleIds.Activity("Delivery"), "by " + a.Name, null),
        ["relabel a Checkout flow"] = a => new RelabelFlowCommand(a, CheckoutFlow, "by " + a.Name, null),
        ["remove a Checkout flow"] = a => new RemoveFlowCommand(a, CheckoutFlow, null),
        ["remove a See flow"] = a => new RemoveFlowCommand(a, SeeFlow, null),
        ["add phase at the end"] = a => new AddPhaseCommand(a, new PhaseId(Id(a, "phase-end")), "Advocate " + a.Name, null, null, null),
        ["add phase first"] = a => new AddPhaseCommand(a, new PhaseId(Id(a, "phase-first")), "Discover " + a.Name, null, 0, null),
        ["change phase Care"] = a => new ChangePhaseCommand(a, SampleIds.Phase("Care"), "Aftercare " + a.Name, "Feel looked after", null),
        ["move phase Care first"] = a => new MovePhaseCommand(a, SampleIds.Phase("Care"), 0, null),
        ["move phase See last"] = a => new MovePhaseCommand(a, SampleIds.Phase("See"), 3, null),
        ["add persona"] = a => new AddPersonaCommand(a, new PersonaId(Id(a, "persona")), "Bargain hunter " + a.Name, null, null),
        ["change persona First-time buyer"] = a => new ChangePersonaCommand(a, SampleIds.Persona("First-time buyer"), "Newcomer " + a.Name, null, null),
        ["remove persona Gift shopper"] = a => new RemovePersonaCommand(a, SampleIds.Persona("Gift shopper"), null),
        ["reorder Checkout first in Do"] = a => new ReorderActivityCommand(a, SampleIds.Activity("Checkout"), 0, null),
        ["reorder Cart last in Do"] = a => new ReorderActivityCommand(a, SampleIds.Activity("Cart"), 2, null),
        ["reorder Payment after its sibling"] = a => new ReorderActivityCommand(a, SampleIds.Activity("Payment"), 1, null),
        ["move persona Gift shopper first"] = a => new MovePersonaCommand(a, SampleIds.Persona("Gift shopper"), 0, null),
        ["move persona First-time buyer last"] = a => new MovePersonaCommand(a, SampleIds.Persona("First-time buyer"), 2, null),
    };

    public static TheoryData<string, string, bool> Table => new()
    {
        // The reported case: a colleague's value on one activity does not block a warning on another.
        { "record Payment failures", "acknowledge Average wait", false },
        { "record Checkout completion", "acknowledge Checkout completion", true },
        { "record Checkout completion", "record Checkout completion", true },
        { "record Checkout completion", "acknowledge Checkout no owner", false },
        { "change Checkout", "acknowledge Checkout no owner", true },
        { "acknowledge Average wait", "acknowledge Average wait", true },
        { "acknowledge Checkout completion", "acknowledge Average wait", false },
        { "change Delivery", "change Checkout", false },
        { "change Checkout", "change Checkout", true },
        { "change Checkout", "add widget to Checkout", true },
        { "change Checkout", "change Checkout completion", false },
        { "remove Checkout", "record Checkout completion", true },
        { "remove Checkout", "record Payment failures", true },
        { "remove Checkout", "move Payment to the top", true },
        { "remove Checkout", "remove a Checkout flow", true },
        { "remove Checkout", "add activity under Checkout", true },
        { "remove Social ads", "change Checkout", false },
        { "move Social ads to Think", "add activity to See", false },
        { "add activity to See", "add activity to See", false },
        { "add activity under Checkout", "remove Checkout", true },
        { "add widget to Checkout", "move Declined cards last", true },
        { "add widget to Checkout", "record Checkout completion", false },
        { "remove Declined cards", "move Checkout completion first", true },
        { "change Checkout completion", "acknowledge Checkout completion", true },
        { "change Checkout completion", "change Checkout completion", true },
        { "relabel a Checkout flow", "remove a Checkout flow", true },
        { "relabel a Checkout flow", "remove a See flow", false },
        { "add flow Cart to Delivery", "change Delivery", true },
        { "add phase at the end", "add phase at the end", false },
        { "add phase at the end", "move phase See last", true },
        { "add phase first", "change phase Care", false },
        { "change phase Care", "change phase Care", true },
        { "move phase Care first", "add activity to See", false },
        { "add persona", "change persona First-time buyer", false },
        { "change persona First-time buyer", "remove persona Gift shopper", false },
        { "change persona First-time buyer", "change persona First-time buyer", true },
        // A place among siblings means something only in the group the sender saw; edits of the activity itself still apply.
        { "reorder Cart last in Do", "reorder Checkout first in Do", true },
        { "reorder Checkout first in Do", "change Checkout", false },
        { "reorder Payment after its sibling", "reorder Checkout first in Do", false },
        { "add activity to See", "reorder Checkout first in Do", false },
        { "move Payment to the top", "reorder Checkout first in Do", true },
        { "remove Checkout", "reorder Payment after its sibling", true },
        { "change Checkout", "reorder Checkout first in Do", false },
        { "move persona Gift shopper first", "move persona First-time buyer last", true },
        { "add persona", "move persona Gift shopper first", true },
        { "change persona First-time buyer", "move persona Gift shopper first", false },
        { "move persona Gift shopper first", "remove persona Gift shopper", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_stale_command_conflicts_only_with_changes_to_its_subjects(string meanwhile, string stale, bool conflicts)
    {
        var current = Replay();
        Changes[meanwhile](Ana).ApplyTo(current);
        var since = current.PendingEvents.ToList();
        Assert.NotEmpty(since);

        var found = CommandConflicts.Find(Replay(), since, Changes[stale](Ben));

        Assert.Equal(conflicts, found.Count > 0);
    }

    [Fact]
    public void Every_pair_of_commands_let_through_means_what_it_meant_on_the_journey_its_sender_saw()
    {
        var checkedPairs = 0;
        var failures = new List<string>();
        foreach (var (meanwhileName, meanwhile) in Changes)
        {
            var current = Replay();
            if (!TryApply(meanwhile(Ana), current, out _))
            {
                continue;
            }

            var since = current.PendingEvents.ToList();
            current.ClearPendingEvents();
            foreach (var (staleName, stale) in Changes)
            {
                if (CommandConflicts.Find(Replay(), since, stale(Ben)).Count > 0)
                {
                    continue;
                }

                checkedPairs++;
                var onSeen = TryApply(stale(Ben), Replay(), out var seenEvents);
                var now = Replay(since);
                var onCurrent = TryApply(stale(Ben), now, out var currentEvents);
                var atTheEnd = stale(Ben) is AddPhaseCommand { Position: null };
                if (onSeen != onCurrent || (onSeen && !seenEvents.Select(e => Intent(e, atTheEnd)).SequenceEqual(currentEvents.Select(e => Intent(e, atTheEnd)))))
                {
                    failures.Add($"'{staleName}' after '{meanwhileName}': on the journey seen {Outcome(onSeen, seenEvents)}, now {Outcome(onCurrent, currentEvents)}");
                }
            }
        }

        Assert.True(checkedPairs > Changes.Count * 10, $"only {checkedPairs} pairs were let through");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void A_conflict_names_who_changed_what_and_when_without_ids()
    {
        var current = Replay();
        Changes["change Checkout"](Ana).ApplyTo(current);

        var conflict = Assert.Single(CommandConflicts.Find(Replay(), current.PendingEvents.ToList(), Changes["add widget to Checkout"](Ben)));

        Assert.Equal("Ana Costa changed activity 'Checkout' at 09:00 UTC on 5 Apr 2026", conflict.Text);
    }

    [Fact]
    public void A_conflict_names_the_fields_the_change_set_and_their_new_values_and_no_others()
    {
        var current = Replay();
        Changes["change Checkout"](Ana).ApplyTo(current);
        Changes["change phase Care"](Ana).ApplyTo(current);

        var events = current.PendingEvents.ToList();

        var activity = Assert.Single(CommandConflicts.Find(Replay(), events, Changes["add widget to Checkout"](Ben))).Fields;
        Assert.Contains(new ConflictField("name", "Checkout by Ana Costa"), activity);
        Assert.Contains(new ConflictField("owner", "Ana Costa"), activity);
        Assert.DoesNotContain(activity, f => f.Field is "team" or "channels" or "kind");
        var phase = Assert.Single(CommandConflicts.Find(Replay(), events, Changes["change phase Care"](Ben))).Fields;
        Assert.Equal([new ConflictField("name", "Aftercare Ana Costa"), new ConflictField("customerGoal", "Feel looked after")], phase);
    }

    [Fact]
    public void A_removal_names_the_activity_removed_with_its_children()
    {
        var current = Replay();
        Changes["remove Checkout"](Ana).ApplyTo(current);

        var conflict = Assert.Single(CommandConflicts.Find(Replay(), current.PendingEvents.ToList(), Changes["record Payment failures"](Ben)));

        Assert.StartsWith("Ana Costa removed activity 'Checkout' at ", conflict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_the_table_does_not_know_conflicts_with_every_command()
    {
        var change = CommandConflicts.Describe(new UnknownEvent { Actor = "importer", OccurredAt = Instant.FromUtc(2026, 4, 5, 9, 0) }, Replay());

        Assert.True(change.Everything);
        Assert.Equal("importer changed the journey at 09:00 UTC on 5 Apr 2026", change.Text);
    }

    private static Journey Replay(IEnumerable<JourneyEvent>? more = null)
    {
        var journey = Journey.Replay(more is null ? Structure : Structure.Concat(more), new FakeClock(Instant.FromUtc(2026, 4, 5, 9, 0)));
        journey.ClearPendingEvents();
        return journey;
    }

    private static bool TryApply(JourneyCommand command, Journey journey, out IReadOnlyList<JourneyEvent> events)
    {
        try
        {
            command.ApplyTo(journey);
            events = journey.PendingEvents.ToList();
            return true;
        }
        catch (JourneyRuleException)
        {
            events = [];
            return false;
        }
    }

    // A phase added "at the end" lands at whatever the end is when it runs: that is what its sender asked for.
    private static JourneyEvent Intent(JourneyEvent e, bool atTheEnd) => atTheEnd && e is PhaseAdded added ? added with { Position = -1 } : e;

    private static string Outcome(bool applied, IReadOnlyList<JourneyEvent> events) =>
        applied ? string.Join(", ", events) : "refused";

    private static WidgetId Metric(string activity, string title) => SampleIds.Widget(activity, title);

    private static WarningKey MetricWarning(string activity, string title) =>
        new(new RuleId("metric.threshold"), WarningSubject.For(Metric(activity, title)));

    private static int Day(Actor actor) => actor == Ana ? 0 : 1;

    private static Guid Id(Actor actor, string what) => SampleIds.For("test-" + what, actor.Name);

    private sealed record UnknownEvent : JourneyEvent;
}
