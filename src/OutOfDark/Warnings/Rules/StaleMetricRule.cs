using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="StaleMetricRule"/>.</summary>
public sealed record StaleMetricSettings : MetricRuleSettings
{
    /// <summary>How many whole days may pass after a metric's latest observation before its data counts as stale. Default 30. Range: 1 to 36600; outside it the engine refuses the settings.</summary>
    public int Days { get; init; } = 30;

    /// <inheritdoc />
    public override string? Validate() => base.Validate() ?? Range(nameof(Days), Days, 1, 36600);
}

/// <summary>
/// <c>metric.stale</c>: a metric of a live (not retired) activity has had no observation for more than the set number
/// of days; one warning per metric. Metrics that never had an observation are not flagged. Time-based: rechecked on the day the metric goes stale.
/// </summary>
public sealed class StaleMetricRule : WarningRule<StaleMetricSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.stale");

    /// <summary>Creates the rule.</summary>
    public StaleMetricRule()
        : base(RuleId, "No recent observation", SubjectKind.Metric, WarningSeverity.Warning, new StaleMetricSettings(), RuleInputs.Time)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, StaleMetricSettings settings)
    {
        if (context.Activity?.Details.Status == ActivityStatus.Retired || context.Series!.Latest is not { } latest)
        {
            return RuleResult.None;
        }

        // On day numbers (ISO dates; other calendars take the calendar's arithmetic): a metric that is not stale costs
        // two date conversions, not calendar arithmetic and a time-zone conversion.
        var observed = latest.Date;
        if (IsIsoFromYearOne(observed) && TodayNumber(context.Today) is var today && today >= 0)
        {
            var staleDay = DayNumber(observed) + settings.Days + 1;
            if (today < staleDay)
            {
                return new RuleResult(null, ReferenceEquals(context.Zone, DateTimeZone.Utc)
                    ? Instant.FromUnixTimeSeconds((staleDay - UnixEpochDay) * (long)NodaConstants.SecondsPerDay)
                    : context.StartOf(LocalDate.FromDateOnly(System.DateOnly.FromDayNumber(staleDay))));
            }
        }
        else
        {
            var staleFrom = observed.PlusDays(settings.Days + 1);
            if (context.Today < staleFrom)
            {
                return new RuleResult(null, context.StartOf(staleFrom));
            }
        }

        var found = new Found(context.MetricTitle, latest.Date, settings.Days);
        return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>The day number (<see cref="System.DateOnly.DayNumber"/>) of 1970-01-01, where Unix time begins.</summary>
    private static readonly int UnixEpochDay = new System.DateOnly(1970, 1, 1).DayNumber;

    /// <summary>Whether a date has a day number: an ISO date in year 1 or later.</summary>
    private static bool IsIsoFromYearOne(LocalDate date) => date.Year >= 1 && date.Calendar == CalendarSystem.Iso;

    /// <summary>The last date <see cref="TodayNumber"/> worked out, with its day number: every check of an evaluation asks for the same today.</summary>
    private static Day? _lastToday;

    /// <summary>Today's day number (see <see cref="DayNumber"/>), or -1 when it has none; the last one asked for is kept (an immutable pair, so threads may share it).</summary>
    private static int TodayNumber(LocalDate today)
    {
        if (_lastToday is { } last && last.Date == today)
        {
            return last.Number;
        }

        var number = IsIsoFromYearOne(today) ? DayNumber(today) : -1;
        _lastToday = new Day(today, number);
        return number;
    }

    /// <summary>A date and its day number (-1 when it has none).</summary>
    private sealed record Day(LocalDate Date, int Number);

    /// <summary>An ISO date's day number: days since 0001-01-01.</summary>
    private static int DayNumber(LocalDate date) => new System.DateOnly(date.Year, date.Month, date.Day).DayNumber;

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Title, LocalDate Latest, int Days)
    {
        public string Message() => $"{Title} has had no observation since {Say.Date(Latest)} — limit {Say.Count(Days, "day")}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("metric", Title),
            WarningEvidence.Of("latest observation", Latest),
            WarningEvidence.Of("limit days", Days));
    }
}
