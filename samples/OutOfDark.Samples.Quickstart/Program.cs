using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Quickstart;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Warnings;

// The quickstart: map an online store's customer journey, store it, find what needs attention, and write a report.
// Run it again to let a week pass: it opens the same database, records the new week's numbers and shows what changed.
var started = Stopwatch.StartNew();
if (args.Length > 0 && args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: dotnet run --project samples/OutOfDark.Samples.Quickstart [-- --output <folder>]");
    Console.WriteLine("Writes online-store.db, report.html, map.svg, journey.mmd and mindmap.mmd to the folder (default: ./outofdark-quickstart).");
    return 0;
}

string output;
if (args is ["--output", { Length: > 0 } folder])
{
    output = Path.GetFullPath(folder);
}
else if (args.Length == 0)
{
    output = Path.GetFullPath("outofdark-quickstart");
}
else
{
    Console.Error.WriteLine($"Unexpected arguments: {string.Join(' ', args)}. Usage: dotnet run --project samples/OutOfDark.Samples.Quickstart [-- --output <folder>]");
    return 2;
}

Directory.CreateDirectory(output);
var database = Path.Combine(output, "online-store.db");
var clock = new FakeClock(OnlineStoreJourney.CreatedAt);
await using var store = new SqliteJourneyStore(database, clock);

Console.WriteLine("OutOfDark quickstart");
Console.WriteLine($"Output folder: {output}");
Console.WriteLine();

var existing = await store.ListAsync(OnlineStoreJourney.Workspace);
Journey journey;
WarningEngine engine;
if (existing.All(s => s.JourneyId != OnlineStoreJourney.Id))
{
    // First run: map the journey with 90 days of data, then store it.
    journey = OnlineStoreJourney.Build(clock);
    AddPhaseKpi(journey);
    var events = journey.PendingEvents.Count;
    await store.SaveAsync(journey);
    Console.WriteLine($"Mapped '{journey.Name}': {journey.Phases.Count} phases ({string.Join(" / ", journey.Phases.Select(p => p.Name))}), "
        + $"{journey.ActivityCount} activities, {journey.Personas.Count} personas, {journey.Flows.Count} flows.");
    Console.WriteLine($"Recorded {OnlineStoreJourney.DaysOfHistory} days of observations for {OnlineStoreJourney.Metrics.Count} metrics, with customer feedback "
        + $"({OnlineStoreJourney.DateOf(0):yyyy-MM-dd} to {OnlineStoreJourney.DateOf(OnlineStoreJourney.DaysOfHistory - 1):yyyy-MM-dd}).");
    Console.WriteLine($"Stored {events} events in {database} (version {journey.Version}).");
    Console.WriteLine();

    engine = new WarningEngine(journey, clock);
    engine.EvaluateAll();
}
else
{
    // A later run: open the stored journey, let a week pass, record its numbers and show what changed.
    journey = await store.LoadAsync(OnlineStoreJourney.Workspace, OnlineStoreJourney.Id);
    var lastDay = OnlineStoreJourney.LastRecordedDay(journey) ?? -1;
    clock.Reset(OnlineStoreJourney.At(lastDay + 1, 9));
    var before = journey.Version;
    engine = new WarningEngine(journey, clock);
    engine.EvaluateAll();
    var changes = new WarningChanges();
    using (engine.Subscribe(changes))
    {
        var recorded = OnlineStoreJourney.RecordDays(journey, clock, lastDay + 1, lastDay + 7);
        clock.Reset(OnlineStoreJourney.At(lastDay + 8, 9));
        engine.Refresh();
        await store.SaveAsync(journey);
        Console.WriteLine($"Opened '{journey.Name}' from {database} at version {before}.");
        Console.WriteLine($"A week later ({OnlineStoreJourney.DateOf(lastDay + 1):yyyy-MM-dd} to {OnlineStoreJourney.DateOf(lastDay + 7):yyyy-MM-dd}): recorded {recorded} observations; now version {journey.Version}.");
    }

    var history = new JourneyHistory(await store.ReadEventsAsync(journey.WorkspaceId, journey.Id), clock);
    Console.WriteLine();
    Console.WriteLine("What changed in the history:");
    Report.HistoryChanges(Console.Out, history, before);
    Console.WriteLine();
    Console.WriteLine("What changed in the warnings:");
    Report.WarningChanges(Console.Out, journey, changes);
    Console.WriteLine();
}

var view = engine.View(WarningQuery.NeedsAttention);
Console.WriteLine($"Warnings view on {clock.GetCurrentInstant().InUtc().Date:yyyy-MM-dd} (open and acknowledged, most severe first):");
WarningsTable.Write(Console.Out, journey, view);
Console.WriteLine();

var allEvents = await store.ReadEventsAsync(journey.WorkspaceId, journey.Id);
var files = await Outputs.WriteAsync(output, journey, new JourneyHistory(allEvents, clock), view);
Console.WriteLine("Wrote:");
foreach (var file in files)
{
    Console.WriteLine($"  {file}");
}

Console.WriteLine();
Console.WriteLine($"Open {Path.Combine(output, "report.html")} in a browser. Run the quickstart again to let a week pass. ({started.Elapsed.TotalSeconds:0.0} s)");
return 0;

// A stage KPI on a phase (not on an activity): added with AddPhaseMetric, measured by its widget id like any metric,
// warned about by the same metric rules, and listed in the report's "Journey and phase KPIs" section.
static void AddPhaseKpi(Journey journey)
{
    var ana = new Actor("ana");
    var think = journey.Phases.FirstOrDefault(p => p.Name == "Think") ?? journey.Phases[0];
    var conversion = journey.AddPhaseMetric(ana, think.Id, new MetricWidget(new WidgetId(new Guid("6b1d3c55-7a51-4c1e-9f0e-2b6f3d1a9c01")), $"Conversion of {think.Name}")
    {
        Unit = "%",
        Kind = MetricKind.Percentage,
        Target = 4m,
        WarningThreshold = 3m,
        CriticalThreshold = 2m,
    }, reason: "stage KPI");
    decimal[] values = [3.4m, 3.1m, 2.8m];
    for (var i = 0; i < values.Length; i++)
    {
        journey.RecordObservation(ana, conversion, OnlineStoreJourney.DateOf(OnlineStoreJourney.DaysOfHistory - values.Length + i), values[i]);
    }

    Console.WriteLine($"Added a phase KPI: 'Conversion of {think.Name}' on phase '{think.Name}', latest {values[^1]} % against a target of 4 %.");
}
