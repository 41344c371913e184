using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <summary>The workspace read model kept in memory, for tests, prototypes and small hosts. Nothing survives the process.</summary>
/// <remarks>Thread-safe: every call takes one lock, so an update is seen whole or not at all.</remarks>
public sealed class InMemoryWorkspaceWarnings : IWorkspaceWarnings
{
    private readonly IClock _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<(WorkspaceId, JourneyId), JourneyRows> _journeys = [];

    /// <summary>Creates an empty read model.</summary>
    /// <param name="clock">The clock that says when a snooze has ended, for the state filter and the rows' states.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public InMemoryWorkspaceWarnings(IClock clock)
    {
        Guard.Against.Null(clock);
        _clock = clock;
    }

    /// <inheritdoc />
    public Task ApplyAsync(WorkspaceWarningUpdate update, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(update);
        WorkspaceWarningChecks.Check(update);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var key = (update.WorkspaceId, update.JourneyId);
            if (!_journeys.TryGetValue(key, out var journey))
            {
                journey = new JourneyRows();
                _journeys[key] = journey;
            }

            if (journey.Health is { } stored && stored.Version > update.Health.Version)
            {
                return Task.CompletedTask;
            }

            var kept = journey.Rows;
            var rows = update.ReplacesAll ? new Dictionary<WarningKey, WorkspaceWarning>(update.Upserts.Count) : new Dictionary<WarningKey, WorkspaceWarning>(kept);
            foreach (var removal in update.Removals)
            {
                rows.Remove(removal);
            }

            foreach (var row in update.Upserts)
            {
                rows[row.Key] = WorkspaceWarningChecks.KeepEpisode(kept.GetValueOrDefault(row.Key), row);
            }

            journey.Rows = rows;
            journey.Health = update.Health;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveJourneyAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _journeys.Remove((workspaceId, journeyId));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<WorkspaceWarningPage> QueryAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        cancellationToken.ThrowIfCancellationRequested();
        var matches = Match(workspaceId, query, out _);
        matches.Sort(WorkspaceWarningOrder.Instance);
        var page = matches.Skip(query.Offset).Take(query.Limit).ToList();
        return Task.FromResult(new WorkspaceWarningPage(page, query.Offset, query.Limit, (long)query.Offset + page.Count < matches.Count));
    }

    /// <inheritdoc />
    public Task<WorkspaceWarningCounts> CountAsync(WorkspaceId workspaceId, WorkspaceWarningQuery query, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(query);
        cancellationToken.ThrowIfCancellationRequested();
        var matches = Match(workspaceId, query, out var counts);
        return Task.FromResult(new WorkspaceWarningCounts(matches.Count, counts));
    }

    private List<WorkspaceWarning> Match(WorkspaceId workspaceId, WorkspaceWarningQuery query, out SeverityCounts counts)
    {
        var now = _clock.GetCurrentInstant();
        var matches = new List<WorkspaceWarning>();
        int critical = 0, warning = 0, info = 0;
        lock (_gate)
        {
            foreach (var ((workspace, _), journey) in _journeys)
            {
                if (workspace != workspaceId)
                {
                    continue;
                }

                foreach (var row in journey.Rows.Values)
                {
                    var state = row.StateAt(now);
                    if (!query.MatchesIgnoringSeverity(row, state))
                    {
                        continue;
                    }

                    _ = row.Severity switch
                    {
                        WarningSeverity.Critical => critical++,
                        WarningSeverity.Warning => warning++,
                        _ => info++,
                    };
                    if (query.MatchesSeverity(row.Severity))
                    {
                        matches.Add(state == row.State ? row : row with { State = state, SnoozedUntil = null });
                    }
                }
            }
        }

        counts = new SeverityCounts(critical, warning, info);
        return matches;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<WorkspaceJourneyHealth>> ListHealthAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<WorkspaceJourneyHealth> lines = _journeys
                .Where(j => j.Key.Item1 == workspaceId && j.Value.Health is not null)
                .Select(j => j.Value.Health!)
                .OrderBy(h => h.Health.Score)
                .ThenBy(h => h.JourneyId.ToString(), StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(lines);
        }
    }

    private sealed class JourneyRows
    {
        public Dictionary<WarningKey, WorkspaceWarning> Rows { get; set; } = [];

        public WorkspaceJourneyHealth? Health { get; set; }
    }
}
