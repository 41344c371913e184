using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Orleans;
using OutOfDark.Events;
using OutOfDark.Json;
using OutOfDark.Orleans;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// The journeys of this host reached through an Orleans cluster: every read and command goes to the journey's grain
/// (<see cref="IJourneyGrain"/>), which holds the journey and its warning engine in one silo of the cluster. This host
/// keeps no journey in memory and evaluates nothing; only the workspace's list of journeys comes from the shared store.
/// </summary>
/// <remarks>
/// <para>
/// Every web command reaches the grain. One the grain's closed set has a record for (<see cref="ToGrainCommand"/>) is
/// sent as that record when the request names no version. Any other command, and every command with an expected
/// version (If-Match), is run here on a copy of the journey read from the grain, exactly as the in-process hosting
/// runs it on its live journey (refusals come from the same domain rules, with the same fields), and the events it
/// raised are sent as <see cref="ApplyChanges"/> at the version read: the grain checks them with the domain's rules
/// again and applies them only if the journey is still at that version, so nothing is lost between the read and the save.
/// </para>
/// <para>
/// When someone saved in between, the command is read and run again (up to <see cref="Attempts"/> times). A command
/// sent against an older version (If-Match) gets the in-process hosting's decision: applied when no change since that
/// version touches what it works on (<see cref="CommandConflicts"/>), otherwise a <see cref="JourneyConflictException"/>
/// (412 naming the changes); a version the journey never had is a <see cref="JourneyConcurrencyException"/> (412). Several warnings
/// handled at once are one <see cref="ApplyChanges"/>: one commit, all or nothing.
/// </para>
/// </remarks>
internal sealed class GrainJourneyAccess(IClusterClient cluster, IJourneyStore store, IClock clock, WebOptions options) : IJourneyAccess
{
    private readonly JourneyJsonSerializer _json = JourneyJsonSerializer.Default;

    /// <inheritdoc />
    public WorkspaceId Workspace => options.Workspace;

