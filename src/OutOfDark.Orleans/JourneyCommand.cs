using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans;

namespace OutOfDark.Orleans;

/// <summary>
/// A command for a journey grain (<see cref="IJourneyGrain.ExecuteAsync"/>): one of a closed set of serializable records,
/// each naming one command of <see cref="Journey"/>. The set is closed (the constructor is not public) because each record
/// is a wire contract between clients and silos of different versions: a new command is a new record in this package.
/// </summary>
/// <remarks>
/// <para>
/// Every command carries a <see cref="CommandId"/>, its idempotency key: the grain records it in the transaction that
/// saves the command's events, so a client that retries after a timeout or a silo crash (with the same id) gets the first
/// outcome back instead of a second application. Generate one id per intended change (<see cref="Guid.NewGuid"/>) and
/// keep it across retries.
/// </para>
/// <para>
/// Commands that add something carry the new object's id, chosen by the client, so that a retried command creates the
/// same object and the client knows the id without waiting for the answer.
/// </para>
/// </remarks>
[GenerateSerializer]
[Alias("outofdark.command")]
public abstract record JourneyCommand
{
    private static readonly JsonSerializerOptions HashJson = new();

    private protected JourneyCommand()
    {
    }

    /// <summary>The command's idempotency key: the same id is applied at most once per journey. Never <see cref="Guid.Empty"/>.</summary>
    [Id(0)]
    public required Guid CommandId { get; init; }

    /// <summary>Who gives the command (recorded in the events, see <see cref="OutOfDark.Actor"/>); not empty.</summary>
    [Id(1)]
    public required string Actor { get; init; }

    /// <summary>Why, if worth recording; <see langword="null"/> for none.</summary>
    [Id(2)]
    public string? Reason { get; init; }

    /// <summary>Runs the command on the journey (which exists, except for <see cref="CreateJourney"/>).</summary>
    internal abstract void Run(Journey journey, Actor actor);

    /// <summary>
    /// The SHA-256 hash (32 bytes) of everything in the command but its <see cref="CommandId"/>: the command's type and
    /// members as JSON. Kept with the id, so a retry is told apart from another command that reuses the id.
    /// </summary>
    internal byte[] PayloadHash()
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(this with { CommandId = Guid.Empty }, GetType(), HashJson);
        var type = Encoding.UTF8.GetBytes(GetType().FullName ?? GetType().Name);
        return SHA256.HashData([.. type, 0, .. payload]);
    }
}

/// <summary>Creates the journey of the grain (its first event). Refused when the journey exists.</summary>
[GenerateSerializer]
[Alias("outofdark.create-journey")]
public sealed record CreateJourney : JourneyCommand
{
    /// <summary>The journey's name; not empty.</summary>
    [Id(0)]
    public required string Name { get; init; }

    /// <summary>What the journey covers; <see langword="null"/> for none.</summary>
    [Id(1)]
    public string? Description { get; init; }

    /// <summary>Who owns the journey; <see langword="null"/> for nobody.</summary>
    [Id(2)]
    public string? Owner { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        throw new InvalidOperationException("A journey is created by the grain, not run on an existing journey.");
}

/// <summary>Renames the journey (<see cref="Journey.Rename"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.rename-journey")]
public sealed record RenameJourney : JourneyCommand
{
    /// <summary>The new name; not empty.</summary>
    [Id(0)]
    public required string Name { get; init; }

    internal override void Run(Journey journey, Actor actor) => journey.Rename(actor, Name, Reason);
}

/// <summary>Sets or clears the journey's owner (<see cref="Journey.SetOwner"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.set-journey-owner")]
public sealed record SetJourneyOwner : JourneyCommand
{
    /// <summary>The new owner; <see langword="null"/> for nobody.</summary>
    [Id(0)]
    public string? Owner { get; init; }

