using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="OverdueRule"/>.</summary>
public sealed record OverdueSettings : RuleSettings
{
    /// <summary>Days of grace after a planned date before the activity counts as overdue. Default 0. Range: 0 to 36600; outside it the engine refuses the settings.</summary>
    public int GraceDays { get; init; }

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(GraceDays), GraceDays, 0, 36600);
}

/// <summary>
/// <c>activity.overdue</c>: an activity missed its schedule — its planned end has passed (plus grace) and it is not
/// retired, or its planned start has passed (plus grace) and it is still planned. Time-based: rechecked when the next
/// planned date passes.
/// </summary>
public sealed class OverdueRule : WarningRule<OverdueSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("activity.overdue");

    /// <summary>Creates the rule.</summary>
    public OverdueRule()
        : base(RuleId, "Planned activity overdue", SubjectKind.Activity, WarningSeverity.Warning, new OverdueSettings(), RuleInputs.Time)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, OverdueSettings settings)
    {
        var activity = context.Activity!;
        var details = activity.Details;
        if (details.Status == ActivityStatus.Retired)
        {
            return RuleResult.None;
        }

        // Overdue from the first day after the planned date plus grace.
        LocalDate? endOverdueFrom = details.PlannedEnd?.PlusDays(settings.GraceDays + 1);
        LocalDate? startOverdueFrom = details.Status == ActivityStatus.Planned ? details.PlannedStart?.PlusDays(settings.GraceDays + 1) : null;
        var today = context.Today;
        var recheck = Later(endOverdueFrom, startOverdueFrom, today) is { } next ? context.StartOf(next) : (Instant?)null;

        if (endOverdueFrom is { } end && today >= end)
        {
            var found = new Found(activity.Name, true, details.PlannedEnd!.Value, details.Status, settings.GraceDays);
            return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence()).WithRecheckAt(recheck);
        }

        if (startOverdueFrom is { } start && today >= start)
        {
            var found = new Found(activity.Name, false, details.PlannedStart!.Value, details.Status, settings.GraceDays);
            return context.Raise(WarningSeverity.Warning, found, static f => f.Message(), static f => f.Evidence()).WithRecheckAt(recheck);
        }

        return new RuleResult(null, recheck);
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Name, bool End, LocalDate Planned, ActivityStatus Status, int GraceDays)
    {
        public string Message() => End
            ? $"'{Name}' was planned to end on {Say.Date(Planned)} and is still {Status.ToString().ToLowerInvariant()}"
            : $"'{Name}' was planned to start on {Say.Date(Planned)} and is still planned";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of(End ? "planned end" : "planned start", Planned),
            WarningEvidence.Of("status", Status.ToString()),
            WarningEvidence.Of("grace days", GraceDays));
    }

    private static LocalDate? Later(LocalDate? a, LocalDate? b, LocalDate today)
    {
        // The earliest of the dates still to come: when the result may next change.
        a = a > today ? a : null;
        b = b > today ? b : null;
        return a is { } x && b is { } y ? (x < y ? x : y) : a ?? b;
    }
}
