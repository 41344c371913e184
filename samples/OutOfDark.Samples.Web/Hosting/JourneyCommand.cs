using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// A command the web API runs on a journey: a closed set of records that can travel to the process owning the journey.
/// New objects get their ids here, before the command is sent, so a command means the same wherever it runs.
/// </summary>
/// <param name="Actor">Who makes the change.</param>
internal abstract record JourneyCommand(Actor Actor)
{
    /// <summary>The id of the object the command creates, as text; <see langword="null"/> when it creates none.</summary>
    public virtual string? CreatedId => null;

    /// <summary>
    /// What the command works on: a command sent against an older version is still applied when no event since changed
    /// any of these (<see cref="CommandConflicts"/>). Objects the command creates are not listed: nobody else can have
    /// changed them.
    /// </summary>
    /// <param name="seen">The journey as the client saw it (at the version it sent), for what the command's ids belong to.</param>
    /// <returns>The subjects; empty when the command depends on nothing anyone could change.</returns>
    public abstract IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen);

    /// <summary>Runs the command on a journey (raising its events; the caller saves them).</summary>
    /// <exception cref="JourneyRuleException">The journey refused the command; it is unchanged.</exception>
    public abstract void ApplyTo(Journey journey);
}

/// <summary>Adds an activity (<see cref="Journey.AddActivity"/>).</summary>
internal sealed record AddActivityCommand(Actor Actor, ActivityId Id, PhaseId Phase, ActivityId? Parent, string Name, ActivityKind Kind, ActivityDetails Details, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override string? CreatedId => Id.ToString();

    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => Parent is { } parent ? [CommandSubject.Of(Phase), CommandSubject.Of(parent)] : [CommandSubject.Of(Phase)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.AddActivity(Actor, Phase, Name, Kind, Details, Parent, Id, Reason);
}

/// <summary>Moves an activity in the map (<see cref="Journey.MoveActivity"/>).</summary>
internal sealed record MoveActivityCommand(Actor Actor, ActivityId Activity, PhaseId Phase, ActivityId? Parent, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => Parent is { } parent ? [CommandSubject.Of(Activity), CommandSubject.Of(Phase), CommandSubject.Of(parent)] : [CommandSubject.Of(Activity), CommandSubject.Of(Phase)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.MoveActivity(Actor, Activity, Phase, Parent, Reason);
}

/// <summary>Adds a widget to an activity (<see cref="Journey.AddWidget"/>); the widget carries its new id.</summary>
internal sealed record AddWidgetCommand(Actor Actor, ActivityId Activity, Widget Widget)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override string? CreatedId => Widget.Id.ToString();

    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Activity)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.AddWidget(Actor, Activity, Widget);
}

/// <summary>Records a metric's observation for a date (<see cref="Journey.RecordObservation"/>).</summary>
internal sealed record RecordObservationCommand(Actor Actor, WidgetId Metric, LocalDate Date, decimal Value, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Metric)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.RecordObservation(Actor, Metric, Date, Value, Reason);
}

/// <summary>What a person does with a warning.</summary>
internal enum WarningAction
{
    /// <summary><see cref="Journey.AcknowledgeWarning"/>.</summary>
    Acknowledge,

    /// <summary><see cref="Journey.SnoozeWarning"/>.</summary>
    Snooze,

    /// <summary><see cref="Journey.ResolveWarning"/>.</summary>
    Resolve,

    /// <summary><see cref="Journey.ReopenWarning"/>.</summary>
    Reopen,
}

/// <summary>
/// A command on warnings people saw in the Warnings view: it runs only on warnings the journey raises now, so a mistyped
/// rule, a subject that raises no such warning, or a warning that has since cleared is refused and nothing is recorded
/// (the journey's own commands would record any key, and a status recorded early would pre-silence a later warning).
/// </summary>
/// <param name="Actor">Who makes the change.</param>
internal abstract record WarningCommand(Actor Actor) : JourneyCommand(Actor)
{
    /// <summary>Checks the command against the journey's present warnings, right before it runs.</summary>
    /// <param name="present">Every warning the journey raises now, with its state (the Warnings view unfiltered).</param>
    /// <returns>The command to run: itself, the part of it that changes something, or <see langword="null"/> when it changes nothing (reopening a warning that is already open).</returns>
    /// <exception cref="WarningNotRaisedException">A warning of the command is not raised now; nothing is recorded.</exception>
    public abstract WarningCommand? Admit(IReadOnlyList<WarningViewItem> present);

