using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// Changes an activity's name, kind, status, owner, team, channels and description at once
/// (<see cref="Journey.ChangeActivity"/>); its other details (planned dates, tags) keep their values, and so do the
/// members named in <paramref name="Kept"/> (the request left them out: <c>name</c>, <c>kind</c>, <c>status</c>,
/// <c>owner</c>, <c>team</c>, <c>channels</c>, <c>description</c>, compared ignoring case).
/// </summary>
internal sealed record ChangeActivityCommand(
    Actor Actor,
    ActivityId Activity,
    string Name,
    ActivityKind Kind,
    ActivityStatus Status,
    string? Owner,
    string? Team,
    IReadOnlyList<string> Channels,
    string? Description,
    string? Reason,
    IReadOnlySet<string>? Kept = null)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Activity)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        var current = journey.GetActivity(Activity);
        var details = current.Details with
        {
            Status = Keep("status") ? current.Details.Status : Status,
            Owner = Keep("owner") ? current.Details.Owner : Owner,
            Team = Keep("team") ? current.Details.Team : Team,
            Channels = Keep("channels") ? current.Details.Channels : ValueList<string>.From(Channels),
            Description = Keep("description") ? current.Details.Description : Description,
        };
        journey.ChangeActivity(Actor, Activity, Keep("name") ? current.Name : Name, Keep("kind") ? current.Kind : Kind, details, Reason);
    }

    private bool Keep(string member) => Kept?.Contains(member) == true;
}

/// <summary>Removes an activity with its descendants and their flows (<see cref="Journey.RemoveActivity"/>).</summary>
internal sealed record RemoveActivityCommand(Actor Actor, ActivityId Activity, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Activity)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.RemoveActivity(Actor, Activity, Reason);
}

/// <summary>
/// Changes a widget's title and the fields of its kind (<see cref="Journey.ChangeWidget"/>): the change is a function of
/// the widget as the journey holds it, so fields the request leaves out keep their values.
/// </summary>
internal sealed record ChangeWidgetCommand(Actor Actor, WidgetId Widget, Func<Widget, Widget> Change, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Widget)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        var current = journey.FindWidget(Widget, out _)
            ?? throw new JourneyRuleException(JourneyRules.UnknownWidget, $"Journey '{journey.Name}' has no such widget; it may have been removed.", Widget);
        journey.ChangeWidget(Actor, Change(current), Reason);
    }
}

/// <summary>Moves a widget to a position in its activity's Detail view (<see cref="Journey.MoveWidget"/>).</summary>
internal sealed record MoveWidgetCommand(Actor Actor, WidgetId Widget, int Position, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    /// <remarks>A position means something only in the list the client saw: any change to that list conflicts.</remarks>
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) =>
        seen.FindWidget(Widget, out var activity) is not null ? [CommandSubject.Of(Widget), CommandSubject.Of(activity!.Id)]
        : seen.FindKpi(Widget, out var phase) is not null ? [CommandSubject.Of(Widget), phase is { } p ? CommandSubject.Of(p) : CommandSubject.Journey]
        : [CommandSubject.Of(Widget)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.MoveWidget(Actor, Widget, Position, Reason);
}

/// <summary>Removes a widget (<see cref="Journey.RemoveWidget"/>).</summary>
internal sealed record RemoveWidgetCommand(Actor Actor, WidgetId Widget, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Widget)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.RemoveWidget(Actor, Widget, Reason);
}

/// <summary>Adds a flow between two activities (<see cref="Journey.AddFlow"/>).</summary>
internal sealed record AddFlowCommand(Actor Actor, FlowId Id, ActivityId From, ActivityId To, string? Label, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override string? CreatedId => Id.ToString();

    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(From), CommandSubject.Of(To)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.AddFlow(Actor, From, To, Label, Id, Reason);
}

/// <summary>Removes a flow (<see cref="Journey.RemoveFlow"/>).</summary>
internal sealed record RemoveFlowCommand(Actor Actor, FlowId Flow, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Flow)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.RemoveFlow(Actor, Flow, Reason);
}

/// <summary>
/// Changes a flow's label (<see cref="Journey.RelabelFlow"/>): one history entry, the flow's id and ends kept.
/// <paramref name="KeepLabel"/> (the request left the label out) changes nothing.
/// </summary>
internal sealed record RelabelFlowCommand(Actor Actor, FlowId Flow, string? Label, string? Reason, bool KeepLabel = false)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Flow)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        if (KeepLabel)
        {
            return;
        }

        journey.RelabelFlow(Actor, Flow, Label, Reason);
    }
}

/// <summary>Adds a phase at a position, or at the end (<see cref="Journey.AddPhase"/>).</summary>
internal sealed record AddPhaseCommand(Actor Actor, PhaseId Id, string Name, string? CustomerGoal, int? Position, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override string? CreatedId => Id.ToString();

    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => Position is null ? [] : [CommandSubject.PhaseOrder];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.AddPhase(Actor, Name, CustomerGoal, Position, Id, Reason);
}

/// <summary>
/// Changes a phase's name and customer goal (<see cref="Journey.ChangePhase"/>); <paramref name="KeepName"/> and
/// <paramref name="KeepGoal"/> keep the present value (the request left the member out).
/// </summary>
internal sealed record ChangePhaseCommand(Actor Actor, PhaseId Phase, string Name, string? CustomerGoal, string? Reason, bool KeepName = false, bool KeepGoal = false)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Phase)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        var current = journey.FindPhase(Phase);
        journey.ChangePhase(
            Actor,
            Phase,
            KeepName && current is not null ? current.Name : Name,
            KeepGoal && current is not null ? current.CustomerGoal : CustomerGoal,
            Reason);
    }
}

/// <summary>Moves a phase to a position (<see cref="Journey.MovePhase"/>).</summary>
internal sealed record MovePhaseCommand(Actor Actor, PhaseId Phase, int Position, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Phase), CommandSubject.PhaseOrder];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.MovePhase(Actor, Phase, Position, Reason);
}

/// <summary>Removes a phase that holds no activities (<see cref="Journey.RemovePhase"/>).</summary>
internal sealed record RemovePhaseCommand(Actor Actor, PhaseId Phase, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Phase)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.RemovePhase(Actor, Phase, Reason);
}

/// <summary>Adds a persona (<see cref="Journey.AddPersona"/>).</summary>
internal sealed record AddPersonaCommand(Actor Actor, PersonaId Id, string Name, string? Description, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override string? CreatedId => Id.ToString();

    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.AddPersona(Actor, Name, Description, Id, Reason);
}

/// <summary>
/// Changes a persona's name and description (<see cref="Journey.ChangePersona"/>); <paramref name="KeepName"/> and
/// <paramref name="KeepDescription"/> keep the present value (the request left the member out).
/// </summary>
internal sealed record ChangePersonaCommand(Actor Actor, PersonaId Persona, string Name, string? Description, string? Reason, bool KeepName = false, bool KeepDescription = false)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Persona)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey)
    {
        var current = journey.FindPersona(Persona);
        journey.ChangePersona(
            Actor,
            Persona,
            KeepName && current is not null ? current.Name : Name,
            KeepDescription && current is not null ? current.Description : Description,
            Reason);
    }
}

/// <summary>Removes a persona no emotion widget refers to (<see cref="Journey.RemovePersona"/>).</summary>
internal sealed record RemovePersonaCommand(Actor Actor, PersonaId Persona, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Persona)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.RemovePersona(Actor, Persona, Reason);
}
