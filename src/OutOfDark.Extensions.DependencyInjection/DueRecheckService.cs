using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>
/// Re-checks the time-based warning rules of every stored journey when they fall due, with no request: a stale-data,
/// overdue or not-updated warning appears on its day, reaches the host's observers, and is written to the workspace
/// read model (<see cref="IWorkspaceWarnings"/>). Added by <see cref="OutOfDarkBuilder.AddDueRechecks"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each pass lists every workspace and its journeys. A journey seen for the first time is loaded and evaluated fully
/// (its present warnings are not reported to observers as raised: they were raised before); a journey whose version
/// moved catches up with the new events and evaluates incrementally; a journey whose earliest due instant
/// (<see cref="WarningEngine.NextDue"/>) has passed re-checks just the due subjects. A journey whose read-model health
/// line is missing or of another version, or whose evaluation raised or cleared a warning, gets its rows replaced; a
/// journey no longer stored has them removed. The service then sleeps until the earliest due instant of any journey,
/// at least <see cref="DueRecheckOptions.MinInterval"/> and at most <see cref="DueRecheckOptions.MaxInterval"/>.
/// </para>
/// <para>
/// With a store that keeps the durable warning feed (<see cref="IJourneyCommitStore"/>), what time alone changed is
/// committed to the feed like a command's changes, so subscribers hear of a stale-data warning on its day too.
/// </para>
/// <para>
/// Time comes from the injected <see cref="IClock"/>; the sleep is real time, computed from it. A journey whose recheck
/// fails (it cannot be loaded, its save is refused) is logged as an error with its ids and loaded afresh at the next
/// pass, while the other journeys are rechecked; someone saving the journey meanwhile is not an error (it is reloaded).
/// A pass that fails as a whole (the store unreachable) is logged as an error with the exception and retried after
/// <see cref="DueRecheckOptions.MaxInterval"/>;
/// cancellation stops the service. The service keeps one journey and engine per stored journey in memory, except
/// for the journeys a host keeps live itself.
/// </para>
/// <para>
/// A host that keeps journeys live with their own engines registers <see cref="ILiveJourneys"/>: each pass then asks it
/// first (<see cref="ILiveJourneys.RecheckHeldAsync"/>), and a journey the host holds is re-checked through the host's
/// engine — the service neither loads it nor keeps a copy (a copy it kept before is dropped). Journeys the host does
/// not hold are re-checked as above.
/// </para>
/// </remarks>
public sealed partial class DueRecheckService : BackgroundService
{
    private readonly IJourneyStore _store;
    private readonly IJourneyCommitStore? _commits;
    private readonly JourneyWarnings _warnings;
    private readonly IWorkspaceWarnings _readModel;
    private readonly IClock _clock;
    private readonly DueRecheckOptions _options;
    private readonly ILogger _logger;
    private readonly ILiveJourneys? _live;
    private readonly Dictionary<(WorkspaceId, JourneyId), Kept> _kept = [];
    private readonly SemaphoreSlim _pass = new(1, 1);

    /// <summary>Creates the service; hosts get it through <see cref="OutOfDarkBuilder.AddDueRechecks"/>.</summary>
    /// <param name="store">Where the journeys are.</param>
    /// <param name="warnings">Creates and evaluates the engines.</param>
    /// <param name="readModel">The workspace read model it keeps up to date.</param>
    /// <param name="clock">What "now" is.</param>
    /// <param name="options">How it paces itself.</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="commits">
    /// The store's commit path, when it keeps the durable warning feed: what time alone changed is then recorded in the
    /// feed as a commands' changes are (<see cref="JourneyWarnings.CommitAsync"/>); <see langword="null"/> to evaluate only.
    /// </param>
    /// <param name="live">
    /// The host's live journeys, when it keeps some with their own engines: those are re-checked through the host
    /// (<see cref="ILiveJourneys.RecheckHeldAsync"/>); <see langword="null"/> to keep a journey and engine here for every one.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="commits"/> and <paramref name="live"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DueRecheckService(IJourneyStore store, JourneyWarnings warnings, IWorkspaceWarnings readModel, IClock clock, DueRecheckOptions options, ILogger<DueRecheckService> logger, IJourneyCommitStore? commits = null, ILiveJourneys? live = null)
    {
        Guard.Against.Null(store);
        Guard.Against.Null(warnings);
        Guard.Against.Null(readModel);
        Guard.Against.Null(clock);
        Guard.Against.Null(options);
        Guard.Against.Null(logger);
        options.Validate();
        (_store, _warnings, _readModel, _clock, _options, _logger, _commits, _live) = (store, warnings, readModel, clock, options, logger, commits, live);
    }