    /// <inheritdoc />
    public Task<IReadOnlyList<JourneySummary>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(Workspace, cancellationToken);

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(JourneyId id, Func<JourneyReading, T> read, CancellationToken cancellationToken)
    {
        var grain = cluster.GetJourneyGrain(Workspace, id);
        var document = await grain.GetJourneyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        var warnings = await grain.GetWarningsAsync(includeResolved: true).WaitAsync(cancellationToken).ConfigureAwait(false);
        var journey = _json.DeserializeJourney(document.Json, clock);
        var items = new List<WarningViewItem>(warnings.Count);
        foreach (var item in warnings)
        {
            items.Add(ToViewItem(journey, item));
        }

        return read(new JourneyReading(journey, items));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(JourneyId id, CancellationToken cancellationToken)
    {
        var stream = await cluster.GetJourneyGrain(Workspace, id).GetHistoryAsync(0, null).WaitAsync(cancellationToken).ConfigureAwait(false);
        return _json.DeserializeEventStream(stream);
    }

    /// <inheritdoc />
    public async Task<long> ExecuteAsync(JourneyId id, long? expectedVersion, JourneyCommand command, CancellationToken cancellationToken)
    {
        var grain = cluster.GetJourneyGrain(Workspace, id);
        if (command is WarningCommand warning)
        {
            // Checked against the warnings the grain raises now, before sending: the grain's own command records any
            // key. (Not under the grain's turn: a warning that clears in between is still recorded.)
            var admitted = await ReadAsync(id, reading => warning.Admit(reading.Warnings), cancellationToken).ConfigureAwait(false);
            if (admitted is null)
            {
                return (await grain.GetJourneyAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Version;
            }

            command = admitted;
        }

        if (expectedVersion is null && ToGrainCommand(command) is { } message)
        {
            // Not cancelled once sent: the command id makes a retry safe, but an abandoned call may still be applied.
            var result = await grain.ExecuteAsync(message).ConfigureAwait(false);
            return result.Version;
        }

        return await ApplyOnCopyAsync(grain, id, expectedVersion, command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a web command on a copy of the journey read from its grain, as the in-process hosting runs it on its live
    /// journey, and sends the events it raised (<see cref="ApplyChanges"/>) to be applied at the version read. When
    /// someone saved in between, reads again and runs the command again (at most <see cref="Attempts"/> times), as long
    /// as <see cref="CommandConflicts"/> finds no change since <paramref name="expectedVersion"/> to what the command
    /// works on.
    /// </summary>
    /// <returns>The journey's version after the save (the version read, when the command raised nothing).</returns>
    /// <exception cref="JourneyConflictException">A change since <paramref name="expectedVersion"/> touches the command's subjects; nothing changed.</exception>
    /// <exception cref="JourneyConcurrencyException">The journey never had <paramref name="expectedVersion"/>, or others kept saving through every attempt; nothing changed.</exception>
    /// <exception cref="JourneyRuleException">The journey refused the command; nothing changed.</exception>
    private async Task<long> ApplyOnCopyAsync(IJourneyGrain grain, JourneyId id, long? expectedVersion, JourneyCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var document = await grain.GetJourneyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (expectedVersion is { } expected && expected != document.Version)
            {
                await RefuseConflictsAsync(grain, id, expected, document.Version, command, cancellationToken).ConfigureAwait(false);
            }

            var copy = _json.DeserializeJourney(document.Json, clock);
            command.ApplyTo(copy);
            if (copy.PendingEvents.Count == 0)
            {
                return document.Version;
            }

            var changes = ApplyChanges.From(Guid.NewGuid(), command.Actor.Name, document.Version, copy.PendingEvents, _json);
            try
            {
                // Not cancelled once sent: the command id makes a retry safe, but an abandoned call may still be applied.
                var result = await grain.ExecuteAsync(changes).ConfigureAwait(false);
                return result.Version;
            }
            catch (JourneyConcurrencyException) when (attempt < Attempts)
            {
                // Someone saved since the read: nothing of this attempt was applied. Read again; the check above
                // decides whether what they changed lets the client's command still apply.
            }
        }
    }

    /// <summary>How many times a command is run on a fresh copy when others save between the read and the send.</summary>
    internal const int Attempts = 4;

    // The in-process hosting's decision for a command sent against an older version: refused when a change since that
    // version touches what the command works on. The whole history is read (a stream read from a later version cannot
    // be deserialized alone: an event stream starts with the journey's creation).
    private async Task RefuseConflictsAsync(IJourneyGrain grain, JourneyId id, long expected, long current, JourneyCommand command, CancellationToken cancellationToken)
    {
        if (expected > current || expected < 1)
        {
            throw new JourneyConcurrencyException(id, expected, current);
        }

        var stream = await grain.GetHistoryAsync(0, current).WaitAsync(cancellationToken).ConfigureAwait(false);
        var history = _json.DeserializeEventStream(stream);
        var seen = Journey.Replay(history.Take((int)expected), clock);
        if (CommandConflicts.Find(seen, history.Skip((int)expected), command) is { Count: > 0 } conflicts)
        {
            throw new JourneyConflictException(id, expected, current, conflicts);
        }
    }

    /// <summary>
    /// The grain's own command for a web command (one new command id per call), or <see langword="null"/> when the
    /// closed set has none: such a command is run on a copy and sent as <see cref="ApplyChanges"/>.
    /// </summary>
    internal static OutOfDark.Orleans.JourneyCommand? ToGrainCommand(JourneyCommand command)
    {
        var commandId = Guid.NewGuid();
        var actor = command.Actor.Name;
        switch (command)
        {
            case AddActivityCommand add when add.Kind == ActivityKind.Touchpoint && add.Details.Team is null && add.Details.Channels.Count == 0:
                return new AddActivity
                {
                    CommandId = commandId,
                    Actor = actor,
                    Reason = add.Reason,
                    ActivityId = add.Id.Value,
                    PhaseId = add.Phase.Value,
                    Name = add.Name,
                    Owner = add.Details.Owner,
                    ParentId = add.Parent?.Value,
                };
            case AddWidgetCommand { Widget: MetricWidget metric } when metric.Kind == MetricKind.Count:
                return new AddMetric
                {
                    CommandId = commandId,
                    Actor = actor,
                    MetricId = metric.Id.Value,
                    ActivityId = ((AddWidgetCommand)command).Activity.Value,
                    Title = metric.Title,
                    Unit = metric.Unit,
                    LowerIsBetter = metric.Direction == MetricDirection.LowerIsBetter,
                    Target = metric.Target,
                    WarningThreshold = metric.WarningThreshold,
                    CriticalThreshold = metric.CriticalThreshold,
                };
            case RemoveActivityCommand remove:
                return new RemoveActivity { CommandId = commandId, Actor = actor, Reason = remove.Reason, ActivityId = remove.Activity.Value };
            case AddFlowCommand flow:
                return new AddFlow { CommandId = commandId, Actor = actor, Reason = flow.Reason, FlowId = flow.Id.Value, From = flow.From.Value, To = flow.To.Value, Label = flow.Label };
            case AddPhaseCommand { Position: null } phase:
                return new AddPhase { CommandId = commandId, Actor = actor, Reason = phase.Reason, PhaseId = phase.Id.Value, Name = phase.Name, CustomerGoal = phase.CustomerGoal };
            case RecordObservationCommand record:
                return new RecordObservation
                {
                    CommandId = commandId,
                    Actor = actor,
                    Reason = record.Reason,
                    MetricId = record.Metric.Value,
                    Date = record.Date.ToDateOnly(),
                    Value = record.Value,
                };
            case HandleWarningCommand handle:
                return new HandleWarning
                {
                    CommandId = commandId,
                    Actor = actor,
                    Reason = handle.Note,
                    Rule = handle.Key.Rule.Value,
                    SubjectKind = handle.Key.Subject.Kind.ToString(),
                    SubjectId = handle.Key.Subject.Id,
                    Action = handle.Action.ToString(),
                    SnoozeUntil = handle.Action == WarningAction.Snooze ? handle.Until.ToDateTimeOffset() : null,
                    Segment = handle.Key.Subject.Segment is { } segment ? segment.Dimensions.ToImmutableSortedDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal) : null,
                };
            default:
                return null;
        }
    }

    // A grain's warning row back as a view item; what the row does not carry (who handled it, the team, the activity a
    // metric belongs to) is read from the journey, the evidence is not carried and stays empty.
    private static WarningViewItem ToViewItem(Journey journey, WarningItem item)
    {
        var subject = new WarningSubject(Enum.Parse<SubjectKind>(item.SubjectKind), item.SubjectId);
        var key = new WarningKey(new RuleId(item.Rule), item.Segment is { Count: > 0 } dimensions ? WarningSubject.For(new WidgetId(item.SubjectId), Segment.From(dimensions)) : subject);
        var warning = new Warning(key, Enum.Parse<WarningSeverity>(item.Severity), item.Message) { RaisedAt = Instant.FromDateTimeOffset(item.RaisedAt) };
        var state = Enum.Parse<WarningState>(item.State);
        var status = state == WarningState.Open ? null : journey.FindWarningStatus(key);
        ActivityId? activity = null;
        string? metric = null;
        string? team = null;

        // A metric's row names the metric and its activity ("CSAT on Checkout (region DE)"); the view item keeps the
        // activity's name and the metric's title apart, as the in-process engine's do.
        var subjectName = item.SubjectName;
        switch (key.Subject.Kind)
        {
            case SubjectKind.Activity when journey.TryGetActivity(new ActivityId(key.Subject.Id), out var a):
                (activity, team) = (a.Id, a.Details.Team);
                break;
            case SubjectKind.Metric when journey.FindWidget(new WidgetId(key.Subject.Id), out var owner) is MetricWidget m:
                (activity, team, metric, subjectName) = (owner!.Id, owner.Details.Team, m.Title, owner.Name);
                break;
        }

        return new WarningViewItem(warning, state, status, subjectName, item.PhaseId is { } p ? new PhaseId(p) : null, item.Owner, team)
        {
            ActivityId = activity,
            Metric = metric,
        };
    }
}
