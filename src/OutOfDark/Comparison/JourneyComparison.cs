using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace OutOfDark.Comparison;

/// <summary>
/// The comparison of an as-is journey with a to-be journey: activities added and removed, matched activities that
/// changed with their KPI and emotion deltas, and phases where something differs. A journey can also be compared with an
/// earlier version of itself, which gives the differences since; comparing it with itself at the same version is refused,
/// since nothing can differ.
/// </summary>
/// <remarks>
/// <para>Activities are matched, each at most once, in three rounds:</para>
/// <list type="number">
/// <item><description>explicit matches (<see cref="Journey.MatchActivity"/>) held by either journey, if it is paired with
/// the other; a match naming an activity that no longer exists is ignored, and two matches that disagree (one activity
/// matched with two) are both ignored;</description></item>
/// <item><description>the same activity id on both sides;</description></item>
/// <item><description>the same name in a phase of the same name, ignoring case and surrounding spaces, when that name is
/// unique among the unmatched activities of its phase on each side.</description></item>
/// </list>
/// <para>Every rule is symmetric: comparing the other way round swaps added and removed and negates every delta.
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class JourneyComparison
{
    private JourneyComparison(JourneyId asIs, JourneyId toBe, ValueList<ActivityRef> added, ValueList<ActivityRef> removed, ValueList<ActivityComparison> changed, ValueList<PhaseComparison> phases, int unchanged)
    {
        (AsIs, ToBe, Added, Removed, Changed, Phases, Unchanged) = (asIs, toBe, added, removed, changed, phases, unchanged);
    }

    /// <summary>The as-is journey.</summary>
    public JourneyId AsIs { get; }

    /// <summary>The to-be journey.</summary>
    public JourneyId ToBe { get; }

    /// <summary>The to-be activities with no as-is match, in the to-be map's order.</summary>
    public ValueList<ActivityRef> Added { get; }

    /// <summary>The as-is activities with no to-be match, in the as-is map's order.</summary>
    public ValueList<ActivityRef> Removed { get; }

    /// <summary>The matched activities that differ, in the to-be map's order.</summary>
    public ValueList<ActivityComparison> Changed { get; }

    /// <summary>The number of matched activities that do not differ.</summary>
    public int Unchanged { get; }

    /// <summary>The phases where something differs: to-be phases in order, then as-is phases the to-be journey lacks.</summary>
    public ValueList<PhaseComparison> Phases { get; }

    /// <summary>Whether nothing differs.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0 && Phases.Count == 0;

    /// <summary>Compares an as-is journey with a to-be journey of the same workspace.</summary>
    /// <param name="asIs">The current-state journey.</param>
    /// <param name="toBe">The future-state journey: paired with <paramref name="asIs"/> (either may hold the pairing), or
    /// the same journey at another version.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">A journey is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="toBe"/> is <paramref name="asIs"/> itself, or the same journey
    /// at the same version (a copy), so nothing could differ.</exception>
    /// <exception cref="JourneyRuleException"><c>invalid-pairing</c>: the journeys belong to different workspaces, or are
    /// two journeys neither of which is paired with the other.</exception>
    public static JourneyComparison Compare(Journey asIs, Journey toBe)
    {
        ArgumentNullException.ThrowIfNull(asIs);
        ArgumentNullException.ThrowIfNull(toBe);
        if (asIs.Id == toBe.Id && asIs.Version == toBe.Version)
        {
            throw new ArgumentException($"The to-be journey is journey '{asIs.Name}' ({asIs.Id}) itself at the same version ({asIs.Version}), so nothing can differ: pass the journey paired with it (PairWith), or an earlier or later version of it.", nameof(toBe));
        }

        if (asIs.WorkspaceId != toBe.WorkspaceId)
        {
            throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Journeys '{asIs.Name}' ({asIs.Id}) and '{toBe.Name}' ({toBe.Id}) belong to different workspaces ({asIs.WorkspaceId}, {toBe.WorkspaceId}); only journeys of one workspace can be compared.", asIs.Id, toBe.Id);
        }

        var linked = asIs.Pairing?.Counterpart == toBe.Id || toBe.Pairing?.Counterpart == asIs.Id;
        if (asIs.Id != toBe.Id && !linked)
        {
            throw new JourneyRuleException(JourneyRules.InvalidPairing, $"Journeys '{asIs.Name}' ({asIs.Id}) and '{toBe.Name}' ({toBe.Id}) are not paired: call PairWith on one of them with the other's id, then compare.", asIs.Id, toBe.Id);
        }

        var before = new Side(asIs);
        var after = new Side(toBe);
        var pairs = Match(before, after);

        var matchedBefore = pairs.Select(p => p.AsIs).ToHashSet();
        var matchedAfter = pairs.Select(p => p.ToBe).ToHashSet();
        var added = after.Activities.Where(a => !matchedAfter.Contains(a.Id)).Select(after.Ref).ToList();
        var removed = before.Activities.Where(a => !matchedBefore.Contains(a.Id)).Select(before.Ref).ToList();

        var afterOrder = after.Activities.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var changed = new List<ActivityComparison>();
        var unchanged = 0;
        foreach (var (a, b, by) in pairs.OrderBy(p => afterOrder[p.ToBe]))
        {
            var x = before.Get(a);
            var y = after.Get(b);
            var changes = Changes(before, x, after, y);
            var kpis = Kpis(Side.Metrics([x]), Side.Metrics([y]));
            var emotions = Emotions(before.Emotions([x]), after.Emotions([y]));
            if (changes != ActivityChanges.None || kpis.Any(k => k.Differs) || emotions.Any(e => e.Differs))
            {
                changed.Add(new ActivityComparison(before.Ref(x), after.Ref(y), by, changes, ValueList<KpiDelta>.From(kpis), ValueList<EmotionDelta>.From(emotions)));
            }
            else
            {
                unchanged++;
            }
        }

        var phases = ComparePhases(before, after, added, removed, changed);
        return new JourneyComparison(asIs.Id, toBe.Id, ValueList<ActivityRef>.From(added), ValueList<ActivityRef>.From(removed), ValueList<ActivityComparison>.From(changed), ValueList<PhaseComparison>.From(phases), unchanged);
    }

    /// <summary>
    /// Writes the comparison as a diff text, one line per difference: <c>+</c> added, <c>-</c> removed, <c>~</c> changed,
    /// <c>@</c> a phase, for example <c>~ [Do] "Checkout": KPI "Conversion" (%) 2.1 → 3.4 (+1.3)</c>.
    /// </summary>
    /// <returns>The text, lines ending in <c>\n</c>; only the two header lines when nothing differs.</returns>
    public string ToDiffText()
    {
        var text = new StringBuilder();
        text.Append("--- as-is ").Append(AsIs).Append('\n');
        text.Append("+++ to-be ").Append(ToBe).Append('\n');
        foreach (var a in Added)
        {
            text.Append("+ [").Append(a.Phase).Append("] ").Append(Quote(a.Name)).Append('\n');
        }

        foreach (var r in Removed)
        {
            text.Append("- [").Append(r.Phase).Append("] ").Append(Quote(r.Name)).Append('\n');
        }

        foreach (var c in Changed)
        {
            text.Append("~ [").Append(c.ToBe.Phase).Append("] ").Append(Quote(c.ToBe.Name)).Append(": ").Append(string.Join("; ", Describe(c))).Append('\n');
        }

        foreach (var p in Phases)
        {
            var parts = new List<string>();
            if (!p.InAsIs)
            {
                parts.Add("new phase");
            }
            else if (!p.InToBe)
            {
                parts.Add("phase dropped");
            }

            parts.Add($"{p.Added} added, {p.Removed} removed, {p.Changed} changed");
            parts.AddRange(p.Kpis.Where(k => k.Differs).Select(Describe));
            parts.AddRange(p.Emotions.Where(e => e.Differs).Select(Describe));
            text.Append("@ [").Append(p.Phase).Append("] ").Append(string.Join("; ", parts)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The parts of a changed activity's line in <see cref="ToDiffText"/>, for renderers that lay them out themselves.</summary>
    /// <param name="change">A changed activity.</param>
    /// <returns>One short phrase per difference, for example <c>phase "Think" → "Do"</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Describe(ActivityComparison change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var parts = new List<string>();
        if (change.Changes.HasFlag(ActivityChanges.Name))
        {
            parts.Add($"name {Quote(change.AsIs.Name)} → {Quote(change.ToBe.Name)}");
        }

        if (change.Changes.HasFlag(ActivityChanges.Phase))
        {
            parts.Add($"phase {Quote(change.AsIs.Phase)} → {Quote(change.ToBe.Phase)}");
        }

        foreach (var (flag, word) in new[] { (ActivityChanges.Kind, "kind"), (ActivityChanges.Details, "details"), (ActivityChanges.Widgets, "widgets") })
        {
            if (change.Changes.HasFlag(flag))
            {
                parts.Add(word + " changed");
            }
        }

        parts.AddRange(change.Kpis.Where(k => k.Differs).Select(Describe));
        parts.AddRange(change.Emotions.Where(e => e.Differs).Select(Describe));
        return parts;
    }

    /// <summary>
    /// A KPI delta as a phrase, for example <c>KPI "Conversion" (%) 2.1 → 3.4 (+1.3)</c>, with the target change when there
    /// is one; when neither side has a value the values are left out (<c>KPI "Conversion" (%) target 3 → 4 (+1)</c>).
    /// A phase's own KPI (<see cref="KpiSource.PhaseKpi"/>) is marked: <c>KPI "Conversion" (%) [phase KPI] 2.1 → 3.4 (+1.3)</c>.
    /// </summary>
    /// <param name="kpi">The delta.</param>
    /// <returns>The phrase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kpi"/> is <see langword="null"/>.</exception>
    public static string Describe(KpiDelta kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        var text = $"KPI {Quote(kpi.Title)}{(kpi.Unit.Length > 0 ? $" ({kpi.Unit})" : "")}{(kpi.Source == KpiSource.PhaseKpi ? " [phase KPI]" : "")}";
        // Neither side has a value: "none → none" says nothing, so only the target change (if any) is shown.
        var hasValues = kpi.AsIsValue is not null || kpi.ToBeValue is not null;
        if (hasValues)
        {
            text += $" {Number(kpi.AsIsValue)} → {Number(kpi.ToBeValue)}{Signed(kpi.ValueDelta)}";
        }

        return kpi.AsIsTarget != kpi.ToBeTarget ? text + $"{(hasValues ? "," : "")} target {Number(kpi.AsIsTarget)} → {Number(kpi.ToBeTarget)}{Signed(kpi.TargetDelta)}" : text;
    }

    /// <summary>An emotion delta as a phrase, for example <c>emotion of "First-time buyer" -1 → +1 (+2)</c>.</summary>
    /// <param name="emotion">The delta.</param>
    /// <returns>The phrase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="emotion"/> is <see langword="null"/>.</exception>
    public static string Describe(EmotionDelta emotion)
    {
        ArgumentNullException.ThrowIfNull(emotion);
        return $"emotion of {Quote(emotion.Persona)} {Score(emotion.AsIs)} → {Score(emotion.ToBe)}{Signed(emotion.Delta)}";
    }

    private static List<(ActivityId AsIs, ActivityId ToBe, MatchedBy By)> Match(Side before, Side after)
    {
        var pairs = new List<(ActivityId AsIs, ActivityId ToBe, MatchedBy By)>();
        var usedBefore = new HashSet<ActivityId>();
        var usedAfter = new HashSet<ActivityId>();
        void Take(ActivityId a, ActivityId b, MatchedBy by)
        {
            pairs.Add((a, b, by));
            usedBefore.Add(a);
            usedAfter.Add(b);
        }

        // 1. Explicit links from both sides, kept only where they exist and agree.
        var links = new HashSet<(ActivityId AsIs, ActivityId ToBe)>();
        if (before.Journey.Pairing is { } p1 && p1.Counterpart == after.Journey.Id)
        {
            links.UnionWith(p1.Matches.Select(m => (m.Activity, m.Counterpart)));
        }

        if (after.Journey.Pairing is { } p2 && p2.Counterpart == before.Journey.Id)
        {
            links.UnionWith(p2.Matches.Select(m => (m.Counterpart, m.Activity)));
        }

        links.RemoveWhere(l => !before.Has(l.AsIs) || !after.Has(l.ToBe));
        var countBefore = links.GroupBy(l => l.AsIs).ToDictionary(g => g.Key, g => g.Count());
        var countAfter = links.GroupBy(l => l.ToBe).ToDictionary(g => g.Key, g => g.Count());
        foreach (var a in before.Activities)
        {
            foreach (var link in links.Where(l => l.AsIs == a.Id && countBefore[l.AsIs] == 1 && countAfter[l.ToBe] == 1))
            {
                Take(link.AsIs, link.ToBe, MatchedBy.Link);
            }
        }

        // 2. The same id.
        foreach (var a in before.Activities)
        {
            if (!usedBefore.Contains(a.Id) && after.Has(a.Id) && !usedAfter.Contains(a.Id))
            {
                Take(a.Id, a.Id, MatchedBy.SameId);
            }
        }

        // 3. The same name in the same phase, unique on each side.
        var keyedAfter = after.Activities.Where(a => !usedAfter.Contains(a.Id)).GroupBy(after.NameKey).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        var keyedBefore = before.Activities.Where(a => !usedBefore.Contains(a.Id)).GroupBy(before.NameKey).Where(g => g.Count() == 1);
        foreach (var group in keyedBefore)
        {
            if (keyedAfter.TryGetValue(group.Key, out var b))
            {
                Take(group.Single().Id, b, MatchedBy.SameName);
            }
        }

        return pairs;
    }

    private static ActivityChanges Changes(Side before, Activity x, Side after, Activity y)
    {
        var changes = ActivityChanges.None;
        if (x.Name != y.Name)
        {
            changes |= ActivityChanges.Name;
        }

        if (x.Kind != y.Kind)
        {
            changes |= ActivityChanges.Kind;
        }

        if (Key(before.PhaseName(x)) != Key(after.PhaseName(y)))
        {
            changes |= ActivityChanges.Phase;
        }

        if (x.Details != y.Details)
        {
            changes |= ActivityChanges.Details;
        }

        if (!Plain(x).SequenceEqual(Plain(y)))
        {
            changes |= ActivityChanges.Widgets;
        }

        return changes;

        // Widget ids differ between journeys and emotions name personas by id: compare the rest by content.
        static IEnumerable<Widget> Plain(Activity a) => a.Widgets.Where(w => w is not EmotionWidget).Select(w => w with { Id = default });
    }

    private static List<KpiDelta> Kpis(List<(string Title, string Unit, decimal? Value, decimal? Target)> before, List<(string Title, string Unit, decimal? Value, decimal? Target)> after)
    {
        var result = new List<KpiDelta>();
        var afterByKey = after.GroupBy(m => (Key(m.Title), Key(m.Unit))).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<(string, string)>();
        foreach (var group in before.GroupBy(m => (Key(m.Title), Key(m.Unit))))
        {
            seen.Add(group.Key);
            var other = afterByKey.GetValueOrDefault(group.Key) ?? [];
            var first = group.First();
            result.Add(new KpiDelta(first.Title, first.Unit, Mean(group.Select(m => m.Value)), Mean(other.Select(m => m.Value)), Mean(group.Select(m => m.Target)), Mean(other.Select(m => m.Target))));
        }

        foreach (var group in after.GroupBy(m => (Key(m.Title), Key(m.Unit))).Where(g => !seen.Contains(g.Key)))
        {
            var first = group.First();
            result.Add(new KpiDelta(first.Title, first.Unit, null, Mean(group.Select(m => m.Value)), null, Mean(group.Select(m => m.Target))));
        }

        return result;
    }

    // A phase KPI paired on both sides (same title and unit, ignoring case, as activities' KPIs pair) is the phase's value;
    // for every other title and unit the phase's value is the mean over its activities, unless no activity has such a
    // metric: then the one-sided phase KPI is shown with the other side empty.
    private static List<KpiDelta> PhaseKpis(
        List<(string Title, string Unit, decimal? Value, decimal? Target)> beforeKpis,
        List<(string Title, string Unit, decimal? Value, decimal? Target)> afterKpis,
        List<(string Title, string Unit, decimal? Value, decimal? Target)> beforeActivities,
        List<(string Title, string Unit, decimal? Value, decimal? Target)> afterActivities)
    {
        static (string, string) KeyOf((string Title, string Unit, decimal? Value, decimal? Target) m) => (Key(m.Title), Key(m.Unit));
        var paired = beforeKpis.Select(KeyOf).ToHashSet();
        paired.IntersectWith(afterKpis.Select(KeyOf));
        var measured = beforeActivities.Concat(afterActivities).Select(KeyOf).ToHashSet();
        bool FromKpi((string Title, string Unit, decimal? Value, decimal? Target) m) => paired.Contains(KeyOf(m)) || !measured.Contains(KeyOf(m));
        var result = Kpis(beforeKpis.Where(FromKpi).ToList(), afterKpis.Where(FromKpi).ToList()).Select(k => k with { Source = KpiSource.PhaseKpi }).ToList();
        result.AddRange(Kpis(beforeActivities.Where(m => !paired.Contains(KeyOf(m))).ToList(), afterActivities.Where(m => !paired.Contains(KeyOf(m))).ToList()).Select(k => k with { Source = KpiSource.ActivityMean }));
        return result;
    }

    private static List<EmotionDelta> Emotions(List<(string Persona, int Score)> before, List<(string Persona, int Score)> after)
    {
        var result = new List<EmotionDelta>();
        var afterByKey = after.GroupBy(e => Key(e.Persona)).ToDictionary(g => g.Key, g => g.ToList());
        var seen = new HashSet<string>();
        foreach (var group in before.GroupBy(e => Key(e.Persona)))
        {
            seen.Add(group.Key);
            var other = afterByKey.GetValueOrDefault(group.Key) ?? [];
            result.Add(new EmotionDelta(group.First().Persona, Mean(group.Select(e => (decimal?)e.Score)), Mean(other.Select(e => (decimal?)e.Score))));
        }

        foreach (var group in after.GroupBy(e => Key(e.Persona)).Where(g => !seen.Contains(g.Key)))
        {
            result.Add(new EmotionDelta(group.First().Persona, null, Mean(group.Select(e => (decimal?)e.Score))));
        }

        return result;
    }

    private static List<PhaseComparison> ComparePhases(Side before, Side after, List<ActivityRef> added, List<ActivityRef> removed, List<ActivityComparison> changed)
    {
        var names = new List<(string Key, string Name)>();
        foreach (var phase in after.Journey.Phases.Concat(before.Journey.Phases))
        {
            if (!names.Any(n => n.Key == Key(phase.Name)))
            {
                names.Add((Key(phase.Name), phase.Name));
            }
        }

        var result = new List<PhaseComparison>();
        foreach (var (key, name) in names)
        {
            var inBefore = before.Journey.Phases.Any(p => Key(p.Name) == key);
            var inAfter = after.Journey.Phases.Any(p => Key(p.Name) == key);
            var x = before.Activities.Where(a => Key(before.PhaseName(a)) == key).ToList();
            var y = after.Activities.Where(a => Key(after.PhaseName(a)) == key).ToList();
            var kpis = PhaseKpis(
                Side.Metrics(before.Journey.Phases.Where(p => Key(p.Name) == key).SelectMany(p => p.Metrics)),
                Side.Metrics(after.Journey.Phases.Where(p => Key(p.Name) == key).SelectMany(p => p.Metrics)),
                Side.Metrics(x),
                Side.Metrics(y));
            var emotions = Emotions(before.Emotions(x), after.Emotions(y));
            var comparison = new PhaseComparison(
                name,
                inBefore,
                inAfter,
                added.Count(a => Key(a.Phase) == key),
                removed.Count(r => Key(r.Phase) == key),
                changed.Count(c => Key(c.AsIs.Phase) == key || Key(c.ToBe.Phase) == key),
                ValueList<KpiDelta>.From(kpis),
                ValueList<EmotionDelta>.From(emotions));
            if (inBefore != inAfter || comparison.Added + comparison.Removed + comparison.Changed > 0 || kpis.Any(k => k.Differs) || emotions.Any(e => e.Differs))
            {
                result.Add(comparison);
            }
        }

        return result;
    }

    private static decimal? Mean(IEnumerable<decimal?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (present.Count <= 1)
        {
            return present.Count == 0 ? null : present[0];
        }

        // Summing first is exact for every realistic value; near decimal's limit (±7.9e28) the sum could overflow, so
        // such values are divided first.
        return present.All(v => Math.Abs(v) < 1e26m) ? present.Sum() / present.Count : present.Sum(v => v / present.Count);
    }

    private static string Key(string name) => name.Trim().ToUpperInvariant();

    private static string Quote(string text) => "\"" + text + "\"";

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static string Score(decimal? value) => value is { } v ? (v > 0 ? "+" : "") + v.ToString(CultureInfo.InvariantCulture) : "none";

    private static string Signed(decimal? delta) => delta switch
    {
        null => "",
        0 => " (±0)",
        { } d => $" ({(d > 0 ? "+" : "")}{d.ToString(CultureInfo.InvariantCulture)})",
    };

    /// <summary>One journey of the comparison with the look-ups the rounds need.</summary>
    private sealed class Side(Journey journey)
    {
        private readonly Dictionary<PhaseId, string> _phaseNames = journey.Phases.ToDictionary(p => p.Id, p => p.Name);
        private readonly Dictionary<PersonaId, string> _personaNames = journey.Personas.ToDictionary(p => p.Id, p => p.Name);

        public Journey Journey { get; } = journey;

        public IReadOnlyList<Activity> Activities { get; } = journey.Activities.ToList();

        public bool Has(ActivityId id) => Journey.TryGetActivity(id, out _);

        public Activity Get(ActivityId id) => Journey.TryGetActivity(id, out var a) ? a : throw new InvalidOperationException($"Activity {id} vanished during the comparison.");

        public string PhaseName(Activity a) => _phaseNames[a.PhaseId];

        public (string, string) NameKey(Activity a) => (Key(PhaseName(a)), Key(a.Name));

        public ActivityRef Ref(Activity a) => new(a.Id, a.Name, PhaseName(a));

        public static List<(string Title, string Unit, decimal? Value, decimal? Target)> Metrics(IEnumerable<Activity> activities) =>
            Metrics(activities.SelectMany(a => a.Widgets.OfType<MetricWidget>()));

        public static List<(string Title, string Unit, decimal? Value, decimal? Target)> Metrics(IEnumerable<MetricWidget> metrics) =>
            metrics.Select(m => (m.Title, m.Unit, m.Observations.Latest?.Value, m.Target)).ToList();

        public List<(string Persona, int Score)> Emotions(IEnumerable<Activity> activities) =>
            activities.SelectMany(a => a.Widgets.OfType<EmotionWidget>()).Select(e => (_personaNames[e.Persona], e.AsIs.Value)).ToList();
    }
}