    internal override void Run(Journey journey, Actor actor) => journey.SetOwner(actor, Owner, Reason);
}

/// <summary>Adds a phase at the end (<see cref="Journey.AddPhase"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.add-phase")]
public sealed record AddPhase : JourneyCommand
{
    /// <summary>The new phase's id, chosen by the client; refused when taken.</summary>
    [Id(0)]
    public required Guid PhaseId { get; init; }

    /// <summary>The phase's name; not empty.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The customer's goal in the phase; <see langword="null"/> for none.</summary>
    [Id(2)]
    public string? CustomerGoal { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.AddPhase(actor, Name, CustomerGoal, id: new PhaseId(PhaseId), reason: Reason);
}

/// <summary>Adds a touchpoint activity to a phase (<see cref="Journey.AddActivity"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.add-activity")]
public sealed record AddActivity : JourneyCommand
{
    /// <summary>The new activity's id, chosen by the client; refused when taken.</summary>
    [Id(0)]
    public required Guid ActivityId { get; init; }

    /// <summary>The phase it belongs to; must exist.</summary>
    [Id(1)]
    public required Guid PhaseId { get; init; }

    /// <summary>The activity's name; not empty.</summary>
    [Id(2)]
    public required string Name { get; init; }

    /// <summary>Who owns it; <see langword="null"/> for nobody.</summary>
    [Id(3)]
    public string? Owner { get; init; }

    /// <summary>Its parent in the activity map; <see langword="null"/> for the top level.</summary>
    [Id(4)]
    public Guid? ParentId { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.AddActivity(
            actor,
            new PhaseId(PhaseId),
            Name,
            ActivityKind.Touchpoint,
            ActivityDetails.Empty with { Owner = Owner },
            ParentId is { } parent ? new ActivityId(parent) : null,
            new ActivityId(ActivityId),
            Reason);
}

/// <summary>Renames an activity (<see cref="Journey.RenameActivity"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.rename-activity")]
public sealed record RenameActivity : JourneyCommand
{
    /// <summary>The activity; must exist.</summary>
    [Id(0)]
    public required Guid ActivityId { get; init; }

    /// <summary>The new name; not empty.</summary>
    [Id(1)]
    public required string Name { get; init; }

    internal override void Run(Journey journey, Actor actor) => journey.RenameActivity(actor, new ActivityId(ActivityId), Name, Reason);
}

/// <summary>Sets or clears an activity's owner (<see cref="Journey.ChangeActivityDetails"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.set-activity-owner")]
public sealed record SetActivityOwner : JourneyCommand
{
    /// <summary>The activity; must exist.</summary>
    [Id(0)]
    public required Guid ActivityId { get; init; }

    /// <summary>The new owner; <see langword="null"/> for nobody.</summary>
    [Id(1)]
    public string? Owner { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.ChangeActivityDetails(actor, new ActivityId(ActivityId), d => d with { Owner = Owner }, Reason);
}

/// <summary>Removes an activity with its children, widgets and flows (<see cref="Journey.RemoveActivity"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.remove-activity")]
public sealed record RemoveActivity : JourneyCommand
{
    /// <summary>The activity; must exist.</summary>
    [Id(0)]
    public required Guid ActivityId { get; init; }

    internal override void Run(Journey journey, Actor actor) => journey.RemoveActivity(actor, new ActivityId(ActivityId), Reason);
}

/// <summary>Adds a flow between two activities (<see cref="Journey.AddFlow"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.add-flow")]
public sealed record AddFlow : JourneyCommand
{
    /// <summary>The new flow's id, chosen by the client; refused when taken.</summary>
    [Id(0)]
    public required Guid FlowId { get; init; }

    /// <summary>The activity customers come from; must exist.</summary>
    [Id(1)]
    public required Guid From { get; init; }

    /// <summary>The activity customers go to; must exist.</summary>
    [Id(2)]
    public required Guid To { get; init; }