    /// <summary>
    /// Runs one pass now: brings every stored journey's warnings and read-model rows up to date and re-checks what is due.
    /// The hosted loop calls it; a host may call it too (one pass runs at a time).
    /// </summary>
    /// <param name="cancellationToken">Stops the pass between journeys; what was written stays.</param>
    /// <returns>The earliest instant at which a journey falls due, or <see langword="null"/> when none does.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Instant?> RecheckAsync(CancellationToken cancellationToken = default)
    {
        await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PassAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            Duration wait;
            try
            {
                var next = await RecheckAsync(stoppingToken).ConfigureAwait(false);
                var now = _clock.GetCurrentInstant();
                wait = next is { } due ? Clamp(due - now) : _options.MaxInterval;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The service must outlive a store that is briefly unreachable; the error is reported, not hidden.
                LogPassFailed(_logger, e, _options.MaxInterval.ToTimeSpan());
                wait = _options.MaxInterval;
            }

            await Task.Delay(wait.ToTimeSpan(), stoppingToken).ConfigureAwait(false);
        }
    }

    private Duration Clamp(Duration wait) =>
        wait < _options.MinInterval ? _options.MinInterval : wait > _options.MaxInterval ? _options.MaxInterval : wait;

    private async Task<Instant?> PassAsync(CancellationToken cancellationToken)
    {
        Instant? earliest = null;
        var now = _clock.GetCurrentInstant();
        var seen = new HashSet<(WorkspaceId, JourneyId)>();
        foreach (var workspace in await _store.ListWorkspacesAsync(cancellationToken).ConfigureAwait(false))
        {
            var journeys = await _store.ListAsync(workspace, cancellationToken).ConfigureAwait(false);
            var lines = (await _readModel.ListHealthAsync(workspace, cancellationToken).ConfigureAwait(false)).ToDictionary(l => l.JourneyId, l => l.Version);
            foreach (var summary in journeys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                seen.Add((workspace, summary.JourneyId));
                Instant? due;
                try
                {
                    due = await RecheckJourneyAsync(summary, lines, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One journey that cannot be loaded or saved must not stop the rechecks of every other: it is
                    // reported with its ids, dropped, and loaded afresh at the next pass.
                    LogJourneyFailed(_logger, e, summary.Name, summary.WorkspaceId, summary.JourneyId);
                    _kept.Remove((summary.WorkspaceId, summary.JourneyId));
                    due = now + _options.MaxInterval;
                }

                if (due is { } d && (earliest is null || d < earliest))
                {
                    earliest = d;
                }
            }

            foreach (var gone in lines.Keys.Where(id => !journeys.Any(j => j.JourneyId == id)))
            {
                await _readModel.RemoveJourneyAsync(workspace, gone, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var key in _kept.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _kept.Remove(key);
        }

        return earliest;
    }

    private async Task<Instant?> RecheckJourneyAsync(JourneySummary summary, Dictionary<JourneyId, long> lines, CancellationToken cancellationToken)
    {
        var key = (summary.WorkspaceId, summary.JourneyId);
        if (_live is not null
            && await _live.RecheckHeldAsync(summary.WorkspaceId, summary.JourneyId, lines.TryGetValue(summary.JourneyId, out var rows) ? rows : null, cancellationToken).ConfigureAwait(false) is { } held)
        {
            // The host's engine is the journey's: a copy kept here from before the host opened it would only disagree.
            _kept.Remove(key);
            return held.NextDue;
        }

        var now = _clock.GetCurrentInstant();
        bool changed;
        if (!_kept.TryGetValue(key, out var kept))
        {
            var journey = await _store.LoadAsync(summary.WorkspaceId, summary.JourneyId, cancellationToken).ConfigureAwait(false);
            kept = new Kept(_warnings.CreateEvaluatedEngine(journey, cancellationToken));
            _kept[key] = kept;
            changed = false;
        }
        else
        {
            var journey = kept.Engine.Journey;
            var newer = journey.Version == summary.Version
                ? []
                : await _store.ReadEventsAsync(summary.WorkspaceId, summary.JourneyId, journey.Version, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (newer.Count == 0 && (kept.Engine.NextDue is not { } due || due > now))
            {
                changed = false;
            }
            else
            {
                foreach (var e in newer)
                {
                    journey.Apply(e);
                }

                if (newer.Count == 0 && _commits is not null)
                {
                    // Only time moved: the changes it makes go to the feed as a command's do (a commit with no events).
                    try
                    {
                        await _warnings.CommitAsync(_commits, journey, kept.Engine, cancellationToken).ConfigureAwait(false);
                    }
                    catch (JourneyConcurrencyException)
                    {
                        // Someone saved the journey meanwhile: this engine evaluated a state that is gone. Load it
                        // afresh at the next pass; the other writer's commit recorded its changes.
                        _kept.Remove(key);
                        return null;
                    }

                    changed = true;
                }
                else
                {
                    // Events others saved: their commits recorded the changes those events caused.
                    var evaluation = _warnings.Evaluate(kept.Engine, newer, cancellationToken);
                    changed = evaluation.Raised > 0 || evaluation.Changed > 0 || evaluation.Cleared > 0 || newer.Count > 0;
                    if (evaluation.Raised > 0 || evaluation.Cleared > 0)
                    {
                        LogRechecked(_logger, journey.Name, evaluation.Raised, evaluation.Cleared);
                    }
                }
            }
        }

        var version = kept.Engine.Journey.Version;
        if (changed || !lines.TryGetValue(summary.JourneyId, out var written) || written != version)
        {
            await _readModel.ApplyAsync(kept.Projector.ProjectAll(now), cancellationToken).ConfigureAwait(false);
        }

        return kept.Engine.NextDue;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Due recheck of journey '{Journey}': {Raised} warnings raised, {Cleared} cleared")]
    private static partial void LogRechecked(ILogger logger, string journey, int raised, int cleared);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "The due recheck of journey '{Journey}' ({Workspace}/{JourneyId}) failed; the other journeys were rechecked, this one is loaded again at the next pass")]
    private static partial void LogJourneyFailed(ILogger logger, Exception exception, string journey, WorkspaceId workspace, JourneyId journeyId);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A due-recheck pass failed; the next pass runs in {Retry}")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, TimeSpan retry);

    private sealed class Kept(WarningEngine engine)
    {
        public WarningEngine Engine { get; } = engine;

        public WorkspaceWarningProjector Projector { get; } = new(engine);
    }
}
