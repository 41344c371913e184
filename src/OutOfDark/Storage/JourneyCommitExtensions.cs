using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Events;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>
/// The write path of the warning feed: evaluate a journey's new events, then save the events and the warning changes
/// they caused in one transaction.
/// </summary>
public static class JourneyCommitExtensions
{
    /// <summary>
    /// Saves a journey's pending events together with the warning changes they cause: the engine evaluates the new events
    /// (its observers hear the changes as usual), the changes are recorded with fresh ids, and the store writes events
    /// and changes in one transaction. Then the pending events are cleared.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="journey">The journey, with the events of the commands just run pending.</param>
    /// <param name="engine">
    /// The journey's warning engine, evaluated at the version last saved (<see cref="Journey.CommittedVersion"/>), so
    /// that what the new events change can be told from what was there before. For a journey never saved, an engine not
    /// yet run is right too: every warning it raises is new.
    /// </param>
    /// <param name="evaluate">
    /// How to evaluate the new events; <see langword="null"/> for <see cref="WarningEngine.Refresh(IReadOnlyList{JourneyEvent}, CancellationToken)"/>.
    /// A host passes its measured evaluation here.
    /// </param>
    /// <param name="cancellationToken">Cancels the evaluation or the save.</param>
    /// <returns>The journey's version after the save.</returns>
    /// <remarks>
    /// With nothing pending the engine re-checks the journey (due time-based rules) and any change it finds is committed
    /// at the current version. When the store refuses the commit the engine has already evaluated events that were not
    /// saved: drop both the journey and the engine and load the journey again.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="engine"/> evaluates another journey.</exception>
    /// <exception cref="InvalidOperationException">
    /// The engine has not evaluated the journey at <see cref="Journey.CommittedVersion"/>: never (call
    /// <see cref="WarningEngine.Refresh(CancellationToken)"/> before running the commands), or already past it (after a
    /// failed commit or a refresh after the commands: load the journey again and create a new engine).
    /// </exception>
    /// <exception cref="JourneyConcurrencyException">
    /// Someone else saved the journey since it was loaded; nothing was written and the events stay pending, but the
    /// engine has evaluated them at the unsaved version, so retrying with the same journey and engine is refused. Load
    /// the journey again, create a new engine for it, and run the commands again.
    /// </exception>
    public static async Task<long> CommitAsync(this IJourneyCommitStore store, Journey journey, WarningEngine engine, Func<WarningEngine, IReadOnlyList<JourneyEvent>, WarningEvaluation>? evaluate = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(engine);
        if (!ReferenceEquals(engine.Journey, journey))
        {
            throw new ArgumentException(
                engine.Journey.Id == journey.Id
                    ? $"The warning engine evaluates another instance of journey {journey.Id} (loaded or created separately), not the instance being saved; create the engine for the instance being saved, or save the instance the engine evaluates."
                    : $"The warning engine evaluates journey {engine.Journey.Id}, not the journey being saved ({journey.Id}); pass the engine created for this journey.",
                nameof(engine));
        }

        // A journey never saved had no warnings: an engine not yet run on it has the right (empty) baseline.
        var fresh = journey.CommittedVersion == 0 && engine.EvaluatedVersion < 0;
        if (!fresh && engine.EvaluatedVersion != journey.CommittedVersion)
        {
            throw new InvalidOperationException(
                engine.EvaluatedVersion < 0
                    ? $"The warning engine of journey {journey.Id} has not evaluated it yet, so the warning changes of this save cannot be told from the warnings already there. Call engine.Refresh() when the journey is loaded, before running commands."
                    : engine.EvaluatedVersion > journey.CommittedVersion
                        ? $"The warning engine of journey {journey.Id} evaluated version {engine.EvaluatedVersion}, which was never saved (the version last saved is {journey.CommittedVersion}): a commit that failed, for example with JourneyConcurrencyException, evaluated the unsaved events, or the engine was refreshed after the commands. Load the journey again and create a new engine for it."
                        : $"The warning engine of journey {journey.Id} evaluated version {engine.EvaluatedVersion}, not version {journey.CommittedVersion} (the version last saved): the warning changes of this save cannot be told apart. Evaluate the engine when the journey is loaded and not again until the save.");
        }

        IReadOnlyList<JourneyEvent> events = [.. journey.PendingEvents];
        var recorder = new WarningChangeRecorder();
        using (engine.Subscribe(recorder))
        {
            if (evaluate is null)
            {
                engine.Refresh(events, cancellationToken);
            }
            else
            {
                evaluate(engine, events);
            }
        }

        var changes = recorder.Changes(journey, journey.Version, events, engine, journey.Clock.GetCurrentInstant());
        var commit = new JourneyCommit(journey.WorkspaceId, journey.Id, journey.CommittedVersion, events, changes, journey, [.. engine.Warnings]);
        var version = await store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        journey.ClearPendingEvents();
        return version;
    }
}
