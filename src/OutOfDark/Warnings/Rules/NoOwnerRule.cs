namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="NoOwnerRule"/>.</summary>
public sealed record NoOwnerSettings : RuleSettings
{
    /// <summary>Whether a team counts as an owner when no person is named. Default false.</summary>
    public bool AcceptTeam { get; init; }
}

/// <summary><c>activity.no-owner</c>: a live (not retired) activity has nobody accountable for it.</summary>
public sealed class NoOwnerRule : WarningRule<NoOwnerSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("activity.no-owner");

    /// <summary>Creates the rule.</summary>
    public NoOwnerRule()
        : base(RuleId, "No owner", SubjectKind.Activity, WarningSeverity.Warning, new NoOwnerSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, NoOwnerSettings settings)
    {
        var activity = context.Activity!;
        var details = activity.Details;
        if (details.Status == ActivityStatus.Retired || details.Owner is not null || (settings.AcceptTeam && details.Team is not null))
        {
            return RuleResult.None;
        }

        return context.Raise(WarningSeverity.Warning, new Found(activity.Name, settings.AcceptTeam, details.Status), static f => f.Message(), static f => f.Evidence());
    }

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Name, bool AcceptTeam, ActivityStatus Status)
    {
        public string Message() => AcceptTeam ? $"'{Name}' has no owner or team" : $"'{Name}' has no owner";

        public ValueList<WarningEvidence> Evidence() => ValueList<WarningEvidence>.Of(WarningEvidence.Of("status", Status.ToString()));
    }
}
