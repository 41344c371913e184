using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>
/// Creates warning engines for journeys with the host's rules, settings and observers, and evaluates them while
/// reporting through <c>System.Diagnostics.Metrics</c> (meter <see cref="MeterName"/>) and <see cref="ILogger"/>.
/// </summary>
/// <remarks>
/// Instruments: <c>outofdark.warnings.evaluations</c> (counter, tag <c>full</c>), <c>outofdark.warnings.evaluation.duration</c>
/// (histogram, ms), <c>outofdark.warnings.raised</c> (counter, tags <c>rule</c> and <c>severity</c>) and
/// <c>outofdark.warnings.rule_failures</c> (counter, tag <c>rule</c>). Thread-safe; each engine it creates is not, so
/// use one engine from one thread at a time.
/// </remarks>
public sealed partial class JourneyWarnings : IDisposable
{
    /// <summary>The name of the meter the engine reports through.</summary>
    public const string MeterName = "OutOfDark.Warnings";

    private readonly IClock _clock;
    private readonly IReadOnlyList<IWarningObserver> _observers;
    private readonly ILogger _logger;
    private readonly IWorkspaceWarnings? _workspaceWarnings;
    private readonly ConditionalWeakTable<WarningEngine, WorkspaceWarningProjector> _projectors = new();
    private readonly Meter _meter;
    private readonly Counter<long> _evaluations;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _raised;
    private readonly Counter<long> _failures;

    /// <summary>Creates the service. Hosts get it from the container after <see cref="Microsoft.Extensions.DependencyInjection.OutOfDarkServiceCollectionExtensions.AddOutOfDark"/>.</summary>
    /// <param name="clock">The clock engines read "now" from.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="settings">The rule settings.</param>
    /// <param name="options">The engine options.</param>
    /// <param name="observers">The notification hooks every engine reports to.</param>
    /// <param name="logger">Where to log.</param>
    /// <param name="workspaceWarnings">
    /// The workspace read model <see cref="CommitAsync"/> writes the saved journey's rows to right after each commit;
    /// <see langword="null"/> (the default) writes none.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="workspaceWarnings"/> is <see langword="null"/>.</exception>
    public JourneyWarnings(IClock clock, RuleRegistry rules, WarningSettings settings, WarningEngineOptions options, IReadOnlyList<IWarningObserver> observers, ILogger<JourneyWarnings> logger, IWorkspaceWarnings? workspaceWarnings = null)
    {
        Guard.Against.Null(clock);
        Guard.Against.Null(rules);
        Guard.Against.Null(settings);
        Guard.Against.Null(options);
        Guard.Against.Null(observers);
        Guard.Against.Null(logger);
        _clock = clock;
        Rules = rules;
        Settings = settings;
        Options = options;
        _observers = observers;
        _logger = logger;
        _workspaceWarnings = workspaceWarnings;
        _meter = new Meter(MeterName, version: null, tags: null, scope: this);
        _evaluations = _meter.CreateCounter<long>("outofdark.warnings.evaluations", description: "Warning evaluations of a journey, full or incremental.");
        _duration = _meter.CreateHistogram<double>("outofdark.warnings.evaluation.duration", unit: "ms", description: "How long a warning evaluation took.");
        _raised = _meter.CreateCounter<long>("outofdark.warnings.raised", description: "Warnings raised (a new episode of a rule's condition on a subject).");
        _failures = _meter.CreateCounter<long>("outofdark.warnings.rule_failures", description: "Rule evaluations that threw; the other rules still ran.");
    }

    /// <summary>The rules engines run.</summary>
    public RuleRegistry Rules { get; }

    /// <summary>The host's rule settings (from configuration and code): the base layer engines lay each journey's own settings over.</summary>
    public WarningSettings Settings { get; }

    /// <summary>The engine options.</summary>
    public WarningEngineOptions Options { get; }

    /// <summary>
    /// Creates an engine for a journey, subscribed to the host's observers and to this service's instruments. Nothing is
    /// evaluated yet. The engine uses the host's <see cref="Settings"/> under the journey's own
    /// (<see cref="Journey.RuleSettings"/>): see <see cref="WarningEngine.EffectiveSettings"/>.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public WarningEngine CreateEngine(Journey journey)
    {
        Guard.Against.Null(journey);
        var engine = new WarningEngine(journey, _clock, Rules, Settings, Options);
        engine.Subscribe(new Instruments(this, journey));
        foreach (var observer in _observers)
        {
            engine.Subscribe(observer);
        }

        return engine;
    }

    /// <summary>
    /// Creates an engine for a journey and evaluates it fully before subscribing the host's observers, so warnings that
    /// were already present are not reported as raised again (for services that reload journeys, like the due-recheck
    /// service); later evaluations report to the observers as usual.
    /// </summary>
    /// <remarks>
    /// <paramref name="clock"/> (default: the host's) lets a caller evaluate as of another instant first, for example
    /// the instant of the journey's last save, and move the clock on afterwards (the journey grain of OutOfDark.Orleans).
    /// </remarks>
    internal WarningEngine CreateEvaluatedEngine(Journey journey, CancellationToken cancellationToken, IClock? clock = null)
    {
        var engine = new WarningEngine(journey, clock ?? _clock, Rules, Settings, Options);
        Measure(engine, () => engine.EvaluateAll(cancellationToken));
        engine.Subscribe(new Instruments(this, journey));
        foreach (var observer in _observers)
        {
            engine.Subscribe(observer);
        }

        return engine;
    }

    /// <summary>Brings an engine up to date with its journey (incrementally when it can) and reports the evaluation.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>What the evaluation did.</returns>
    public WarningEvaluation Evaluate(WarningEngine engine, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(engine);
        return Measure(engine, () => engine.Refresh(cancellationToken));
    }

