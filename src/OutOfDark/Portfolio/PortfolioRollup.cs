using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace OutOfDark.Portfolio;

/// <summary>
/// Health, warning counts and KPIs of a workspace's journeys, rolled up from children to parents and to the workspace.
/// Built by <see cref="Compute"/> (from data in hand) or <see cref="JourneyPortfolio.RollUpAsync"/> (from a store and
/// the workspace read model).
/// </summary>
/// <remarks>
/// <para>
/// What is summed and what is not: journey counts and open warning counts per severity are sums. Health scores are not
/// summed: a subtree's health is the plain mean of its journeys' scores (each journey once) with the lowest score beside
/// it. KPIs are grouped by title (ignoring case), unit, kind and direction, and per group the statuses are counted, the
/// latest values summed only for counts and currency, and averaged plainly (see <see cref="KpiRollup"/>).
/// </para>
/// <para>
/// The order is the portfolio's: top-level journeys by name (ordinal) then id, each followed by its children in the
/// same order, depth first. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class PortfolioRollup
{
    private readonly Dictionary<JourneyId, JourneyRollup> _byId;

    private PortfolioRollup(IReadOnlyList<JourneyRollup> journeys, RollupTotals workspace)
    {
        Journeys = journeys;
        Workspace = workspace;
        _byId = journeys.ToDictionary(j => j.JourneyId);
    }

    /// <summary>Every journey's line, in portfolio order (each parent before its children).</summary>
    public IReadOnlyList<JourneyRollup> Journeys { get; }

    /// <summary>The totals of the whole workspace: every journey once.</summary>
    public RollupTotals Workspace { get; }

    /// <summary>Finds a journey's line.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <returns>The line, or <see langword="null"/> when the roll-up does not cover the journey.</returns>
    public JourneyRollup? Find(JourneyId journeyId) => _byId.GetValueOrDefault(journeyId);

    /// <summary>The top-level journeys' lines, in portfolio order.</summary>
    public IEnumerable<JourneyRollup> Roots => Journeys.Where(j => j.Depth == 0);

    /// <summary>The lines of a journey's children, in portfolio order.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <returns>The lines; empty for a journey without children or not covered.</returns>
    public IEnumerable<JourneyRollup> ChildrenOf(JourneyId journeyId) => Journeys.Where(j => j.ParentJourneyId == journeyId);

    /// <summary>Rolls up a set of journeys.</summary>
    /// <param name="journeys">The journeys of one workspace, each once, in any order.</param>
    /// <returns>The roll-up.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journeys"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Two items have the same journey id.</exception>
    /// <exception cref="OverflowException">A KPI group's sum or mean of latest values is beyond the range of <see cref="decimal"/>.</exception>
    public static PortfolioRollup Compute(IEnumerable<PortfolioJourney> journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var nodes = new Dictionary<JourneyId, PortfolioJourney>();
        foreach (var journey in journeys)
        {
            if (journey is null)
            {
                throw new ArgumentNullException(nameof(journeys), "The journeys to roll up must not hold null.");
            }

            if (!nodes.TryAdd(journey.JourneyId, journey))
            {
                throw new ArgumentException($"Journey {journey.JourneyId} appears twice in the journeys to roll up; pass each journey once.", nameof(journeys));
            }
        }

        var parents = EffectiveParents(nodes);
        var children = new Dictionary<JourneyId, List<PortfolioJourney>>();
        var roots = new List<PortfolioJourney>();
        foreach (var node in nodes.Values)
        {
            if (parents[node.JourneyId] is { } parent)
            {
                if (!children.TryGetValue(parent, out var list))
                {
                    children.Add(parent, list = []);
                }

                list.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        roots.Sort(PortfolioOrder);
        foreach (var list in children.Values)
        {
            list.Sort(PortfolioOrder);
        }

        // Depth first, iteratively (a portfolio may be a chain a thousand deep): lines in preorder, totals in postorder.
        var lines = new List<JourneyRollup?>(nodes.Count);
        var subtrees = new Dictionary<JourneyId, Totals>(nodes.Count);
        var owns = new Dictionary<JourneyId, RollupTotals>(nodes.Count);
        var stack = new Stack<(PortfolioJourney Node, int Depth, int Line, bool Done)>();
        for (var r = roots.Count - 1; r >= 0; r--)
        {
            stack.Push((roots[r], 0, -1, false));
        }

        while (stack.Count > 0)
        {
            var (node, depth, line, done) = stack.Pop();
            var kids = children.GetValueOrDefault(node.JourneyId);
            if (!done)
            {
                lines.Add(null);
                stack.Push((node, depth, lines.Count - 1, true));
                if (kids is not null)
                {
                    for (var k = kids.Count - 1; k >= 0; k--)
                    {
                        stack.Push((kids[k], depth + 1, -1, false));
                    }
                }

                continue;
            }

            var own = new Totals();
            own.AddJourney(node);
            var subtree = new Totals();
            subtree.AddJourney(node);
            if (kids is not null)
            {
                foreach (var kid in kids)
                {
                    subtree.Add(subtrees[kid.JourneyId]);
                }
            }

            subtrees[node.JourneyId] = subtree;
            var detached = node.ParentJourneyId is not null && parents[node.JourneyId] is null;
            lines[line] = new JourneyRollup(node.JourneyId, node.Name, parents[node.JourneyId], depth, detached, own.ToTotals(), subtree.ToTotals());
        }

        // The workspace's KPI groups follow portfolio order: add the roots' subtrees in order.
        var workspace = new Totals();
        foreach (var root in roots)
        {
            workspace.Add(subtrees[root.JourneyId]);
        }

        return new PortfolioRollup(lines.Select(l => l!).ToList(), workspace.ToTotals());
    }

    private static int PortfolioOrder(PortfolioJourney a, PortfolioJourney b)
    {
        var byName = string.CompareOrdinal(a.Name, b.Name);
        return byName != 0 ? byName : a.JourneyId.CompareTo(b.JourneyId);
    }

    /// <summary>
    /// Each journey's parent in the roll-up: its recorded parent when that is in the set and no loop runs through it;
    /// otherwise none. In a loop, the member with the smallest id goes to the top and the others stay under it.
    /// </summary>
    private static Dictionary<JourneyId, JourneyId?> EffectiveParents(Dictionary<JourneyId, PortfolioJourney> nodes)
    {
        var parents = new Dictionary<JourneyId, JourneyId?>(nodes.Count);
        foreach (var node in nodes.Values)
        {
            parents[node.JourneyId] = node.ParentJourneyId is { } p && nodes.ContainsKey(p) && p != node.JourneyId ? p : null;
        }

        // 0 unvisited, 1 on the current walk, 2 known to reach the top.
        var state = new Dictionary<JourneyId, byte>(nodes.Count);
        var walk = new List<JourneyId>();
        foreach (var start in nodes.Keys.OrderBy(id => id))
        {
            walk.Clear();
            var current = (JourneyId?)start;
            while (current is { } id && state.GetValueOrDefault(id) == 0)
            {
                state[id] = 1;
                walk.Add(id);
                current = parents[id];
            }

            if (current is { } repeated && state[repeated] == 1)
            {
                // The walk came back to itself: a loop from `repeated` to the end of the walk. Cut it at its smallest id.
                var loop = walk.Skip(walk.IndexOf(repeated)).ToList();
                parents[loop.Min()] = null;
            }

            foreach (var id in walk)
            {
                state[id] = 2;
            }
        }

        return parents;
    }

    /// <summary>Running totals: sums and per-group KPI accumulators that combine by addition.</summary>
    private sealed class Totals
    {
        private readonly Dictionary<(string Title, string Unit, MetricKind Kind, MetricDirection Direction), Kpi> _kpis = [];
        private readonly List<Kpi> _kpiOrder = [];
        private int _journeys, _withHealth, _critical, _warning, _info;
        private decimal _scoreSum;
        private decimal? _lowest;
        private JourneyId? _lowestJourney;

        public void AddJourney(PortfolioJourney journey)
        {
            _journeys++;
            if (journey.Health is { } health)
            {
                _withHealth++;
                _scoreSum += health.Score;
                Lowest(health.Score, journey.JourneyId);
                _critical += health.OpenCritical;
                _warning += health.OpenWarning;
                _info += health.OpenInfo;
            }

            foreach (var reading in journey.Kpis ?? [])
            {
                KpiFor(reading.Title, reading.Unit, reading.Kind, reading.Direction).Add(reading);
            }
        }

        public void Add(Totals other)
        {
            _journeys += other._journeys;
            _withHealth += other._withHealth;
            _scoreSum += other._scoreSum;
            if (other._lowest is { } lowest)
            {
                Lowest(lowest, other._lowestJourney!.Value);
            }

            _critical += other._critical;
            _warning += other._warning;
            _info += other._info;
            foreach (var kpi in other._kpiOrder)
            {
                KpiFor(kpi.Title, kpi.Unit, kpi.Kind, kpi.Direction).Add(kpi);
            }
        }

        public RollupTotals ToTotals() => new(
            _journeys,
            _withHealth,
            _withHealth == 0 ? null : Math.Round(_scoreSum / _withHealth, 1, MidpointRounding.AwayFromZero),
            _lowest,
            _lowestJourney,
            _critical,
            _warning,
            _info,
            _kpiOrder.Select(k => k.ToRollup()).ToList());

        private void Lowest(decimal score, JourneyId journey)
        {
            if (_lowest is not { } current || score < current || (score == current && journey < _lowestJourney!.Value))
            {
                (_lowest, _lowestJourney) = (score, journey);
            }
        }

        private Kpi KpiFor(string title, string unit, MetricKind kind, MetricDirection direction)
        {
            var key = (title.ToUpperInvariant(), unit, kind, direction);
            if (!_kpis.TryGetValue(key, out var kpi))
            {
                kpi = new Kpi(title, unit, kind, direction);
                _kpis.Add(key, kpi);
                _kpiOrder.Add(kpi);
            }

            return kpi;
        }
    }

    private sealed class Kpi(string title, string unit, MetricKind kind, MetricDirection direction)
    {
        private readonly int[] _status = new int[6];
        private int _metrics, _withData;
        private decimal _sum;
        private LocalDate? _oldest, _newest;

        public string Title => title;

        public string Unit => unit;

        public MetricKind Kind => kind;

        public MetricDirection Direction => direction;

        public void Add(KpiReading reading)
        {
            _metrics++;
            var status = (int)reading.Status;
            if ((uint)status < (uint)_status.Length)
            {
                _status[status]++;
            }

            if (reading.LatestValue is { } value)
            {
                _withData++;
                _sum += value;
                Dates(reading.LatestDate, reading.LatestDate);
            }
        }

        public void Add(Kpi other)
        {
            _metrics += other._metrics;
            _withData += other._withData;
            _sum += other._sum;
            for (var i = 0; i < _status.Length; i++)
            {
                _status[i] += other._status[i];
            }

            Dates(other._oldest, other._newest);
        }

        public KpiRollup ToRollup() => new(
            title,
            unit,
            kind,
            direction,
            _metrics,
            _withData,
            _status[(int)KpiStatus.NoTarget],
            _status[(int)KpiStatus.OnTarget],
            _status[(int)KpiStatus.OffTarget],
            _status[(int)KpiStatus.PastWarning],
            _status[(int)KpiStatus.PastCritical],
            _withData > 0 && KpiRollup.IsAdditive(kind) ? _sum : null,
            _withData > 0 ? _sum / _withData : null,
            _oldest,
            _newest);

        private void Dates(LocalDate? oldest, LocalDate? newest)
        {
            if (oldest is { } o && (_oldest is not { } current || o < current))
            {
                _oldest = o;
            }

            if (newest is { } n && (_newest is not { } latest || n > latest))
            {
                _newest = n;
            }
        }
    }
}
