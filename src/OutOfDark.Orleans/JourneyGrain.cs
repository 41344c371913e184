using System;
using System.Security.Cryptography;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Orleans;
using Orleans.Runtime;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Json;
using OutOfDark.Warnings;

namespace OutOfDark.Orleans;

/// <summary>
/// The journey grain (<see cref="IJourneyGrain"/>): holds the journey and its warning engine while active, loaded from the
/// store on activation; every command is run, saved with <see cref="JourneyWarnings.CommitAsync"/> (events, warning
/// changes and the command id in one transaction, then the workspace read model), and the state kept. Any failure drops
/// the live state, which is loaded again from the store before the next call, so nothing unsaved is ever served.
/// </summary>
internal sealed partial class JourneyGrain : Grain, IJourneyGrain, IRemindable
{
    internal const string ReminderName = "outofdark.due-recheck";

    private static readonly Duration MaxReminderWait = Duration.FromDays(30);

    private readonly IJourneyCommitStore _store;
    private readonly JourneyWarnings _warnings;
    private readonly PostgreSqlCommandLedger? _ledger;
    private readonly JourneyJsonSerializer _json;
    private readonly IClock _clock;
    private readonly OutOfDarkGrainOptions _options;
    private readonly ILogger<JourneyGrain> _logger;
    private readonly IWorkspaceWarnings? _workspaceWarnings;
    private WorkspaceId _workspaceId;
    private JourneyId _journeyId;
    private bool _loaded;
    private Journey? _journey;
    private WarningEngine? _engine;
    private Dictionary<Guid, AppliedCommand> _applied = [];
    private Instant? _reminderDue;

    public JourneyGrain(IServiceProvider services, JourneyWarnings warnings, IClock clock, IOptions<OutOfDarkGrainOptions> options, ILogger<JourneyGrain> logger)
    {
        _store = services.GetRequiredService<IJourneyStore>() as IJourneyCommitStore
            ?? throw new InvalidOperationException("The journey grain needs a store that commits events and warning changes together (IJourneyCommitStore: the PostgreSQL, SQLite or in-memory store).");
        _warnings = warnings;
        _ledger = services.GetService<PostgreSqlCommandLedger>();
        _json = services.GetService<JourneyJsonSerializer>() ?? JourneyJsonSerializer.Default;
        _workspaceWarnings = services.GetService<IWorkspaceWarnings>();
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_workspaceId, _journeyId) = JourneyGrainKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<JourneyCommandResult> ExecuteAsync(JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.CommandId == Guid.Empty)
        {
            throw new ArgumentException("JourneyCommand.CommandId is empty: give every command a new id (Guid.NewGuid()) and keep it when retrying.", nameof(command));
        }