    /// <summary>A label; <see langword="null"/> for none.</summary>
    [Id(3)]
    public string? Label { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.AddFlow(actor, new ActivityId(From), new ActivityId(To), Label, new FlowId(FlowId), Reason);
}

/// <summary>Adds a metric widget (a KPI) to an activity (<see cref="Journey.AddWidget"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.add-metric")]
public sealed record AddMetric : JourneyCommand
{
    /// <summary>The new metric's widget id, chosen by the client; refused when taken.</summary>
    [Id(0)]
    public required Guid MetricId { get; init; }

    /// <summary>The activity; must exist.</summary>
    [Id(1)]
    public required Guid ActivityId { get; init; }

    /// <summary>The metric's title; not empty.</summary>
    [Id(2)]
    public required string Title { get; init; }

    /// <summary>The unit shown with values ("%", "EUR"…); empty for none.</summary>
    [Id(3)]
    public string Unit { get; init; } = "";

    /// <summary><see langword="true"/> when a lower value is better (for example a churn rate); otherwise higher is better.</summary>
    [Id(4)]
    public bool LowerIsBetter { get; init; }

    /// <summary>The target; <see langword="null"/> for none.</summary>
    [Id(5)]
    public decimal? Target { get; init; }

    /// <summary>The warning threshold; <see langword="null"/> for none. Must be consistent with the direction.</summary>
    [Id(6)]
    public decimal? WarningThreshold { get; init; }

    /// <summary>The critical threshold; <see langword="null"/> for none. Must be consistent with the direction.</summary>
    [Id(7)]
    public decimal? CriticalThreshold { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.AddWidget(
            actor,
            new ActivityId(ActivityId),
            new MetricWidget(new WidgetId(MetricId), Title)
            {
                Unit = Unit,
                Direction = LowerIsBetter ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter,
                Target = Target,
                WarningThreshold = WarningThreshold,
                CriticalThreshold = CriticalThreshold,
            },
            Reason);
}

/// <summary>Records a metric's observation for a date (<see cref="Journey.RecordObservation(Actor, WidgetId, NodaTime.LocalDate, decimal, string?)"/>); one per metric and date.</summary>
[GenerateSerializer]
[Alias("outofdark.record-observation")]
public sealed record RecordObservation : JourneyCommand
{
    /// <summary>The metric; must exist.</summary>
    [Id(0)]
    public required Guid MetricId { get; init; }

    /// <summary>The date the value is for (a calendar date, no time zone).</summary>
    [Id(1)]
    public required DateOnly Date { get; init; }

    /// <summary>The value, in the metric's unit.</summary>
    [Id(2)]
    public required decimal Value { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.RecordObservation(actor, new WidgetId(MetricId), NodaTime.LocalDate.FromDateOnly(Date), Value, Reason);
}

/// <summary>Corrects a metric's recorded observation (<see cref="Journey.CorrectObservation(Actor, WidgetId, NodaTime.LocalDate, decimal, string?)"/>).</summary>
[GenerateSerializer]
[Alias("outofdark.correct-observation")]
public sealed record CorrectObservation : JourneyCommand
{
    /// <summary>The metric; must exist.</summary>
    [Id(0)]
    public required Guid MetricId { get; init; }

    /// <summary>The date of the observation; must be recorded.</summary>
    [Id(1)]
    public required DateOnly Date { get; init; }

    /// <summary>The corrected value, in the metric's unit.</summary>
    [Id(2)]
    public required decimal Value { get; init; }

    internal override void Run(Journey journey, Actor actor) =>
        journey.CorrectObservation(actor, new WidgetId(MetricId), NodaTime.LocalDate.FromDateOnly(Date), Value, Reason);
}

/// <summary>How a person handles a warning: acknowledge, snooze, resolve or reopen it (<see cref="Journey.AcknowledgeWarning"/> and the others).</summary>
[GenerateSerializer]
[Alias("outofdark.handle-warning")]
public sealed record HandleWarning : JourneyCommand
{
    /// <summary>The warning's rule id (<see cref="WarningItem.Rule"/>).</summary>
    [Id(0)]
    public required string Rule { get; init; }

    /// <summary>The kind of its subject (<see cref="WarningItem.SubjectKind"/>): "Journey", "Phase", "Activity" or "Metric".</summary>
    [Id(1)]
    public required string SubjectKind { get; init; }

