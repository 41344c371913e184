using System;

namespace OutOfDark.Comparison;

/// <summary>How <see cref="JourneyComparison.Compare"/> matched an as-is activity with a to-be activity.</summary>
public enum MatchedBy
{
    /// <summary>An explicit match (<see cref="Journey.MatchActivity"/>) held by either journey of the pair.</summary>
    Link,

    /// <summary>The same activity id on both sides: comparing a journey with an earlier version of itself, or a copy.</summary>
    SameId,

    /// <summary>The fallback: the same activity name in a phase of the same name, each unique on its side (names compared ignoring case and surrounding spaces).</summary>
    SameName,
}

/// <summary>What differs between two matched activities, besides their KPI and emotion values.</summary>
[Flags]
public enum ActivityChanges
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The name (compared exactly).</summary>
    Name = 1,

    /// <summary>The kind (touchpoint, milestone, …).</summary>
    Kind = 2,

    /// <summary>The phase, by name (ignoring case and surrounding spaces).</summary>
    Phase = 4,

    /// <summary>The details: description, channels, owner, team, status, planned dates or tags.</summary>
    Details = 8,

    /// <summary>The Detail view's widgets other than emotions (compared by content and order, ignoring widget ids).</summary>
    Widgets = 16,
}

/// <summary>An activity as the comparison names it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The activity's id in its journey.</param>
/// <param name="Name">Its name.</param>
/// <param name="Phase">The name of its phase.</param>
public sealed record ActivityRef(ActivityId Id, string Name, string Phase);

/// <summary>
/// One KPI on both sides: the latest observation and the target of the as-is and the to-be metric of the same title
/// and unit (ignoring case). A side without the metric, an observation or a target has <see langword="null"/> there.
/// At phase level the value is the phase's own KPI of that title and unit when both sides' phases have one, else the mean
/// of the latest values of the phase's activities' metrics of that title and unit; <see cref="Source"/> says which.
/// </summary>
/// <remarks>Values are in the metric's unit, exact decimals. Immutable and thread-safe.</remarks>
/// <param name="Title">The metric's title (the as-is one's spelling when both exist).</param>
/// <param name="Unit">The metric's unit.</param>
/// <param name="AsIsValue">The as-is value.</param>
/// <param name="ToBeValue">The to-be value.</param>
/// <param name="AsIsTarget">The as-is target.</param>
/// <param name="ToBeTarget">The to-be target.</param>
public sealed record KpiDelta(string Title, string Unit, decimal? AsIsValue, decimal? ToBeValue, decimal? AsIsTarget, decimal? ToBeTarget)
{
    /// <summary>
    /// Where the values come from: <see cref="KpiSource.ActivityMetric"/> (the default) for an activity's KPIs; at phase
    /// level <see cref="KpiSource.PhaseKpi"/> or <see cref="KpiSource.ActivityMean"/>.
    /// </summary>
    public KpiSource Source { get; init; }

    /// <summary>To-be value − as-is value, or <see langword="null"/> when a side has no value.</summary>
    public decimal? ValueDelta => ToBeValue - AsIsValue;

    /// <summary>To-be target − as-is target, or <see langword="null"/> when a side has no target.</summary>
    public decimal? TargetDelta => ToBeTarget - AsIsTarget;

    /// <summary>Whether the two sides differ: a value or target on one side only, or different values or targets.</summary>
    public bool Differs => AsIsValue != ToBeValue || AsIsTarget != ToBeTarget;

    /// <summary>The same KPI seen from the other side: as-is and to-be swapped, so every delta is negated.</summary>
    /// <returns>The swapped delta.</returns>
    public KpiDelta Swapped() => new(Title, Unit, ToBeValue, AsIsValue, ToBeTarget, AsIsTarget) { Source = Source };
}

/// <summary>
/// How a persona feels on both sides: each journey's own emotion score (an emotion widget's <c>AsIs</c>, −2 to +2: the
/// as-is journey maps today, the to-be journey the future) for the persona of the same name (ignoring case). At phase
/// level a score is the mean over the phase's activities.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Persona">The persona's name.</param>
/// <param name="AsIs">The as-is score, or <see langword="null"/> when the as-is side has none.</param>
/// <param name="ToBe">The to-be score, or <see langword="null"/> when the to-be side has none.</param>
public sealed record EmotionDelta(string Persona, decimal? AsIs, decimal? ToBe)
{
    /// <summary>To-be − as-is, or <see langword="null"/> when a side has no score.</summary>
    public decimal? Delta => ToBe - AsIs;

    /// <summary>Whether the two sides differ.</summary>
    public bool Differs => AsIs != ToBe;

    /// <summary>The same emotion seen from the other side.</summary>
    /// <returns>The swapped delta.</returns>
    public EmotionDelta Swapped() => new(Persona, ToBe, AsIs);
}

/// <summary>A matched pair of activities that differ.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="AsIs">The as-is activity.</param>
/// <param name="ToBe">The to-be activity.</param>
/// <param name="MatchedBy">How the two were matched.</param>
/// <param name="Changes">What differs besides KPI and emotion values.</param>
/// <param name="Kpis">Every KPI of either activity, as-is order first.</param>
/// <param name="Emotions">Every persona's emotion on either activity, as-is order first.</param>
public sealed record ActivityComparison(ActivityRef AsIs, ActivityRef ToBe, MatchedBy MatchedBy, ActivityChanges Changes, ValueList<KpiDelta> Kpis, ValueList<EmotionDelta> Emotions)
{
    /// <summary>The same pair seen from the other side.</summary>
    /// <returns>The swapped comparison.</returns>
    public ActivityComparison Swapped() =>
        new(ToBe, AsIs, MatchedBy, Changes, ValueList<KpiDelta>.From(System.Linq.Enumerable.Select(Kpis, k => k.Swapped())), ValueList<EmotionDelta>.From(System.Linq.Enumerable.Select(Emotions, e => e.Swapped())));
}

/// <summary>A phase (matched by name, ignoring case) where something differs.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Phase">The phase's name (the to-be spelling when both exist).</param>
/// <param name="InAsIs">Whether the as-is journey has the phase.</param>
/// <param name="InToBe">Whether the to-be journey has the phase.</param>
/// <param name="Added">The number of added activities in the phase.</param>
/// <param name="Removed">The number of removed activities in the phase.</param>
/// <param name="Changed">The number of changed activities in the phase on either side (a pair that moved between phases counts in both).</param>
/// <param name="Kpis">The phase's KPIs per title and unit: first those from the phases' own KPIs
/// (<see cref="KpiSource.PhaseKpi"/>: both sides' phases have one of that title and unit, or one side's has one and no
/// activity metric shares its title and unit), then the mean of its activities' latest values and targets for the rest
/// (<see cref="KpiSource.ActivityMean"/>).</param>
/// <param name="Emotions">Per persona, the mean emotion score of its activities.</param>
public sealed record PhaseComparison(string Phase, bool InAsIs, bool InToBe, int Added, int Removed, int Changed, ValueList<KpiDelta> Kpis, ValueList<EmotionDelta> Emotions);
