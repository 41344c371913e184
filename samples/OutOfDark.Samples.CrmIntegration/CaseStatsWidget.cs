using NodaTime;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>
/// A custom widget kind: the CRM's support-case statistics for the customers who go through an activity. The CRM sync
/// replaces it with fresh numbers; the <see cref="OpenCasesRule"/> reads it.
/// </summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The widget's title.</param>
[WidgetKind("crm.case-stats")]
public sealed record CaseStatsWidget(WidgetId Id, string Title) : Widget(Id, Title)
{
    /// <summary>Cases still open.</summary>
    public int OpenCases { get; init; }

    /// <summary>Cases closed in the last 30 days.</summary>
    public int ClosedLast30Days { get; init; }

    /// <summary>Customers who went through the activity in the last 30 days.</summary>
    public int Customers { get; init; }

    /// <summary>The median time to close a case, in hours.</summary>
    public decimal MedianHoursToClose { get; init; }

    /// <summary>The CRM queue the cases sit in.</summary>
    public string Queue { get; init; } = "";

    /// <summary>When the CRM computed the numbers.</summary>
    public LocalDate AsOf { get; init; }

    /// <summary>Open cases per 1,000 customers, or <see langword="null"/> without customers.</summary>
    public decimal? OpenCasesPerThousand => Customers == 0 ? null : decimal.Round(OpenCases * 1000m / Customers, 1);

    /// <inheritdoc />
    protected override string? Validate() =>
        OpenCases < 0 || ClosedLast30Days < 0 || Customers < 0 ? "Case counts and customer counts cannot be negative."
        : MedianHoursToClose < 0 ? "The median time to close cannot be negative."
        : Queue is null || Queue.Length > 200 ? "The queue name must be present and at most 200 characters."
        : null;
}
