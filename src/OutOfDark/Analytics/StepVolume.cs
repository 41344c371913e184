using Ardalis.GuardClauses;

namespace OutOfDark;

/// <summary>
/// How many customers a funnel step sees: the latest value of the activity's first metric of kind
/// <see cref="MetricKind.Count"/>, in widget order. An activity without such a metric, or whose metric has no
/// observation yet, has no volume and is left out of funnel figures.
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
            if (widget is MetricWidget { Kind: MetricKind.Count } metric)
            {
                return metric.Observations.Latest?.Value;
            }
        }

        return null;
    }
}
