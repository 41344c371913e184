using NodaTime;

namespace OutOfDark.Samples.CrmIntegration;

/// <summary>What the CRM's nightly sync writes into the journey: fresh case statistics per activity.</summary>
internal static class CrmSync
{
    public static readonly Actor Actor = new("crm-sync");

    /// <summary>Adds the case-statistics widgets, or replaces their numbers, through the journey's commands.</summary>
    public static void Apply(Journey journey, LocalDate asOf, (WidgetId Widget, ActivityId Activity, string Queue, int Open, int Closed, int Customers, decimal MedianHours)[] stats)
    {
        foreach (var s in stats)
        {
            var widget = new CaseStatsWidget(s.Widget, "Support cases")
            {
                OpenCases = s.Open,
                ClosedLast30Days = s.Closed,
                Customers = s.Customers,
                MedianHoursToClose = s.MedianHours,
                Queue = s.Queue,
                AsOf = asOf,
            };
            if (journey.FindWidget(s.Widget, out _) is null)
            {
                journey.AddWidget(Actor, s.Activity, widget, "CRM sync");
            }
            else
            {
                journey.ChangeWidget(Actor, widget, "CRM sync");
            }
        }
    }
}
