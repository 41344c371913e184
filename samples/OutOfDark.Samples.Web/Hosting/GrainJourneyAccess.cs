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
/// The grain API is a closed set of commands (<see cref="OutOfDark.Orleans.JourneyCommand"/>): the web commands it has no
/// counterpart for (moving or changing an activity, adding a link or description widget, changing, moving or removing
/// a widget, an activity with a kind, team or channels, changing, moving or removing a phase or flow, personas)
/// are refused with <see cref="NotSupportedException"/>, which the API answers with 501. A command with an expected
/// version (If-Match) is checked against the grain's version just before it is sent (any difference is a 412: the
/// in-process hosting's <see cref="CommandConflicts"/> check is not applied here yet); the grain API takes no expected
/// version, so a change by someone else between the check and the command is not detected.
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

            if (admitted is HandleWarningsCommand several)
            {
                // The grain has no bulk command: one command per warning, the version checked before the first.
                var last = await ExecuteAsync(id, expectedVersion, several.Items[0], cancellationToken).ConfigureAwait(false);
                foreach (var item in several.Items.Skip(1))
                {
                    last = await ExecuteAsync(id, null, item, cancellationToken).ConfigureAwait(false);
                }

                return last;
            }

            command = admitted;
        }

        var message = ToGrainCommand(command);
        if (expectedVersion is { } expected)
        {
            var current = await grain.GetJourneyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            if (current.Version != expected)
            {
                // Not yet read through CommandConflicts here: reading the grain's history since the expected version
                // failed in the cluster sample's test (500), so this hosting still refuses any stale version.
                throw new JourneyConcurrencyException(id, expected, current.Version);
            }
        }

        // Not cancelled once sent: the command id makes a retry safe, but an abandoned call may still be applied.
        var result = await grain.ExecuteAsync(message).ConfigureAwait(false);
        return result.Version;
    }

    /// <summary>The grain command for a web command; one new command id per call.</summary>
    /// <exception cref="NotSupportedException">The grain API has no command for it.</exception>
    internal static OutOfDark.Orleans.JourneyCommand ToGrainCommand(JourneyCommand command)
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
            case AddActivityCommand:
                throw new NotSupportedException("Through the cluster an activity is added as a touchpoint with an owner only: the journey grain has no command for its kind, team or channels.");
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
            case AddWidgetCommand:
                throw new NotSupportedException("Through the cluster only a count metric widget can be added: the journey grain has no command for other widget kinds or metric kinds.");
            case RemoveActivityCommand remove:
                return new RemoveActivity { CommandId = commandId, Actor = actor, Reason = remove.Reason, ActivityId = remove.Activity.Value };
            case AddFlowCommand flow:
                return new AddFlow { CommandId = commandId, Actor = actor, Reason = flow.Reason, FlowId = flow.Id.Value, From = flow.From.Value, To = flow.To.Value, Label = flow.Label };
            case AddPhaseCommand { Position: null } phase:
                return new AddPhase { CommandId = commandId, Actor = actor, Reason = phase.Reason, PhaseId = phase.Id.Value, Name = phase.Name, CustomerGoal = phase.CustomerGoal };
            case MoveActivityCommand:
                throw new NotSupportedException("Through the cluster an activity cannot be moved: the journey grain has no command for it.");
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
                throw new NotSupportedException($"The journey grain has no command for {command.GetType().Name}.");
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
