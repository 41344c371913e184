using System.Collections.Generic;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>Moves an activity to a place among its siblings: same parent, same phase (<see cref="Journey.ReorderActivity"/>).</summary>
internal sealed record ReorderActivityCommand(Actor Actor, ActivityId Activity, int Position, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    /// <remarks>
    /// A place means something only among the siblings the client saw: any change to that group (an activity joining,
    /// leaving, moving within it, or removed with an ancestor) conflicts; an edit of the activity's name or details does not.
    /// </remarks>
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) =>
        seen.TryGetActivity(Activity, out var activity)
            ? [CommandSubject.SiblingsIn(activity.PhaseId, activity.ParentId)]
            : [CommandSubject.Of(Activity)];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.ReorderActivity(Actor, Activity, Position, Reason);
}

/// <summary>Moves a persona to a place in the journey's list of personas (<see cref="Journey.MovePersona"/>).</summary>
internal sealed record MovePersonaCommand(Actor Actor, PersonaId Persona, int Position, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    /// <remarks>A place means something only in the list the client saw; a change of the persona's name or description does not conflict.</remarks>
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.PersonaOrder];

    /// <inheritdoc />
    public override void ApplyTo(Journey journey) => journey.MovePersona(Actor, Persona, Position, Reason);
}
