using System;
using NodaTime;
using OutOfDark;
using OutOfDark.History;

// A first journey: phases, an activity with a metric, a few observations, and the history they leave.
var clock = SystemClock.Instance;
var journey = Journey.Create(WorkspaceId.New(), "Online store", "quickstart", clock);
var phases = journey.AddPhases("quickstart", PhaseTemplate.SeeThinkDoCare);
var newsletter = journey.AddActivity("quickstart", phases[0], "Newsletter", details: ActivityDetails.Empty with { Owner = "Marketing", Status = ActivityStatus.Active });
var openRate = journey.AddWidget("quickstart", newsletter, new MetricWidget(WidgetId.New(), "Open rate")
{
    Unit = "%",
    Kind = MetricKind.Percentage,
    Target = 25,
    WarningThreshold = 18,
    CriticalThreshold = 12,
});
var today = clock.GetCurrentInstant().InUtc().Date;
for (var day = 0; day < 5; day++)
{
    journey.RecordObservation("quickstart", openRate, today.PlusDays(day - 5), 24m - (3 * day));
}

Console.WriteLine(journey);
foreach (var entry in new JourneyHistory(journey.PendingEvents, clock).Entries)
{
    Console.WriteLine(entry);
}
