using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NodaTime.Testing;
using OutOfDark;
using OutOfDark.Portfolio;
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
    Console.WriteLine("Writes online-store.db, report.html, map.svg, journey.mmd, mindmap.mmd and blueprint.mmd to the folder (default: ./outofdark-quickstart).");
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
    var segmented = RecordSegmentedCsat(journey);
    await PlaceInPortfolioAsync(store, journey, clock);
    AddBlueprintAndOpportunities(journey);
    var events = journey.PendingEvents.Count;
    await store.SaveAsync(journey);
    Console.WriteLine($"Mapped '{journey.Name}': {journey.Phases.Count} phases ({string.Join(" / ", journey.Phases.Select(p => p.Name))}), "
        + $"{journey.ActivityCount} activities, {journey.Personas.Count} personas, {journey.Flows.Count} flows.");
    Console.WriteLine($"Recorded {OnlineStoreJourney.DaysOfHistory} days of observations for {OnlineStoreJourney.Metrics.Count} metrics, with customer feedback "
        + $"({OnlineStoreJourney.DateOf(0):yyyy-MM-dd} to {OnlineStoreJourney.DateOf(OnlineStoreJourney.DaysOfHistory - 1):yyyy-MM-dd}).");
    Console.WriteLine(segmented);
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

await ShowPortfolioAsync(store, journey, engine, clock);

var view = engine.View(WarningQuery.NeedsAttention);
Console.WriteLine($"Warnings view on {clock.GetCurrentInstant().InUtc().Date:yyyy-MM-dd} (open and acknowledged, most severe first):");
WarningsTable.Write(Console.Out, journey, view);
Console.WriteLine();

WriteBlueprintAndOpportunities(journey);
AsIsToBe.Show(Console.Out, journey, clock);
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

// Survey answers cut by segment: the live chat's CSAT for two kinds of customer in Germany, recorded from the survey
// tool's five bucket counts (answers 1 to 5). The score is computed (% of 4–5 answers) and the answers are the sample
// size, so the small-sample rule flags the segment that rests on 14 answers.
static string RecordSegmentedCsat(Journey journey)
{
    var chat = journey.Activities.SelectMany(a => a.Widgets).OfType<MetricWidget>().Single(m => m.Title == "Chat satisfaction");
    var day = OnlineStoreJourney.DateOf(OnlineStoreJourney.DaysOfHistory - 1);
    var survey = new Actor("survey-export");
    var firstTime = Segment.Of(("customer", "first-time buyer"), ("region", "DE"));
    var returning = Segment.Of(("customer", "returning"), ("region", "DE"));
    journey.RecordAnswers(survey, chat.Id, day, AnswerDistribution.Of(SurveyScale.Csat, 1, 2, 1, 6, 4), firstTime);
    journey.RecordAnswers(survey, chat.Id, day, AnswerDistribution.Of(SurveyScale.Csat, 3, 6, 12, 60, 69), returning);
    var recorded = (MetricWidget)journey.FindWidget(chat.Id, out _)!;
    return $"Recorded CSAT answers for '{chat.Title}' on {day:yyyy-MM-dd} by segment: "
        + string.Join("; ", recorded.Segments.Select(s => $"{s.Segment} {s.Observations.Latest!.Value.Value} % from {s.Observations.Latest.Value.SampleSize} answers"))
        + ".";
}

// The portfolio, first run: the brand's journey above the online store's, and a sub-journey that details its checkout.
static async Task PlaceInPortfolioAsync(SqliteJourneyStore store, Journey journey, FakeClock clock)
{
    var mia = new Actor("mia");
    var brand = Journey.Create(mia, journey.WorkspaceId, "Northwind Outdoor: every customer", clock, new JourneyId(SampleIds.For("journey", "Northwind Outdoor: every customer")));
    var checkout = Journey.Create(mia, journey.WorkspaceId, "Checkout in detail", clock, new JourneyId(SampleIds.For("journey", "Checkout in detail")));
    var pay = checkout.AddActivity(mia, checkout.AddPhase(mia, "Pay"), "Payment page");
    checkout.AddWidget(mia, pay, new MetricWidget("Checkout completion") { Unit = "%", Kind = MetricKind.Percentage, Target = 70, WarningThreshold = 60, CriticalThreshold = 50 });
    await store.SaveAsync(brand);
    await store.SaveAsync(checkout);

    // The store's journey is not saved yet: its own commands place it and link its checkout, in its first save.
    journey.SetParent(mia, brand.Id, "the brand's journeys roll up here");
    journey.LinkSubJourney(mia, SampleIds.Activity("Checkout"), checkout.Id, "the payment team maps checkout step by step");
}

