namespace OutOfDark;

/// <summary>A metric's observations for one segment of customers: the same one-per-date series as the metric's own, for that slice only.</summary>
/// <param name="Segment">The segment; never <see cref="Segment.All"/> (the metric's own <see cref="MetricWidget.Observations"/> are all customers).</param>
/// <param name="Observations">The observations, in date order.</param>
public sealed record SegmentSeries(Segment Segment, ObservationSeries Observations);
