using System;

namespace OutOfDark.Warnings;

/// <summary>Which segments of a metric a metric rule evaluates besides the metric's own series (all customers).</summary>
public enum SegmentSplit
{
    /// <summary>The metric's own series only (all customers). The default.</summary>
    None = 0,

    /// <summary>Every segment recorded on the metric too, each as its own series with its own warning.</summary>
    EverySegment = 1,

    /// <summary>The segments that cut by every one of <see cref="MetricRuleSettings.SplitKeys"/> too.</summary>
    Dimensions = 2,
}

/// <summary>
/// The settings every metric rule (<c>metric.threshold</c>, <c>metric.trend</c>, <c>metric.stale</c>,
/// <c>metric.baseline</c>) shares: which segments it evaluates. Per segment, the rule judges that segment's series
/// exactly as it judges the metric's, and raises one warning per (metric, segment) whose subject carries the segment
/// (<see cref="WarningSubject.Segment"/>), so acknowledgements and snoozes hold per segment.
/// </summary>
public abstract record MetricRuleSettings : RuleSettings
{
    /// <summary>Which segments are evaluated besides the metric's own series. Default <see cref="SegmentSplit.None"/>.</summary>
    public SegmentSplit SplitBy { get; init; }

    /// <summary>
    /// With <see cref="SegmentSplit.Dimensions"/>: the dimension keys a segment must cut by (all of them), for example
    /// <c>["region"]</c>; 1 to <see cref="Segment.MaxDimensions"/> keys, each 1 to 500 characters, not blank, no key twice.
    /// Must be empty otherwise. Default empty.
    /// </summary>
    public ValueList<string> SplitKeys { get; init; } = ValueList<string>.Empty;

    /// <inheritdoc />
    public override string? Validate()
    {
        if (!Enum.IsDefined(SplitBy))
        {
            return $"{nameof(SplitBy)} is {(int)SplitBy}; it must be None, EverySegment or Dimensions.";
        }

        if (SplitKeys is null)
        {
            return $"{nameof(SplitKeys)} is null; give a list of dimension keys, or an empty one.";
        }

        var keys = SplitKeys.AsSpan();
        if (SplitBy != SegmentSplit.Dimensions)
        {
            return keys.Length == 0 ? null
                : $"{nameof(SplitKeys)} names {keys.Length} dimension key(s) but {nameof(SplitBy)} is {SplitBy}; set {nameof(SplitBy)} to Dimensions or leave {nameof(SplitKeys)} empty.";
        }

        if (keys.Length is 0 or > Segment.MaxDimensions)
        {
            return $"{nameof(SplitBy)} is Dimensions but {nameof(SplitKeys)} has {keys.Length} keys; give 1 to {Segment.MaxDimensions} dimension keys, for example [\"region\"].";
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i]) || keys[i].Length > 500)
            {
                return $"{nameof(SplitKeys)}[{i}] is {(keys[i] is null ? "null" : $"'{keys[i]}'")}; a dimension key is 1 to 500 characters and not blank, for example \"region\".";
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(keys[i], keys[j], StringComparison.Ordinal))
                {
                    return $"{nameof(SplitKeys)} names '{keys[i]}' twice; name each dimension key once.";
                }
            }
        }

        return null;
    }

    /// <summary>Whether the rule evaluates <paramref name="segment"/> as its own series under these settings.</summary>
    /// <param name="segment">A segment recorded on the metric.</param>
    /// <returns><see langword="true"/> when it is evaluated.</returns>
    internal bool Splits(Segment segment)
    {
        switch (SplitBy)
        {
            case SegmentSplit.EverySegment:
                return !segment.IsAll;
            case SegmentSplit.Dimensions:
                foreach (var key in SplitKeys.AsSpan())
                {
                    if (segment[key] is null)
                    {
                        return false;
                    }
                }

                return !segment.IsAll;
            default:
                return false;
        }
    }
}
