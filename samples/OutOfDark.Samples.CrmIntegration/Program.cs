using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Json;
using OutOfDark.Rendering;
using OutOfDark.Samples.CrmIntegration;
using OutOfDark.Storage.Sqlite;
using OutOfDark.Warnings;

// How a CRM embeds OutOfDark: a custom widget kind with the CRM's case statistics, a custom warning rule, metric
// observations imported from the CRM's CSV export, and a notification hook that turns new critical warnings into
// follow-up tasks.
string output;
string csv = Path.Combine(AppContext.BaseDirectory, "data", "crm-export.csv");
switch (args)
{
    case []:
        output = Path.GetFullPath("outofdark-crm");
        break;
    case ["--output", { Length: > 0 } folder]:
        output = Path.GetFullPath(folder);
        break;
    case ["--output", { Length: > 0 } folder, "--csv", { Length: > 0 } file]:
        output = Path.GetFullPath(folder);
        csv = Path.GetFullPath(file);
        break;
    default:
        Console.Error.WriteLine("Usage: dotnet run --project samples/OutOfDark.Samples.CrmIntegration [-- --output <folder> [--csv <export.csv>]]");
        return 2;
}

Directory.CreateDirectory(output);
var database = Path.Combine(output, "crm-journeys.db");
var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 6, 0));
Journey? journey = null;
var tasks = new FollowUpTasks(Console.Out, key => journey?.FindActivityOf(key.Subject)?.Details.Owner);

// 1. Host wiring: the store knows the custom widget kind; the engine knows the custom rule; the hook gets every change.
var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "crm.settings.json")).Build();
var json = new JourneyJsonSerializer(new JourneyJsonOptions { WidgetKinds = new WidgetKindRegistry().Register(CrmJsonContext.Default.CaseStatsWidget) });
await using var services = new ServiceCollection()
    .AddOutOfDark(configuration.GetSection("OutOfDark"), outOfDark => outOfDark
        .UseClock(clock)
        .UseStore(sp => new SqliteJourneyStore(database, sp.GetRequiredService<IClock>(), new SqliteJourneyStoreOptions { Serializer = json }))
        .AddRule<OpenCasesRule>()
        .AddObserver(tasks))
    .BuildServiceProvider();
var store = services.GetRequiredService<IJourneyStore>();
var warnings = services.GetRequiredService<JourneyWarnings>();

Console.WriteLine("OutOfDark CRM integration sample");
Console.WriteLine($"Output folder: {output}");
Console.WriteLine($"Rules: {warnings.Rules.Rules.Count} ({string.Join(", ", warnings.Rules.Rules.Where(r => r.Id == OpenCasesRule.RuleId).Select(r => $"custom '{r.Id}'"))} next to the built-ins); "
    + $"'{OpenCasesRule.RuleId}' settings from crm.settings.json: {warnings.Settings.Find(OpenCasesRule.RuleId)}");
if (await store.DeleteAsync(CrmJourney.Workspace, CrmJourney.Id))
{
    Console.WriteLine("Replaced the journey an earlier run stored.");
}

// 2. The journey as the CRM customer mapped it, and the first CRM sync of case statistics (the custom widget kind).
journey = CrmJourney.Create(clock);
CrmSync.Apply(journey, new LocalDate(2026, 6, 1),
[
    (CrmJourney.WarrantyCases, CrmJourney.WarrantyClaim, "Warranty", 38, 55, 2_700, 52m),
    (CrmJourney.HotlineCases, CrmJourney.SupportHotline, "Hotline", 21, 430, 4_200, 6.5m),
    (CrmJourney.WorkshopCases, CrmJourney.WorkshopVisit, "Workshop", 9, 120, 3_100, 18m),
]);
Console.WriteLine($"Mapped '{journey.Name}': {journey.ActivityCount} activities; CRM sync added case statistics to 3 of them.");

// 3. Observations from the CRM's CSV export, imported through the journey's commands (so they land in the history).
using (var reader = new StreamReader(csv, Encoding.UTF8))
{
    try
    {
        var imported = await JourneyCsv.ImportObservationsAsync(journey, reader, new Actor("crm-import"));
        Console.WriteLine($"Imported {imported.Applied} observations from {Path.GetFileName(csv)} ({imported.Rejected.Count} rows rejected).");
    }
    catch (CsvImportException e)
    {
        // All or nothing: one bad row and the export is refused whole, with every bad row named.
        Console.Error.WriteLine($"The CRM export {csv} was not imported: {e.Message}");
        return 1;
    }
}

await store.SaveAsync(journey);
Console.WriteLine($"Saved version {journey.Version} to {database}.");
Console.WriteLine();

// 4. Evaluate: the hook prints a follow-up task for each new critical warning.
Console.WriteLine($"Evaluating warnings on {clock.GetCurrentInstant().InUtc().Date:yyyy-MM-dd}:");
var engine = warnings.CreateEngine(journey);
warnings.Evaluate(engine);
PrintView(engine);

// 5. The custom widget kind survives the store: reload and read it back.
var reloaded = await store.LoadAsync(CrmJourney.Workspace, CrmJourney.Id);
var stats = (CaseStatsWidget)reloaded.FindWidget(CrmJourney.WarrantyCases, out _)!;
Console.WriteLine($"Reloaded from the store: '{stats.KindName()}' widget on 'Warranty claim': {stats.OpenCases} open cases, {stats.Customers.ToString("N0", CultureInfo.InvariantCulture)} customers, {stats.OpenCasesPerThousand} per 1,000, as of {stats.AsOf:yyyy-MM-dd}.");
Console.WriteLine();

// 6. The next night's sync: warranty cases get worked off, the hotline backs up. Only the new critical warning becomes a task.
clock.Reset(Instant.FromUtc(2026, 6, 2, 6, 0));
CrmSync.Apply(journey, new LocalDate(2026, 6, 2),
[
    (CrmJourney.WarrantyCases, CrmJourney.WarrantyClaim, "Warranty", 22, 71, 2_700, 49m),
    (CrmJourney.HotlineCases, CrmJourney.SupportHotline, "Hotline", 47, 410, 4_200, 9.5m),
]);
Console.WriteLine($"Next CRM sync on {clock.GetCurrentInstant().InUtc().Date:yyyy-MM-dd}: {journey.PendingEvents.Count} changes.");
var evaluation = warnings.Evaluate(engine);
await store.SaveAsync(journey);
Console.WriteLine($"Evaluated {(evaluation.Full ? "fully" : "incrementally")} ({evaluation.Checks} checks): {evaluation.Raised} raised, {evaluation.Changed} changed, {evaluation.Cleared} cleared; saved version {journey.Version}.");
PrintView(engine);

// 7. Report and task list.
var report = Path.Combine(output, "report.html");
var history = await store.ReadHistoryAsync(journey);
await File.WriteAllTextAsync(report, HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions
{
    View = engine.View(WarningQuery.NeedsAttention),
    History = history,
    GeneratedAt = clock.GetCurrentInstant(),
}));
var taskFile = Path.Combine(output, "follow-up-tasks.txt");
await File.WriteAllLinesAsync(taskFile, tasks.Tasks);
Console.WriteLine($"{tasks.Tasks.Count} follow-up tasks created. Wrote:");
Console.WriteLine($"  {report}");
Console.WriteLine($"  {taskFile}");
return 0;

void PrintView(WarningEngine engine)
{
    foreach (var item in engine.View(WarningQuery.NeedsAttention))
    {
        Console.WriteLine($"  {item.Severity.ToString().ToUpperInvariant(),-8}  {item.SubjectName,-22}  {item.Warning.Message}");
    }

    Console.WriteLine();
}
