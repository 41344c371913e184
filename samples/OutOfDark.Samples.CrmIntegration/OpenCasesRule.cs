using OutOfDark.Warnings;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>Settings of <see cref="OpenCasesRule"/>; read from configuration under <c>OutOfDark:Rules:crm.open-cases</c>.</summary>
public sealed record OpenCasesSettings : RuleSettings
{
    /// <summary>Open cases per 1,000 customers above which the activity needs attention.</summary>
    public decimal WarningPerThousand { get; init; } = 5;

    /// <summary>Open cases per 1,000 customers above which it needs action now.</summary>
    public decimal CriticalPerThousand { get; init; } = 10;

    /// <summary>Fewer customers than this are too few to judge.</summary>
    public int MinimumCustomers { get; init; } = 100;
}

/// <summary>
/// A custom warning rule written in code: too many open support cases per 1,000 customers at an activity, from the
/// CRM's <see cref="CaseStatsWidget"/>s.
/// </summary>
public sealed class OpenCasesRule : WarningRule<OpenCasesSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("crm.open-cases");

    /// <summary>Creates the rule with its default settings.</summary>
    public OpenCasesRule()
        : base(RuleId, "Open support cases per 1,000 customers", SubjectKind.Activity, WarningSeverity.Warning, new OpenCasesSettings())
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, OpenCasesSettings settings)
    {
        var activity = context.Activity!;
        CaseStatsWidget? worst = null;
        foreach (var widget in activity.Widgets)
        {
            if (widget is CaseStatsWidget { Customers: var customers } stats && customers >= settings.MinimumCustomers
                && (worst is null || stats.OpenCasesPerThousand > worst.OpenCasesPerThousand))
            {
                worst = stats;
            }
        }

        if (worst?.OpenCasesPerThousand is not { } rate || rate <= settings.WarningPerThousand)
        {
            return RuleResult.None;
        }

        var critical = rate > settings.CriticalPerThousand;
        var limit = critical ? settings.CriticalPerThousand : settings.WarningPerThousand;
        return context.Raise(
            critical ? WarningSeverity.Critical : WarningSeverity.Warning,
            $"{worst.OpenCases} open support cases for {worst.Customers:N0} customers at '{activity.Name}': {rate} per 1,000 — {(critical ? "critical" : "warning")} limit {limit}",
            WarningEvidence.Of("open cases", worst.OpenCases),
            WarningEvidence.Of("customers", worst.Customers),
            WarningEvidence.Of("open cases per 1,000", rate),
            WarningEvidence.Of("limit", limit),
            WarningEvidence.Of("queue", worst.Queue),
            WarningEvidence.Of("as of", worst.AsOf));
    }
}