        var actor = new Actor(command.Actor ?? throw new ArgumentException("JourneyCommand.Actor is missing: name who gives the command.", nameof(command)));
        var payloadHash = command.PayloadHash();
        for (var attempt = 0; ; attempt++)
        {
            await EnsureLoadedAsync().ConfigureAwait(true);
            if (_applied.TryGetValue(command.CommandId, out var saved))
            {
                if (saved.PayloadHash is { } first && !CryptographicOperations.FixedTimeEquals(first, payloadHash))
                {
                    throw new JourneyCommandIdReusedException(command.CommandId, _journeyId);
                }

                return new JourneyCommandResult { Version = saved.Version, Repeated = true };
            }

            if (command is ApplyChanges changes)
            {
                // Checked after the ledger (a retry is answered even when the journey moved on since), outside the
                // retry below (a stale base version stays stale however often the journey is loaded).
                var journey = _journey ?? throw new JourneyNotFoundException(_workspaceId, _journeyId);
                if (changes.BaseVersion != journey.Version)
                {
                    throw new JourneyConcurrencyException(_journeyId, changes.BaseVersion, journey.Version);
                }
            }

            try
            {
                var before = _journey?.Version ?? 0;
                var version = await RunAndCommitAsync(command, actor, payloadHash).ConfigureAwait(true);
                if (version > before)
                {
                    // Saved with events, so the ledger has it too; a command that changed nothing saved no row.
                    _applied[command.CommandId] = new AppliedCommand(version, payloadHash);
                }

                await ScheduleRecheckAsync().ConfigureAwait(true);
                return new JourneyCommandResult { Version = version, Repeated = false };
            }
            catch (JourneyConcurrencyException) when (attempt + 1 < Math.Max(1, _options.ConcurrencyRetries))
            {
                // Another activation or host saved first: what it saved (perhaps this very command) is loaded next turn.
                Drop();
            }
            catch
            {
                Drop();
                throw;
            }
        }
    }

    public async Task<JourneyDocument> GetJourneyAsync()
    {
        var journey = await ExistingAsync().ConfigureAwait(true);
        return Document(journey);
    }

    public async Task<IReadOnlyList<WarningItem>> GetWarningsAsync(bool includeResolved)
    {
        await ExistingAsync().ConfigureAwait(true);
        var items = _engine!.View(includeResolved ? WarningQuery.All : WarningQuery.NeedsAttention);
        var rows = new WarningItem[items.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = WarningItem.From(items[i]);
        }

        return rows;
    }

    public async Task<byte[]> GetHistoryAsync(long fromVersion, long? toVersion)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromVersion);
        if (toVersion is { } to && to < fromVersion)
        {
            throw new ArgumentOutOfRangeException(nameof(toVersion), toVersion, $"The history ends before it starts: toVersion {to} is below fromVersion {fromVersion}.");
        }

        await ExistingAsync().ConfigureAwait(true);
        var events = await _store.ReadEventsAsync(_workspaceId, _journeyId, fromVersion, toVersion).ConfigureAwait(true);
        return _json.SerializeEventStream(events);
    }

    public async Task<JourneyDocument> GetAsOfVersionAsync(long version)
    {
        var journey = await ExistingAsync().ConfigureAwait(true);
        if (version < 1 || version > journey.Version)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, $"Journey {_journeyId} has versions 1 to {journey.Version}.");
        }

        return Document(await _store.LoadAsOfVersionAsync(_workspaceId, _journeyId, version).ConfigureAwait(true));
    }

    public async Task<JourneyDocument> GetAsOfInstantAsync(DateTimeOffset instant)
    {
        await ExistingAsync().ConfigureAwait(true);
        return Document(await _store.LoadAsOfInstantAsync(_workspaceId, _journeyId, Instant.FromDateTimeOffset(instant)).ConfigureAwait(true));
    }

    public async Task<long> RecheckAsync()
    {
        var journey = await ExistingAsync().ConfigureAwait(true);
        try
        {
            var version = await _warnings.CommitAsync(_store, journey, _engine!).ConfigureAwait(true);
            await ScheduleRecheckAsync().ConfigureAwait(true);
            return version;
        }
        catch
        {
            Drop();
            throw;
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        await EnsureLoadedAsync().ConfigureAwait(true);
        if (_journey is null)
        {
            // The journey was deleted: nothing is due any more.
            await RemoveReminderAsync().ConfigureAwait(true);
            return;
        }

        LogReminder(_logger, _workspaceId, _journeyId, status.CurrentTickTime);

        // The tick used up the registration (or was a hop towards a far due instant): register the next one afresh.
        _reminderDue = null;
        await RecheckAsync().ConfigureAwait(true);
    }

    private async Task<long> RunAndCommitAsync(JourneyCommand command, Actor actor, byte[] payloadHash)
    {
        if (command is CreateJourney create)
        {
            if (_journey is not null)
            {
                throw new JourneyRuleException(JourneyRules.DuplicateId, $"Journey {_journeyId} already exists in workspace {_workspaceId}; CreateJourney starts a new journey only. Nothing was saved.", _journeyId);
            }

            _journey = Journey.Create(actor, _workspaceId, create.Name, _clock, _journeyId, create.Description, create.Owner, reason: create.Reason);
            _engine = _warnings.CreateEngine(_journey);
        }
        else if (command is ApplyChanges changes)
        {
            var journey = _journey ?? throw new JourneyNotFoundException(_workspaceId, _journeyId);

            // Validated as on replay, all or nothing: a refused event leaves the journey as loaded (and the catch of
            // the caller drops it anyway).
            journey.ApplyChanges(changes.ReadEvents(_json, _clock.GetCurrentInstant()));
        }
        else
        {
            var journey = _journey ?? throw new JourneyNotFoundException(_workspaceId, _journeyId);
            command.Run(journey, actor);
        }

        using (PostgreSqlCommandLedger.Saving(command.CommandId, payloadHash))
        {
            return await _warnings.CommitAsync(_store, _journey, _engine!).ConfigureAwait(true);
        }
    }

    private async Task<Journey> ExistingAsync()
    {
        await EnsureLoadedAsync().ConfigureAwait(true);
        return _journey ?? throw new JourneyNotFoundException(_workspaceId, _journeyId);
    }

    private async Task EnsureLoadedAsync()
    {
        if (_loaded)
        {
            return;
        }

        // The journey first, then the ledger: a command's ledger row is committed in the transaction of its events, so
        // every command whose events the loaded journey holds is in a ledger read that starts after the load. Read the
        // other way round, a command saved in between (by an activation on a dying silo, finishing its save while this
        // one activates) would be in the journey but not in the ledger, and its retry would run it again and be refused
        // ("Activity id … is already used"). A command saved after the load is in the ledger with a later version: its
        // retry is answered as repeated, and any other command's commit fails on the version and reloads both.
        Journey? journey;
        try
        {
            journey = await _store.LoadAsync(_workspaceId, _journeyId).ConfigureAwait(true);
        }
        catch (JourneyNotFoundException)
        {
            journey = null;
        }

        _applied = _ledger is null ? [] : await _ledger.ReadAppliedAsync(_workspaceId, _journeyId).ConfigureAwait(true);
        _journey = journey;
        if (_journey is null)
        {
            _engine = null;
            _loaded = true;
            return;
        }

        // The baseline is the journey's warnings as of its last save, not as of now: a time-based warning that fell due
        // while no grain held the journey (the silo died, the grain was idle) is then a change the next commit records
        // in the feed, instead of a warning that was silently "always there". The read model's row says when the last
        // save evaluated; without a row for this version the baseline is now (such changes then reach the read model
        // and the Warnings view, but not the feed).
        var clock = new PinnedClock(_clock);
        if (_workspaceWarnings is not null)
        {
            var health = await _workspaceWarnings.ListHealthAsync(_workspaceId).ConfigureAwait(true);
            if (health.FirstOrDefault(h => h.JourneyId == _journeyId) is { } row && row.Version == _journey.Version && row.EvaluatedAt <= _clock.GetCurrentInstant())
            {
                clock.PinnedAt = row.EvaluatedAt;
            }
        }

        _engine = _warnings.CreateEvaluatedEngine(_journey, CancellationToken.None, clock);
        clock.PinnedAt = null;
        _loaded = true;
        if (_engine.NextDue is { } due && due <= _clock.GetCurrentInstant())
        {
            // Something fell due while the journey had no grain: re-check and save now.
            try
            {
                await _warnings.CommitAsync(_store, _journey, _engine).ConfigureAwait(true);
            }
            catch
            {
                Drop();
                throw;
            }
        }

        await ScheduleRecheckAsync().ConfigureAwait(true);
    }

    /// <summary>The host's clock, or a fixed instant while <see cref="PinnedAt"/> is set.</summary>
    private sealed class PinnedClock(IClock clock) : IClock
    {
        public Instant? PinnedAt { get; set; }

        public Instant GetCurrentInstant() => PinnedAt ?? clock.GetCurrentInstant();
    }

    private void Drop()
    {
        _loaded = false;
        _journey = null;
        _engine = null;
    }

    private async Task ScheduleRecheckAsync()
    {
        var due = _engine?.NextDue;
        if (due == _reminderDue)
        {
            return;
        }

        if (due is not { } at)
        {
            await RemoveReminderAsync().ConfigureAwait(true);
            return;
        }

        // Orleans refuses reminder due times beyond about 49 days: a farther due instant is reached in hops of at most
        // MaxReminderWait, each tick re-checking (nothing due yet) and moving the reminder on.
        var wait = at - _clock.GetCurrentInstant();
        var dueTime = wait <= Duration.Zero ? TimeSpan.Zero : wait > MaxReminderWait ? MaxReminderWait.ToTimeSpan() : wait.ToTimeSpan();
        await this.RegisterOrUpdateReminder(ReminderName, dueTime, _options.ReminderPeriod).ConfigureAwait(true);
        _reminderDue = at;
    }

    private async Task RemoveReminderAsync()
    {
        var reminder = await this.GetReminder(ReminderName).ConfigureAwait(true);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder).ConfigureAwait(true);
        }

        _reminderDue = null;
    }

    private JourneyDocument Document(Journey journey) => new() { Version = journey.Version, Json = _json.SerializeDocument(journey.ToSnapshot()) };

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Due-recheck reminder of journey {JourneyId} (workspace {WorkspaceId}) fired for {Tick}")]
    private static partial void LogReminder(ILogger logger, WorkspaceId workspaceId, JourneyId journeyId, DateTime tick);
}
