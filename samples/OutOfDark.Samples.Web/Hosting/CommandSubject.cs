using System;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>What sort of thing in a journey a command works on or an event changed.</summary>
internal enum CommandSubjectKind
{
    /// <summary>The journey's own facts: name, description, owner, state, parent, pairing, journey-wide rule settings.</summary>
    Journey,

    /// <summary>A phase.</summary>
    Phase,

    /// <summary>The order of the phases (changed by adding, moving or removing one).</summary>
    PhaseOrder,

    /// <summary>A persona.</summary>
    Persona,

    /// <summary>The order of the personas (changed by adding, moving or removing one).</summary>
    PersonaOrder,

    /// <summary>
    /// The order of one group of sibling activities — those with one parent (or none) in one phase — changed by an
    /// activity joining, leaving or moving within the group.
    /// </summary>
    SiblingOrder,

    /// <summary>An activity, with its place in the map and its list of widgets.</summary>
    Activity,

    /// <summary>A widget (on an activity) or a journey or phase KPI, with its observations.</summary>
    Widget,

    /// <summary>A flow between two activities.</summary>
    Flow,

    /// <summary>A warning's handling (acknowledged, snoozed, resolved, reopened).</summary>
    Warning,

    /// <summary>A service-blueprint lane.</summary>
    Lane,

    /// <summary>An opportunity.</summary>
    Opportunity,
}

/// <summary>
/// One thing in a journey a command works on or an event changed: two commands conflict only when an event since the
/// version the client saw changed one of the command's subjects (see <see cref="CommandConflicts"/>).
/// </summary>
/// <param name="Kind">What sort of thing it is.</param>
/// <param name="Key">Its id as text (a lane's name, a warning's key, empty for the journey); compared exactly.</param>
internal readonly record struct CommandSubject(CommandSubjectKind Kind, string Key)
{
    /// <summary>The journey's own facts.</summary>
    public static CommandSubject Journey { get; } = new(CommandSubjectKind.Journey, "");

    /// <summary>The order of the phases.</summary>
    public static CommandSubject PhaseOrder { get; } = new(CommandSubjectKind.PhaseOrder, "");

    /// <summary>The order of the personas.</summary>
    public static CommandSubject PersonaOrder { get; } = new(CommandSubjectKind.PersonaOrder, "");

    /// <summary>The order of the activities with one parent (or none) in one phase.</summary>
    public static CommandSubject SiblingsIn(PhaseId phase, ActivityId? parent) =>
        new(CommandSubjectKind.SiblingOrder, Text(phase.Value) + "/" + (parent is { } p ? Text(p.Value) : ""));

    /// <summary>A phase.</summary>
    public static CommandSubject Of(PhaseId id) => new(CommandSubjectKind.Phase, Text(id.Value));

    /// <summary>A persona.</summary>
    public static CommandSubject Of(PersonaId id) => new(CommandSubjectKind.Persona, Text(id.Value));

    /// <summary>An activity.</summary>
    public static CommandSubject Of(ActivityId id) => new(CommandSubjectKind.Activity, Text(id.Value));

    /// <summary>A widget or KPI.</summary>
    public static CommandSubject Of(WidgetId id) => new(CommandSubjectKind.Widget, Text(id.Value));

    /// <summary>A flow.</summary>
    public static CommandSubject Of(FlowId id) => new(CommandSubjectKind.Flow, Text(id.Value));

    /// <summary>A lane.</summary>
    public static CommandSubject Of(LaneId id) => new(CommandSubjectKind.Lane, id.Value);

    /// <summary>An opportunity.</summary>
    public static CommandSubject Of(OpportunityId id) => new(CommandSubjectKind.Opportunity, Text(id.Value));

    /// <summary>A warning's handling.</summary>
    public static CommandSubject Of(WarningKey key) => new(CommandSubjectKind.Warning, key.ToString());

    /// <summary>What a warning is about: the journey, a phase, an activity or a metric (a widget or KPI).</summary>
    public static CommandSubject Of(WarningSubject subject) => subject.Kind switch
    {
        SubjectKind.Phase => new(CommandSubjectKind.Phase, Text(subject.Id)),
        SubjectKind.Activity => new(CommandSubjectKind.Activity, Text(subject.Id)),
        SubjectKind.Metric => new(CommandSubjectKind.Widget, Text(subject.Id)),
        _ => Journey,
    };

    private static string Text(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
