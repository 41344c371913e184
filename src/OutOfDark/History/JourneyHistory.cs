using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using OutOfDark.Events;

namespace OutOfDark;

/// <summary>
/// A journey's history: its events, readable; the journey as of any version or instant; the history of one activity;
/// the diff between two versions.
/// </summary>
/// <remarks>Built from the events a store returns (<see cref="IJourneyStore.ReadEventsAsync"/>). Immutable once built; thread-safe.</remarks>
public sealed class JourneyHistory
{
    private readonly JourneyEvent[] _events;
    private readonly IClock _clock;
    private HistoryEntry[]? _entries;

    /// <summary>Creates the history of a journey from all its events.</summary>
    /// <param name="events">The events, oldest first, starting with <see cref="JourneyCreated"/>.</param>
    /// <param name="clock">
    /// The clock given to the journeys this history rebuilds (for commands run on them); <see cref="SystemClock.Instance"/>
    /// when omitted. <see cref="JourneyStoreExtensions.ReadHistoryAsync"/> passes the journey's own clock.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">The events do not fold into a journey.</exception>
    public JourneyHistory(IEnumerable<JourneyEvent> events, IClock? clock = null)
    {
        Guard.Against.Null(events);
        _events = events.ToArray();
        _clock = clock ?? SystemClock.Instance;
        Current = Journey.Replay(_events, _clock);
    }

    /// <summary>The clock the journeys this history rebuilds are given.</summary>
    public IClock Clock => _clock;

    /// <summary>The events, oldest first.</summary>
    public IReadOnlyList<JourneyEvent> Events => _events;

    /// <summary>The journey after the last event.</summary>
    public Journey Current { get; }

    /// <summary>The current version: the number of events.</summary>
    public long Version => _events.Length;

    /// <summary>Every change, described, oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Entries => _entries ??= Describe();

    /// <summary>The journey as it was at a version: the fold of the first <paramref name="version"/> events.</summary>
    /// <param name="version">From 1 to <see cref="Version"/>.</param>
    /// <returns>A new journey.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is out of range.</exception>
    public Journey AsOf(long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, Version);
        return Journey.Replay(_events.Take((int)version), _clock);
    }

    /// <summary>The journey as it was at an instant: the fold of the events that occurred at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>A new journey, or <see langword="null"/> when the journey did not exist yet.</returns>
    public Journey? AsOf(Instant instant)
    {
        var count = VersionAt(instant);
        return count == 0 ? null : AsOf(count);
    }

    /// <summary>The version a journey had at an instant: the number of events that occurred at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The version; 0 before the journey existed.</returns>
    public long VersionAt(Instant instant)
    {
        var count = 0;
        while (count < _events.Length && _events[count].OccurredAt <= instant)
        {
            count++;
        }

        return count;
    }

    /// <summary>The changes that name an activity, oldest first: the Detail view's history.</summary>
    /// <param name="activityId">The activity.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<HistoryEntry> ForActivity(ActivityId activityId) =>
        Entries.Where(entry => EventTouches.Activities(entry.Event, Current).Contains(activityId)).ToList();

    /// <summary>What changed between two versions.</summary>
    /// <param name="fromVersion">The earlier version, from 1.</param>
    /// <param name="toVersion">The later version, up to <see cref="Version"/>.</param>
    /// <returns>The diff.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A version is out of range or they are in the wrong order.</exception>
    public JourneyDiff Diff(long fromVersion, long toVersion)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(toVersion, Version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromVersion, toVersion);
        var before = AsOf(fromVersion);
        var after = AsOf(toVersion);
        var oldById = before.Activities.ToDictionary(a => a.Id);
        var newById = after.Activities.ToDictionary(a => a.Id);
        return new JourneyDiff(
            fromVersion,
            toVersion,
            ValueList<HistoryEntry>.From(Entries.Skip((int)fromVersion).Take((int)(toVersion - fromVersion))),
            ValueList<Activity>.From(after.Activities.Where(a => !oldById.ContainsKey(a.Id))),
            ValueList<Activity>.From(before.Activities.Where(a => !newById.ContainsKey(a.Id))),
            ValueList<Activity>.From(after.Activities.Where(a => oldById.TryGetValue(a.Id, out var old) && old != a)));
    }

    private HistoryEntry[] Describe()
    {
        var entries = new HistoryEntry[_events.Length];
        Journey? state = null;
        for (var i = 0; i < _events.Length; i++)
        {
            entries[i] = new HistoryEntry(i + 1, _events[i], EventDescriber.Describe(_events[i], state));
            if (state is null)
            {
                state = Journey.Replay([_events[i]], _clock);
            }
            else
            {
                state.Apply(_events[i]);
            }
        }

        return entries;
    }
}
