using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Events;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// The journeys this host has open, each with its warning engine, kept in step with the store: before every use the
/// journey applies the events others appended since, and its engine evaluates incrementally. One request at a time
/// per journey.
/// </summary>
internal sealed class LiveJourneys(IJourneyStore store, JourneyWarnings warnings, WebOptions options)
{
    private readonly ConcurrentDictionary<JourneyId, Entry> _entries = new();

    public WorkspaceId Workspace => options.Workspace;

    /// <summary>Reads a journey and its warnings, as they are in the store now.</summary>
    public async Task<T> ReadAsync<T>(JourneyId id, Func<Journey, WarningEngine, T> read, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(id, _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (journey, engine) = await CatchUpAsync(id, entry, cancellationToken).ConfigureAwait(false);
            return read(journey, engine);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// Runs a command on a journey and saves it, if the journey is still at <paramref name="expectedVersion"/>.
    /// </summary>
    /// <returns>The command's result and the journey's version after the save.</returns>
    /// <exception cref="JourneyConcurrencyException">The journey is not at the expected version; nothing changed.</exception>
    /// <exception cref="JourneyRuleException">The journey refused the command; nothing changed.</exception>
    public async Task<(T Result, long Version)> ChangeAsync<T>(JourneyId id, long? expectedVersion, Func<Journey, T> command, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(id, _ => new Entry());
        await entry.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var (journey, engine) = await CatchUpAsync(id, entry, cancellationToken).ConfigureAwait(false);
            if (expectedVersion is { } expected && expected != journey.Version)
            {
                throw new JourneyConcurrencyException(id, expected, journey.Version);
            }

            var result = command(journey);
            IReadOnlyList<JourneyEvent> events = [.. journey.PendingEvents];
            try
            {
                await store.SaveAsync(journey, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The cached journey holds events the store refused: forget it, the next use reloads.
                entry.Journey = null;
                entry.Engine = null;
                throw;
            }

            warnings.Evaluate(engine, events, cancellationToken);
            return (result, journey.Version);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<(Journey, WarningEngine)> CatchUpAsync(JourneyId id, Entry entry, CancellationToken cancellationToken)
    {
        if (entry.Journey is { } journey && entry.Engine is { } engine)
        {
            var newer = await store.ReadEventsAsync(Workspace, id, journey.Version, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var e in newer)
            {
                journey.Apply(e);
            }

            warnings.Evaluate(engine, newer, cancellationToken);
            return (journey, engine);
        }

        journey = await store.LoadAsync(Workspace, id, cancellationToken).ConfigureAwait(false);
        engine = warnings.CreateEngine(journey);
        warnings.Evaluate(engine, cancellationToken);
        (entry.Journey, entry.Engine) = (journey, engine);
        return (journey, engine);
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Journey? Journey { get; set; }

        public WarningEngine? Engine { get; set; }
    }
}