    /// <summary>Brings an engine up to date with events its journey applied after it was last evaluated, and reports the evaluation.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="newEvents">The events the journey applied since the engine's last evaluation, oldest first.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>What the evaluation did.</returns>
    public WarningEvaluation Evaluate(WarningEngine engine, IReadOnlyList<JourneyEvent> newEvents, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(engine);
        Guard.Against.Null(newEvents);
        return Measure(engine, () => engine.Refresh(newEvents, cancellationToken));
    }

    /// <summary>
    /// Saves a journey's pending events and the warning changes they cause in one transaction, the evaluation measured
    /// and logged as <see cref="Evaluate(WarningEngine, IReadOnlyList{JourneyEvent}, CancellationToken)"/> does: the write
    /// path of the durable warning feed (see <see cref="JourneyCommitExtensions.CommitAsync"/>). Then, when the service
    /// has a workspace read model (<see cref="Microsoft.Extensions.DependencyInjection.OutOfDarkServiceCollectionExtensions.AddOutOfDark"/> always gives it the registered
    /// <see cref="IWorkspaceWarnings"/>), replaces the journey's rows there from the engine, so the workspace-wide
    /// Warnings view shows the save at once.
    /// </summary>
    /// <param name="store">The store; it writes the feed's outbox with the events.</param>
    /// <param name="journey">The journey, with the events of the commands just run pending.</param>
    /// <param name="engine">Its engine (from <see cref="CreateEngine"/>), evaluated at the version last saved.</param>
    /// <param name="cancellationToken">Cancels the evaluation or the save; once the save has committed, the read-model write is not cancelled.</param>
    /// <returns>The journey's version after the save.</returns>
    /// <remarks>
    /// The first commit through an engine replaces all of the journey's rows in the read model; later commits through
    /// the same engine write only the rows that changed (one projector is kept per engine while the engine lives).
    /// The read model is written after the transaction commits, not in it: if that write fails its exception comes out
    /// of this call although the journey is saved, and the journey's rows stay one save behind until the next commit or
    /// the due-recheck service's next pass (<see cref="OutOfDarkBuilder.AddDueRechecks"/>) replaces them.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="engine"/> evaluates another journey (or another instance of it).</exception>
    /// <exception cref="InvalidOperationException">The engine has not evaluated the journey at the version last saved.</exception>
    /// <exception cref="JourneyConcurrencyException">Someone else saved the journey since it was loaded; nothing was written.</exception>
    public async System.Threading.Tasks.Task<long> CommitAsync(IJourneyCommitStore store, Journey journey, WarningEngine engine, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(store);
        var version = await store.CommitAsync(journey, engine, (e, events) => Measure(e, () => e.Refresh(events, cancellationToken)), cancellationToken).ConfigureAwait(false);
        if (_workspaceWarnings is not null)
        {
            // One projector per engine: its first commit replaces all of the journey's rows (another host or the
            // due-recheck service may have written them before this engine was loaded); later commits of the same
            // engine write only the rows that changed, since a save by anyone else would have failed this one.
            var projector = _projectors.GetValue(engine, static e => new WorkspaceWarningProjector(e));
            var update = projector.Project(_clock.GetCurrentInstant());
            try
            {
                await _workspaceWarnings.ApplyAsync(update, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                // The projector already counts this update as written: forget it, so the next commit replaces all rows.
                _projectors.Remove(engine);
                throw;
            }
        }

        return version;
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private WarningEvaluation Measure(WarningEngine engine, Func<WarningEvaluation> evaluate)
    {
        var started = Stopwatch.GetTimestamp();
        var evaluation = evaluate();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        _evaluations.Add(1, new KeyValuePair<string, object?>("full", evaluation.Full));
        _duration.Record(elapsed, new KeyValuePair<string, object?>("full", evaluation.Full));
        LogEvaluated(_logger, engine.Journey.Name, engine.Journey.Version, evaluation.Full, evaluation.Checks, evaluation.Raised, evaluation.Cleared, evaluation.Failures, elapsed);
        return evaluation;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Evaluated warnings of journey '{Journey}' v{Version} (full: {Full}): {Checks} checks, {Raised} raised, {Cleared} cleared, {Failures} rule failures in {ElapsedMs:0.0} ms")]
    private static partial void LogEvaluated(ILogger logger, string journey, long version, bool full, int checks, int raised, int cleared, int failures, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Warning raised on journey '{Journey}': {Severity} {Key}: {Message}")]
    private static partial void LogRaised(ILogger logger, string journey, WarningSeverity severity, WarningKey key, string message);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Warning cleared on journey '{Journey}': {Key}")]
    private static partial void LogCleared(ILogger logger, string journey, WarningKey key);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Warning rule '{Rule}' failed on {Subject} of journey '{Journey}'; the other rules still ran")]
    private static partial void LogRuleFailed(ILogger logger, Exception exception, RuleId rule, WarningSubject subject, string journey);

    private sealed class Instruments(JourneyWarnings owner, Journey journey) : IWarningObserver
    {
        public void OnRaised(Warning warning)
        {
            owner._raised.Add(1, new("rule", warning.Key.Rule.Value), new("severity", warning.Severity.ToString()));
            LogRaised(owner._logger, journey.Name, warning.Severity, warning.Key, warning.Message);
        }

        public void OnChanged(Warning previous, Warning current)
        {
        }

        public void OnCleared(Warning previous) => LogCleared(owner._logger, journey.Name, previous.Key);

        public void OnRuleFailed(RuleFailure failure)
        {
            owner._failures.Add(1, new KeyValuePair<string, object?>("rule", failure.Rule.Value));
            LogRuleFailed(owner._logger, failure.Exception, failure.Rule, failure.Subject, journey.Name);
        }
    }
}
