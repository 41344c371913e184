using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="NotUpdatedRule"/>.</summary>
public sealed record NotUpdatedSettings : RuleSettings
{
    /// <summary>How many days may pass since the activity or one of its widgets last changed. Default 90. Range: 1 to 36600; outside it the engine refuses the settings.</summary>
    public int Days { get; init; } = 90;

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(Days), Days, 1, 36600);
}

/// <summary>
/// <c>activity.not-updated</c>: a live (not retired) activity has not changed (itself or its widgets, observations
/// included) for at least the set number of days (24-hour days from its last change). Time-based.
/// </summary>
public sealed class NotUpdatedRule : WarningRule<NotUpdatedSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("activity.not-updated");

    /// <summary>Creates the rule.</summary>
    public NotUpdatedRule()
        : base(RuleId, "Activity not updated", SubjectKind.Activity, WarningSeverity.Info, new NotUpdatedSettings(), RuleInputs.Time)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, NotUpdatedSettings settings)
    {
        var activity = context.Activity!;
        if (activity.Details.Status == ActivityStatus.Retired)
        {
            return RuleResult.None;
        }

        var due = activity.LastChangedAt + Duration.FromDays(settings.Days);
        if (context.Now < due)
        {
            return new RuleResult(null, due);
        }

        var found = new Found(activity.Name, activity.LastChangedAt, activity.LastChangedAt.InZone(context.Zone).Date, settings.Days);
        return context.Raise(WarningSeverity.Info, found, static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Name, Instant LastChanged, LocalDate Since, int Days)
    {
        public string Message() => $"'{Name}' has not been updated since {Say.Date(Since)} — limit {Say.Count(Days, "day")}";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(
            WarningEvidence.Of("last changed", LastChanged),
            WarningEvidence.Of("limit days", Days));
    }
}