// The portfolio, every run: the sub-journey under the store's journey (a cycle refused), and the roll-up to the top.
static async Task ShowPortfolioAsync(SqliteJourneyStore store, Journey journey, WarningEngine engine, FakeClock clock)
{
    var portfolio = new JourneyPortfolio(store);
    var checkout = new JourneyId(SampleIds.For("journey", "Checkout in detail"));
    await portfolio.SetParentAsync(journey.WorkspaceId, checkout, journey.Id, new Actor("mia"));
    try
    {
        await portfolio.SetParentAsync(journey.WorkspaceId, journey.ParentJourneyId!.Value, checkout, new Actor("mia"));
    }
    catch (JourneyCycleException refused)
    {
        Console.WriteLine($"Refused: {refused.Message}");
    }

    await store.WorkspaceWarnings.ApplyAsync(new WorkspaceWarningProjector(engine).ProjectAll(clock.GetCurrentInstant()));
    var rollup = await portfolio.RollUpAsync(journey.WorkspaceId);
    Console.WriteLine("Portfolio (each line: the journey and everything below it):");
    foreach (var line in rollup.Journeys)
    {
        var t = line.Subtree;
        Console.WriteLine($"  {new string(' ', 2 * line.Depth)}{line.Name}: {t.Journeys} {(t.Journeys == 1 ? "journey" : "journeys")}, health {t.MeanHealth?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "not evaluated"}, "
            + $"{t.OpenWarnings} open warnings ({t.OpenCritical} critical, {t.OpenWarning} warning, {t.OpenInfo} info), {t.Kpis.Sum(k => k.Metrics)} KPIs");
    }

    var completion = rollup.Roots.First().Subtree.Kpis.First(k => k.Title == "Checkout completion");
    Console.WriteLine($"  Checkout completion across the portfolio: {completion.Metrics} KPIs, {completion.WithData} with data, {completion.PastWarning + completion.PastCritical} past a threshold; "
        + $"activity 'Checkout' links to sub-journey {journey.GetActivity(SampleIds.Activity("Checkout")).SubJourneyId}.");
    Console.WriteLine();
}

// Service-blueprint lanes (a new activity is frontstage) and two scored opportunities linked to what they address.
static void AddBlueprintAndOpportunities(Journey journey)
{
    var mia = OnlineStoreJourney.Mapper;
    journey.SetActivityLane(mia, SampleIds.Activity("Cart"), LaneId.CustomerAction, "the shopper fills the cart");
    journey.SetActivityLane(mia, SampleIds.Activity("Payment"), LaneId.Backstage, "the payment provider authorises out of sight");
    journey.AddLane(mia, new LaneId("logistics-partner"), "Logistics partner", 350);
    journey.SetActivityLane(mia, SampleIds.Activity("Delivery"), new LaneId("logistics-partner"));

    var checkout = SampleIds.Activity("Checkout");
    var declined = journey.AddOpportunity(mia, "Explain declined cards", "Say why a card was declined and offer another way to pay.", "Lukas Weber", OpportunityStatus.Planned, new OpportunityId(SampleIds.For("opportunity", "Explain declined cards")));
    journey.ScoreOpportunity(mia, declined, new OpportunityScores(CustomerValue: 5, BusinessValue: 4, Effort: 2), "CX workshop");
    journey.LinkOpportunity(mia, declined, OpportunityLink.ToActivity(checkout));
    journey.LinkOpportunity(mia, declined, OpportunityLink.ToPainPoint(SampleIds.Widget("Checkout", "First-time buyer")));
    journey.LinkOpportunity(mia, declined, OpportunityLink.ToWarning(new WarningKey(PainPointRule.RuleId, WarningSubject.For(checkout))));
    if (journey.FindWidget(SampleIds.Widget("Checkout", "Customer feedback"), out _) is FeedbackWidget { Entries.Count: > 0 })
    {
        journey.LinkOpportunity(mia, declined, OpportunityLink.ToFeedback(SampleIds.Widget("Checkout", "Customer feedback"), 0));
    }

    var labels = journey.AddOpportunity(mia, "QR-code returns without a printer", owner: "Eva Novak", id: new OpportunityId(SampleIds.For("opportunity", "QR-code returns")));
    journey.ScoreOpportunity(mia, labels, new OpportunityScores(CustomerValue: 4, BusinessValue: 3, Effort: 4));
    journey.LinkOpportunity(mia, labels, OpportunityLink.ToActivity(SampleIds.Activity("Returns")));
    journey.LinkOpportunity(mia, labels, OpportunityLink.ToPainPoint(SampleIds.Widget("Returns", "Loyal customer")));
}

static void WriteBlueprintAndOpportunities(Journey journey)
{
    Console.WriteLine("Service blueprint (top to bottom):");
    foreach (var lane in journey.Lanes)
    {
        var names = journey.ActivitiesInLane(lane.Id).Select(a => a.Name).ToList();
        Console.WriteLine($"  {lane.Name,-20} {(names.Count == 0 ? "—" : string.Join(", ", names.Take(6)) + (names.Count > 6 ? $", … ({names.Count} in all)" : ""))}");
    }

    Console.WriteLine();
    Console.WriteLine("Opportunities, by priority = (customer value + business value) / effort:");
    foreach (var ranked in OpportunityPriority.Rank(journey))
    {
        var o = ranked.Opportunity;
        var scores = o.Scores is { } s ? $"value {s.CustomerValue}+{s.BusinessValue}, effort {s.Effort}, priority {ranked.Priority} ({OpportunityPriority.QuadrantOf(s)})" : "not scored";
        Console.WriteLine($"  {ranked.Rank}. {o.Title} [{o.Status}, {o.Owner ?? "no owner"}]: {scores}; addresses {string.Join("; ", o.Links.Select(journey.DescribeLink))}");
    }
}
