using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="StaleMetricRule"/>.</summary>
public sealed record StaleMetricSettings : RuleSettings
{
    /// <summary>How many whole days may pass after a metric's latest observation before its data counts as stale. Default 30. Range: 1 to 36600; outside it the engine refuses the settings.</summary>
    public int Days { get; init; } = 30;

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(Days), Days, 1, 36600);
}

/// <summary>
/// <c>metric.stale</c>: a metric of a live (not retired) activity has had no observation for more than the set number
/// of days. Metrics that never had an observation are not flagged. Time-based: rechecked when the next metric would go stale.
/// </summary>
public sealed class StaleMetricRule : WarningRule<StaleMetricSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.stale");

    /// <summary>Creates the rule.</summary>
    public StaleMetricRule()
        : base(RuleId, "No recent observation", SubjectKind.Activity, WarningSeverity.Warning, new StaleMetricSettings(), RuleInputs.Time)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, StaleMetricSettings settings)
    {
        var activity = context.Activity!;
        if (activity.Details.Status == ActivityStatus.Retired)
        {
            return RuleResult.None;
        }

        MetricWidget? oldest = null;
        LocalDate oldestDate = default;
        var stale = 0;

        // Day numbers instead of calendar arithmetic per metric: journey dates are ISO dates (refused otherwise).
        var today = DayNumber(context.Today);
        var limit = settings.Days + 1;
        long? nextStaleDay = null;
        foreach (var widget in activity.Widgets.AsSpan())
        {
            if (widget is not MetricWidget metric || metric.Observations.Latest is not { } latest)
            {
                continue;
            }

            var staleFrom = DayNumber(latest.Date) + limit;
            if (today >= staleFrom)
            {
                stale++;
                if (oldest is null || latest.Date < oldestDate)
                {
                    (oldest, oldestDate) = (metric, latest.Date);
                }
            }
            else if (nextStaleDay is null || staleFrom < nextStaleDay)
            {
                nextStaleDay = staleFrom;
            }
        }

        Instant? recheck = nextStaleDay is { } day ? StartOf(context, day) : null;
        if (oldest is null)
        {
            return new RuleResult(null, recheck);
        }

        var found = new Found(oldest.Title, oldestDate, settings.Days, stale);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence()).WithRecheckAt(recheck);
    }

    /// <summary>Days since 0001-01-01 of an ISO date, proleptic Gregorian; negative before it.</summary>
    private static long DayNumber(LocalDate date) =>
        date.Year >= 1 ? date.ToDateOnly().DayNumber : Period.DaysBetween(new LocalDate(1, 1, 1), date);

    /// <summary>The instant the day with this day number begins in the context's zone.</summary>
    private static Instant StartOf(in RuleContext context, long dayNumber)
    {
        const long UnixEpochDay = 719_162;
        if (ReferenceEquals(context.Zone, DateTimeZone.Utc))
        {
            return Instant.FromUnixTimeSeconds((dayNumber - UnixEpochDay) * 86_400);
        }

        return context.StartOf(new LocalDate(1, 1, 1).PlusDays(checked((int)dayNumber)));
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Title, LocalDate Latest, int Days, int Stale)
    {
        public string Message() => $"{Title} has had no observation since {Say.Date(Latest)} — limit {Say.Count(Days, "day")}{Say.More(Stale - 1, "metric")}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("metric", Title),
            WarningEvidence.Of("latest observation", Latest),
            WarningEvidence.Of("limit days", Days),
            WarningEvidence.Of("stale metrics", Stale));
    }
}