    /// <summary>The present warning with <paramref name="key"/>.</summary>
    /// <exception cref="WarningNotRaisedException">No present warning has that key.</exception>
    protected static WarningViewItem Find(IReadOnlyList<WarningViewItem> present, WarningKey key, int? index)
    {
        var ruleRaised = false;
        foreach (var item in present)
        {
            if (item.Key == key)
            {
                return item;
            }

            ruleRaised |= item.Key.Rule == key.Rule;
        }

        throw new WarningNotRaisedException(key, index, ruleRaised);
    }
}

/// <summary>A warning command names a warning the journey does not raise now (mistyped rule, wrong subject, cleared since).</summary>
internal sealed class WarningNotRaisedException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>, at <paramref name="index"/> of a bulk request if it came from one.</summary>
    /// <param name="key">The warning asked for.</param>
    /// <param name="index">Its position in a bulk request; <see langword="null"/> for a single warning.</param>
    /// <param name="ruleRaised">Whether the rule raises a warning on some other subject now (then the subject is the field at fault, else the rule).</param>
    public WarningNotRaisedException(WarningKey key, int? index, bool ruleRaised)
        : base(ruleRaised
            ? "No such warning is raised now: this rule raises no warning on that subject (it may have cleared); reload the Warnings view. Nothing was changed."
            : "No such warning is raised now: no warning of this rule is raised on the journey (it may have cleared, or the rule id is mistyped); reload the Warnings view. Nothing was changed.")
    {
        Key = key;
        Index = index;
        Field = (index is { } i ? $"warnings[{i}]." : string.Empty) + (ruleRaised ? "subject" : "rule");
    }

    /// <summary>The request field at fault: <c>rule</c> or <c>subject</c>, as <c>warnings[i].rule</c> in a bulk request.</summary>
    public string Field { get; }

    /// <summary>The warning asked for.</summary>
    public WarningKey Key { get; }

    /// <summary>Its position in a bulk request (0-based); <see langword="null"/> for a single warning.</summary>
    public int? Index { get; }
}

/// <summary>Acknowledges, snoozes (until <paramref name="Until"/>), resolves or reopens a warning.</summary>
internal sealed record HandleWarningCommand(Actor Actor, WarningAction Action, WarningKey Key, Instant Until, string? Note)
    : WarningCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Key), CommandSubject.Of(Key.Subject)];

    /// <inheritdoc />
    public override WarningCommand? Admit(IReadOnlyList<WarningViewItem> present) => Admit(present, null);

    /// <summary>As <see cref="Admit(IReadOnlyList{WarningViewItem})"/>, naming <paramref name="index"/> of a bulk request in the refusal.</summary>
    internal HandleWarningCommand? Admit(IReadOnlyList<WarningViewItem> present, int? index)
    {
        var item = Find(present, Key, index);
        return Action == WarningAction.Reopen && item.State == WarningState.Open ? null : this;
    }

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        switch (Action)
        {
            case WarningAction.Acknowledge: journey.AcknowledgeWarning(Actor, Key, Note); break;
            case WarningAction.Snooze: journey.SnoozeWarning(Actor, Key, Until, Note); break;
            case WarningAction.Resolve: journey.ResolveWarning(Actor, Key, Note); break;
            default: journey.ReopenWarning(Actor, Key, Note); break;
        }
    }
}

/// <summary>
/// Several warnings handled at once (the Warnings view's bulk action), all or nothing: every warning must be raised now,
/// and the events are saved in one commit.
/// </summary>
/// <param name="Actor">Who makes the change.</param>
/// <param name="Items">The warnings, one command each, in the request's order; no key twice.</param>
internal sealed record HandleWarningsCommand(Actor Actor, IReadOnlyList<HandleWarningCommand> Items)
    : WarningCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [.. Items.SelectMany(i => i.SubjectsIn(seen)).Distinct()];

    /// <inheritdoc />
    public override WarningCommand? Admit(IReadOnlyList<WarningViewItem> present)
    {
        var admitted = new List<HandleWarningCommand>();
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i].Admit(present, i) is { } item)
            {
                admitted.Add(item);
            }
        }

        return admitted.Count == 0 ? null : admitted.Count == Items.Count ? this : new HandleWarningsCommand(Actor, admitted);
    }

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        foreach (var item in Items)
        {
            item.ApplyTo(journey);
        }
    }
}
