using System.Collections.Generic;
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

/// <summary>Acknowledges, snoozes (until <paramref name="Until"/>), resolves or reopens a warning.</summary>
internal sealed record HandleWarningCommand(Actor Actor, WarningAction Action, WarningKey Key, Instant Until, string? Note)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Key), CommandSubject.Of(Key.Subject)];

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
