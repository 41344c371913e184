namespace OutOfDark;

/// <summary>The stable codes of the journey's rules, as found in <see cref="JourneyRuleException.Rule"/>.</summary>
public static class JourneyRules
{
    /// <summary>A generic rule code for failures that have no more specific one.</summary>
    public const string Invalid = "invalid";

    /// <summary>An id is already used by another element of the same kind in the journey.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>The event or snapshot names a different journey.</summary>
    public const string WrongJourney = "wrong-journey";

    /// <summary>The first event of a journey must create it, and only the first.</summary>
    public const string NotCreated = "not-created";

    /// <summary>A phase named by the command does not exist.</summary>
    public const string UnknownPhase = "unknown-phase";

    /// <summary>A persona named by the command does not exist.</summary>
    public const string UnknownPersona = "unknown-persona";

    /// <summary>An activity named by the command does not exist.</summary>
    public const string UnknownActivity = "unknown-activity";

    /// <summary>A flow named by the command does not exist.</summary>
    public const string UnknownFlow = "unknown-flow";

    /// <summary>A widget named by the command does not exist on the activity.</summary>
    public const string UnknownWidget = "unknown-widget";

    /// <summary>Moving an activity under itself or one of its descendants would make the map a cycle.</summary>
    public const string MapCycle = "map-cycle";

    /// <summary>
    /// A child activity lives in its parent's phase: adding or moving an activity under a parent of another phase is
    /// refused (moving an activity to another phase takes its descendants along).
    /// </summary>
    public const string ParentInOtherPhase = "parent-in-other-phase";

    /// <summary>
    /// A new or renamed phase or persona may not take the name of another phase or persona of the journey (compared
    /// ordinally, ignoring case): views and filters find them by name.
    /// </summary>
    public const string DuplicateName = "duplicate-name";

    /// <summary>A flow must join two different, existing activities, and only once.</summary>
    public const string InvalidFlow = "invalid-flow";

    /// <summary>A phase that still holds activities cannot be removed.</summary>
    public const string PhaseNotEmpty = "phase-not-empty";

    /// <summary>A persona still referenced by an emotion widget cannot be removed.</summary>
    public const string PersonaInUse = "persona-in-use";

    /// <summary>A position is outside the list it indexes.</summary>
    public const string InvalidPosition = "invalid-position";

    /// <summary>A metric already has an observation on that date, or has none to correct or remove.</summary>
    public const string ObservationDate = "observation-date";

    /// <summary>A widget is not of the kind the command needs (for example an observation for a link).</summary>
    public const string WrongWidgetKind = "wrong-widget-kind";

    /// <summary>A widget's content is invalid (thresholds against the direction, a value out of the kind's range, …).</summary>
    public const string InvalidWidget = "invalid-widget";

    /// <summary>Planned dates are in the wrong order.</summary>
    public const string InvalidSchedule = "invalid-schedule";

    /// <summary>A value is outside what the model accepts (empty name, too long text, undefined enum value, …).</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>Rule settings are out of their documented range, or name no existing target, or disagree with the journey's current settings.</summary>
    public const string InvalidSettings = "invalid-settings";

    /// <summary>A snooze must end after the instant it is given.</summary>
    public const string InvalidSnooze = "invalid-snooze";

    /// <summary>A journey would be its own ancestor in the portfolio: its own parent, or the parent of one of its ancestors.</summary>
    public const string JourneyCycle = "journey-cycle";
    /// <summary>A service-blueprint lane named by the command does not exist.</summary>
    public const string UnknownLane = "unknown-lane";

    /// <summary>A built-in service-blueprint lane cannot be changed or removed.</summary>
    public const string BuiltInLane = "built-in-lane";

    /// <summary>A lane that still holds activities cannot be removed.</summary>
    public const string LaneNotEmpty = "lane-not-empty";

    /// <summary>An opportunity named by the command does not exist.</summary>
    public const string UnknownOpportunity = "unknown-opportunity";

    /// <summary>An opportunity link is malformed, names something the journey does not hold, is already there, or is not there to remove.</summary>
    public const string InvalidLink = "invalid-link";
    /// <summary>
    /// A pairing of an as-is and a to-be journey is refused: pairing a journey with itself, matching without a pairing,
    /// matching a counterpart activity twice, or comparing journeys of different workspaces or journeys not paired.
    /// </summary>
    public const string InvalidPairing = "invalid-pairing";
}
