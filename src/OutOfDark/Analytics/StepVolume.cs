using Ardalis.GuardClauses;

namespace OutOfDark;

/// <summary>
/// How many customers a funnel step sees: the latest value of the activity's first metric of kind
/// <see cref="MetricKind.Count"/> whose direction is <see cref="MetricDirection.HigherIsBetter"/>, in widget order. A
/// count where fewer is better (complaints, errors, minutes waited) is not the number of customers reaching a step, so
/// it is never a volume. An activity without such a metric, or whose metric has no observation yet, has no volume and
/// is left out of funnel figures (the funnel chart and the <c>funnel.drop-off</c> rule).
/// </summary>
public static class StepVolume
{
    /// <summary>The volume of an activity as a funnel step.</summary>
    /// <param name="activity">The activity.</param>
    /// <returns>The volume, or <see langword="null"/> when it has none.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="activity"/> is <see langword="null"/>.</exception>
    public static decimal? Of(Activity activity)
    {
        Guard.Against.Null(activity);
        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget is MetricWidget { Kind: MetricKind.Count, Direction: MetricDirection.HigherIsBetter } metric)
            {
                return metric.Observations.Latest?.Value;
            }
        }

        return null;
    }
}