    /// <summary>The subject's id (<see cref="WarningItem.SubjectId"/>).</summary>
    [Id(2)]
    public required Guid SubjectId { get; init; }

    /// <summary>What to do: "Acknowledge", "Snooze" (needs <see cref="SnoozeUntil"/>), "Resolve" or "Reopen".</summary>
    [Id(3)]
    public required string Action { get; init; }

    /// <summary>Until when a snooze lasts; only for "Snooze".</summary>
    [Id(4)]
    public DateTimeOffset? SnoozeUntil { get; init; }

    /// <summary>
    /// The segment of a per-segment metric warning (<see cref="WarningItem.Segment"/>), or <see langword="null"/> (or
    /// empty) for any other warning, including one about the metric's own series. Left out of the payload hash when
    /// <see langword="null"/>, so a command without it hashes as before the member existed.
    /// </summary>
    [Id(5)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public System.Collections.Immutable.ImmutableSortedDictionary<string, string>? Segment { get; init; }

    internal override void Run(Journey journey, Actor actor)
    {
        if (!Enum.TryParse<OutOfDark.Warnings.SubjectKind>(SubjectKind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            throw new ArgumentException($"HandleWarning.SubjectKind '{SubjectKind}' is not a subject kind: use Journey, Phase, Activity or Metric.");
        }

        var subject = new OutOfDark.Warnings.WarningSubject(kind, SubjectId);
        if (Segment is { Count: > 0 } dimensions)
        {
            if (kind != OutOfDark.Warnings.SubjectKind.Metric)
            {
                throw new ArgumentException($"HandleWarning.Segment is set, but only a metric's warning has a segment; the subject is a {SubjectKind}. Leave Segment null.");
            }

            subject = OutOfDark.Warnings.WarningSubject.For(new WidgetId(SubjectId), OutOfDark.Segment.From(dimensions));
        }

        var key = new OutOfDark.Warnings.WarningKey(new OutOfDark.Warnings.RuleId(Rule), subject);
        switch (Action)
        {
            case "Acknowledge":
                journey.AcknowledgeWarning(actor, key, Reason);
                break;
            case "Resolve":
                journey.ResolveWarning(actor, key, Reason);
                break;
            case "Reopen":
                journey.ReopenWarning(actor, key, Reason);
                break;
            case "Snooze" when SnoozeUntil is { } until:
                journey.SnoozeWarning(actor, key, NodaTime.Instant.FromDateTimeOffset(until), Reason);
                break;
            case "Snooze":
                throw new ArgumentException("HandleWarning.SnoozeUntil is missing: a snooze needs the instant it ends.");
            default:
                throw new ArgumentException($"HandleWarning.Action '{Action}' is not an action: use Acknowledge, Snooze, Resolve or Reopen.");
        }
    }
}

/// <summary>
/// Applies the events commands raised on a client's copy of the journey: the one command for every change the closed set
/// has no record for. The client reads the journey (<see cref="IJourneyGrain.GetJourneyAsync"/>), runs the domain's
/// commands on its copy (<see cref="Journey"/>'s methods), and sends the copy's <see cref="Journey.PendingEvents"/>
/// with the version it read. The grain applies them only when the journey is still at that version, checking each
/// event with the domain's rules (<see cref="Journey.ApplyChanges"/>), so a client can never store a journey the
/// domain would refuse.
/// </summary>
/// <remarks>
/// Refusals: a journey no longer at <see cref="BaseVersion"/> is a <see cref="JourneyConcurrencyException"/> (nothing
/// saved; read again, run the change again, send it with a new <see cref="JourneyCommand.CommandId"/>); an event that
/// breaks a journey rule is a <see cref="JourneyRuleException"/> (nothing saved); an event that is not valid JSON of the
/// format, or whose actor is not <see cref="JourneyCommand.Actor"/>, is an <see cref="ArgumentException"/>. The grain
/// stamps the events with its own clock's instant when it applies them. A retry with the same command id returns the
/// first result, even after the journey moved on.
/// </remarks>
[GenerateSerializer]
[Alias("outofdark.apply-changes")]
public sealed record ApplyChanges : JourneyCommand
{
    /// <summary>The journey's version the events were raised at (the version of the document the client read); at least 1.</summary>
    [Id(0)]
    public required long BaseVersion { get; init; }

    /// <summary>
    /// The events, oldest first, each one UTF-8 JSON document of the journey event format
    /// (<see cref="OutOfDark.Json.JourneyJsonSerializer.SerializeEvent"/>, the form events take in an event stream);
    /// each with the journey's id and <see cref="JourneyCommand.Actor"/> as its actor. Empty changes nothing.
    /// </summary>
    [Id(1)]
    public required IReadOnlyList<byte[]> Events { get; init; }

    /// <summary>Builds the command from the events a journey copy raised (its <see cref="Journey.PendingEvents"/>).</summary>
    /// <param name="commandId">The command's id; keep it across retries of this very command.</param>
    /// <param name="actor">Who made the change; every event must name this actor.</param>
    /// <param name="baseVersion">The version the copy had before the events (<see cref="Journey.CommittedVersion"/> of a copy read from the grain).</param>
    /// <param name="events">The events, oldest first.</param>
    /// <param name="json">The serializer; <see cref="OutOfDark.Json.JourneyJsonSerializer.Default"/> when <see langword="null"/>.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">An event is of a type the format does not know.</exception>
    public static ApplyChanges From(Guid commandId, string actor, long baseVersion, IReadOnlyList<OutOfDark.Events.JourneyEvent> events, OutOfDark.Json.JourneyJsonSerializer? json = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(events);
        var serializer = json ?? OutOfDark.Json.JourneyJsonSerializer.Default;
        var documents = new byte[events.Count][];
        for (var i = 0; i < documents.Length; i++)
        {
            documents[i] = serializer.SerializeEvent(events[i]);
        }

        return new ApplyChanges { CommandId = commandId, Actor = actor, BaseVersion = baseVersion, Events = documents };
    }

    internal override void Run(Journey journey, Actor actor) =>
        throw new InvalidOperationException("Changes are applied by the grain, which reads their events with its serializer and clock.");

    /// <summary>Reads the events and stamps them with the instant they are applied.</summary>
    /// <exception cref="ArgumentException">The events are missing, one is not a valid event, or one names another actor.</exception>
    internal OutOfDark.Events.JourneyEvent[] ReadEvents(OutOfDark.Json.JourneyJsonSerializer json, NodaTime.Instant now)
    {
        if (Events is null)
        {
            throw new ArgumentException("ApplyChanges.Events is missing: send the events the change raised (an empty list for none).");
        }

        var events = new OutOfDark.Events.JourneyEvent[Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            OutOfDark.Events.JourneyEvent e;
            try
            {
                e = json.DeserializeEvent(Events[i] ?? throw new ArgumentException($"ApplyChanges.Events[{i}] is null: send each event's JSON document."));
            }
            catch (OutOfDark.Json.JourneyFormatException ex)
            {
                // The format error's text is carried in the message, not as the inner exception: the refusal travels to
                // the client, and Orleans has no codec for the JSON package's exception.
                throw new ArgumentException($"ApplyChanges.Events[{i}] is not an event of the journey JSON format: {ex.Message} Serialize each event with JourneyJsonSerializer.SerializeEvent (or build the command with ApplyChanges.From).");
            }

            if (!string.Equals(e.Actor, Actor, StringComparison.Ordinal))
            {
                throw new ArgumentException($"ApplyChanges.Events[{i}] ({e.GetType().Name}) was made by '{e.Actor}', but the command's actor is '{Actor}': a command carries only its own actor's changes. Run the change with new Actor(\"{Actor}\") or send it as that actor.");
            }

            events[i] = e with { OccurredAt = now };
        }

        return events;
    }
}
