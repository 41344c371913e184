using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Events;
using OutOfDark.Rendering;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Rendering.Tests;

public class CsvTests
{
    private const string ActivityHeader = "id,name,phase,parent_id,kind,channels,owner,team,status,planned_start,planned_end,tags,description";

    [Fact]
    public void A_row_error_reads_in_lower_case_after_its_colon_except_for_an_acronym()
    {
        Assert.Equal("line 3: the value 'x' is not a number.", new CsvRowError(3, "The value 'x' is not a number.").ToString());
        Assert.Equal("line 1: CSV header missing.", new CsvRowError(1, "CSV header missing.").ToString());
    }

    [Fact]
    public async Task Activities_imported_into_a_journey_without_phases_are_refused_saying_to_add_the_phases_first()
    {
        var source = EmptyStore(out var see);
        source.AddActivity(new Actor("ana"), see, "Ads");
        var target = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Empty", FakeClock.FromUtc(2026, 2, 1, 9, 0, 0));

        var csv = await ExportActivities(source);
        var error = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportActivitiesAsync(target, new StringReader(csv), new Actor("importer")));

        Assert.Contains("line 2: the journey has no phase named 'See': it has no phases yet; add them before importing activities (journey.AddPhases).", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, target.Version);
    }

    private static Journey EmptyStore(out PhaseId see)
    {
        var journey = Journey.Create(new Actor("ana"), WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 2, 1, 9, 0, 0));
        see = journey.AddPhase(new Actor("ana"), "See");
        journey.AddPhase(new Actor("ana"), "Think");
        return journey;
    }

    private static async Task<string> ExportActivities(Journey journey)
    {
        using var writer = new StringWriter();
        await JourneyCsv.ExportActivitiesAsync(journey, writer);
        return writer.ToString();
    }

    private static async Task<string> ExportObservations(Journey journey)
    {
        using var writer = new StringWriter();
        await JourneyCsv.ExportObservationsAsync(journey, writer);
        return writer.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    public async Task Export_puts_an_apostrophe_before_cells_a_spreadsheet_would_run_as_a_formula(string name)
    {
        var journey = EmptyStore(out var see);
        journey.AddActivity(new Actor("ana"), see, name, details: new ActivityDetails { Owner = name });

        var csv = await ExportActivities(journey);

        var row = csv.Split('\n')[1];
        Assert.DoesNotContain("," + name[0], row, StringComparison.Ordinal);
        Assert.Contains("'" + name[0], row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_puts_an_apostrophe_before_a_description_starting_with_a_tab()
    {
        // Names refuse tabs; a description may start with one, and a spreadsheet would read that cell as a formula.
        var journey = EmptyStore(out var see);
        journey.AddActivity(new Actor("ana"), see, "Tabbed", details: new ActivityDetails { Description = "\tTabbed" });

        var row = (await ExportActivities(journey)).Split('\n')[1];

        Assert.EndsWith(",'\tTabbed", row.TrimEnd('\r'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_lists_phase_kind_channels_owner_status_and_the_latest_value_of_each_metric()
    {
        var journey = EmptyStore(out var see);
        var ads = journey.AddActivity(new Actor("ana"), see, "Ads", ActivityKind.Touchpoint, new ActivityDetails { Owner = "Marketing", Channels = ValueList<string>.Of("Social", "Search|Paid"), Status = ActivityStatus.Active });
        var visitors = journey.AddWidget(new Actor("ana"), ads, new MetricWidget(WidgetId.New(), "Visitors"));
        journey.RecordObservation(new Actor("ana"), visitors, new LocalDate(2026, 1, 2), 10);
        journey.RecordObservation(new Actor("ana"), visitors, new LocalDate(2026, 1, 9), 12.5m);

        var lines = (await ExportActivities(journey)).Split('\n');

        Assert.Equal(ActivityHeader + ",metric:Visitors", lines[0]);
        Assert.Equal($"{ads},Ads,See,,Touchpoint,Social|Search\\|Paid,Marketing,,Active,,,,,12.5", lines[1]);
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_line_and_reason_and_nothing_is_applied()
    {
        var journey = EmptyStore(out _);
        var version = journey.Version;
        var csv = string.Join('\n',
            ActivityHeader,
            ",Good row,See,,,,,,,,,,",
            ",No such phase,Nowhere,,,,,,,,,,",
            ",\"Two-line\nname\",See,,Touchpoint,,,,Active,,,,",
            ",Bad kind,See,,Sparkle,,,,,,,,",
            ",Bad date,See,,,,,,,2026-13-01,,,",
            ",,See,,,,,,,,,,") + "\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportActivitiesAsync(journey, new StringReader(csv), new Actor("importer")));

        Assert.Equal(version, journey.Version);
        Assert.Equal([3L, 4, 6, 7, 8], ex.Errors.Select(e => e.Line));
        Assert.Contains("no phase named 'Nowhere'", ex.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("control character U+000A", ex.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("'Sparkle' is not one of Touchpoint, Milestone, Other", ex.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Contains("'2026-13-01' is not a date", ex.Errors[3].Reason, StringComparison.Ordinal);
        Assert.Contains("name is empty", ex.Errors[4].Reason, StringComparison.Ordinal);
        Assert.StartsWith("The CSV has 5 bad rows, so nothing was imported: line 3: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_apply_valid_rows_mode_good_rows_are_applied_and_bad_ones_returned()
    {
        var journey = EmptyStore(out _);
        var csv = string.Join('\n', ActivityHeader, ",First,See,,,,,,,,,,", ",Second,Think,,Milestone,,,,,,,,", ",Bad,See,not-a-guid,,,,,,,,,") + "\n";

        var result = await JourneyCsv.ImportActivitiesAsync(journey, new StringReader(csv), new Actor("importer"), CsvImportMode.ApplyValidRows);

        Assert.Equal(2, result.Applied);
        Assert.Equal([new CsvRowError(4, "The parent_id 'not-a-guid' is not a GUID.")], result.Rejected);
        Assert.Equal(["First", "Second"], journey.Activities.Select(a => a.Name));
    }

    [Fact]
    public async Task A_row_with_broken_quoting_is_reported_on_its_line()
    {
        var journey = EmptyStore(out _);
        var csv = string.Join('\n', ActivityHeader, ",First,See,,,,,,,,,,", ",\"Quoted\"tail,See,,,,,,,,,,", ",Third,See,,,,,,,,,,") + "\n";

        var result = await JourneyCsv.ImportActivitiesAsync(journey, new StringReader(csv), new Actor("importer"), CsvImportMode.ApplyValidRows);

        Assert.Equal(3L, result.Rejected.Single().Line);
        Assert.Contains("Text follows a closing quote", result.Rejected.Single().Reason, StringComparison.Ordinal);
        Assert.Equal(["First", "Third"], journey.Activities.Select(a => a.Name));
    }

    [Fact]
    public async Task A_row_that_fails_half_way_leaves_no_trace_in_apply_valid_rows_mode()
    {
        var journey = EmptyStore(out var see);
        var ads = journey.AddActivity(new Actor("ana"), see, "Ads");
        var tooLong = new string('n', 501);
        var csv = string.Join('\n', ActivityHeader, $"{ads},{tooLong},Think,,,,,,,,,,", $",Child,See,{ads},,,,,,,,,") + "\n";

        var result = await JourneyCsv.ImportActivitiesAsync(journey, new StringReader(csv), new Actor("importer"), CsvImportMode.ApplyValidRows);

        Assert.Equal(2L, result.Rejected.Single().Line);
        Assert.Equal(1, result.Applied);
        Assert.Equal(("Ads", see), (journey.GetActivity(ads).Name, journey.GetActivity(ads).PhaseId));
        Assert.Equal(["Ads", "Child"], journey.Activities.Select(a => a.Name));
    }

    [Fact]
    public async Task A_parent_must_come_before_its_child()
    {
        var journey = EmptyStore(out _);
        var parent = Guid.NewGuid();
        var csv = string.Join('\n', ActivityHeader, $",Child,See,{parent},,,,,,,,,", $"{parent},Parent,See,,,,,,,,,,") + "\n";

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportActivitiesAsync(journey, new StringReader(csv), new Actor("importer")));

        Assert.Equal(2, ex.Errors.Single().Line);
        Assert.Contains("neither in the journey nor on an earlier row", ex.Errors.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_column_is_named()
    {
        var journey = EmptyStore(out _);

        var ex = await Assert.ThrowsAsync<CsvImportException>(() => JourneyCsv.ImportActivitiesAsync(journey, new StringReader("id,name\n,x\n"), new Actor("importer")));

        Assert.Contains("lacks the column(s) phase", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_changes_the_journey_through_its_commands_so_the_history_records_them()
    {
        var journey = EmptyStore(out var see);
        var ads = journey.AddActivity(new Actor("ana"), see, "Ads");
        var csv = string.Join('\n', ActivityHeader, $"{ads},Paid ads,Think,,,,Marketing,,Active,,,,") + "\n";
        var before = journey.PendingEvents.Count;

        await JourneyCsv.ImportActivitiesAsync(journey, new StringReader(csv), new Actor("importer"));

        var events = journey.PendingEvents.Skip(before).ToList();
        Assert.Collection(events, e => Assert.IsType<ActivityMoved>(e), e => Assert.IsType<ActivityChanged>(e));
        Assert.All(events, e => Assert.Equal(("importer", "CSV import"), (e.Actor, e.Reason)));
        Assert.Equal(("Paid ads", "Think", "Marketing"), (journey.GetActivity(ads).Name, journey.GetPhase(journey.GetActivity(ads).PhaseId).Name, journey.GetActivity(ads).Details.Owner));
    }

    [Fact]
    public async Task Observation_import_records_new_values_corrects_existing_ones_and_rejects_impossible_ones()
    {
        var journey = EmptyStore(out var see);
        var ads = journey.AddActivity(new Actor("ana"), see, "Ads");
        var visitors = journey.AddWidget(new Actor("ana"), ads, new MetricWidget(WidgetId.New(), "Visitors"));
        journey.RecordObservation(new Actor("ana"), visitors, new LocalDate(2026, 1, 1), 5);
        var csv = string.Join('\n',
            "activity_id,activity,metric_id,metric,unit,kind,date,value",
            $"{ads},Ads,{visitors},Visitors,,Count,2026-01-01,7",
            $"{ads},Ads,{visitors},Visitors,,Count,2026-01-02,9",
            $"{ads},Ads,{visitors},Visitors,,Count,2026-01-03,-4",
            $"{ads},Ads,{visitors},Visitors,,Count,2026-01-04,lots") + "\n";

        var result = await JourneyCsv.ImportObservationsAsync(journey, new StringReader(csv), new Actor("importer"), CsvImportMode.ApplyValidRows);

        Assert.Equal(2, result.Applied);
        Assert.Equal([4L, 5], result.Rejected.Select(r => r.Line));
        Assert.Contains("A count cannot be negative", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'lots' is not a number", result.Rejected[1].Reason, StringComparison.Ordinal);
        var metric = (MetricWidget)journey.FindWidget(visitors, out _)!;
        Assert.Equal([new Observation(new LocalDate(2026, 1, 1), 7), new Observation(new LocalDate(2026, 1, 2), 9)], metric.Observations);
    }

    [Property(Arbitrary = new[] { typeof(MapsOf20) }, MaxTest = 60)]
    public async Task Exporting_then_importing_into_an_empty_journey_with_the_same_phases_keeps_activities_and_observations(JourneySpec spec)
    {
        var original = spec.Build();
        var activities = await ExportActivities(original);
        var observations = await ExportObservations(original);

        var copy = Journey.Create(new Actor("importer"), WorkspaceId.New(), "Copy", FakeClock.FromUtc(2026, 12, 1, 9, 0, 0));
        foreach (var phase in original.Phases)
        {
            copy.AddPhase(new Actor("importer"), phase.Name, phase.CustomerGoal);
        }

        await JourneyCsv.ImportActivitiesAsync(copy, new StringReader(activities), new Actor("importer"));
        await JourneyCsv.ImportObservationsAsync(copy, new StringReader(observations), new Actor("importer"));

        Assert.Equal(Shape(original), Shape(copy));
        Assert.Equal(Metrics(original), Metrics(copy));
    }

    [Property(Arbitrary = new[] { typeof(LongJourneyArbitraries) }, MaxTest = 40)]
    public async Task Round_trip_keeps_journeys_built_from_random_command_sequences_whose_phase_names_are_unique(JourneyScenario scenario)
    {
        // Import finds a phase by name, so a journey with two phases of one name cannot be rebuilt from CSV alone.
        var original = scenario.Build().Journey;
        if (original.Phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != original.Phases.Count)
        {
            return;
        }

        var copy = Journey.Create(new Actor("importer"), WorkspaceId.New(), "Copy", FakeClock.FromUtc(2027, 1, 1, 9, 0, 0));
        foreach (var phase in original.Phases)
        {
            copy.AddPhase(new Actor("importer"), phase.Name, phase.CustomerGoal);
        }

        await JourneyCsv.ImportActivitiesAsync(copy, new StringReader(await ExportActivities(original)), new Actor("importer"));
        await JourneyCsv.ImportObservationsAsync(copy, new StringReader(await ExportObservations(original)), new Actor("importer"));

        Assert.Equal(Shape(original), Shape(copy));
        Assert.Equal(Metrics(original), Metrics(copy));
    }

    [Property(Arbitrary = new[] { typeof(TextArbitraries) }, MaxTest = 200)]
    public async Task Any_text_the_domain_accepts_comes_back_from_our_own_csv_export_unchanged(string text)
    {
        var original = TextJourneys.Build(text, FakeClock.FromUtc(2026, 3, 1, 9, 0, 0));
        if (original.Phases.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != original.Phases.Count)
        {
            return;
        }

        foreach (var format in new[] { CsvFormat.Default, CsvFormat.European })
        {
            var copy = Journey.Create(new Actor("importer"), WorkspaceId.New(), "Copy", FakeClock.FromUtc(2026, 12, 1, 9, 0, 0));
            foreach (var phase in original.Phases)
            {
                copy.AddPhase(new Actor("importer"), phase.Name, phase.CustomerGoal);
            }

            using var activities = new StringWriter();
            using var observations = new StringWriter();
            await JourneyCsv.ExportActivitiesAsync(original, activities, format);
            await JourneyCsv.ExportObservationsAsync(original, observations, format);
            await JourneyCsv.ImportActivitiesAsync(copy, new StringReader(activities.ToString()), new Actor("importer"), format: format);
            await JourneyCsv.ImportObservationsAsync(copy, new StringReader(observations.ToString()), new Actor("importer"), format: format);

            Assert.Equal(Shape(original), Shape(copy));
            Assert.Equal(Metrics(original), Metrics(copy));
        }
    }

    // An empty cell means "no value", so an empty description comes back as none (documented in docs/rendering.md).
    private static object[] Shape(Journey journey) =>
        journey.Activities.Select(a => (object)(a.Id, a.Name, journey.GetPhase(a.PhaseId).Name, a.ParentId, a.Kind,
            a.Details with { Description = a.Details.Description is { Length: 0 } ? null : a.Details.Description })).ToArray();

    // The observations file holds observations: a metric with none has no row, so only metrics with observations come back.
    // It holds each date's value for all customers; segments, sample sizes and answers travel in the JSON format only.
    // Journey and phase KPIs come back too (scope journey / phase), a phase KPI on the phase of the same name.
    private static object[] Metrics(Journey journey) =>
        journey.Activities.SelectMany(a => a.Widgets.OfType<MetricWidget>().Where(m => m.Observations.Count > 0).Select(m => (object)(a.Id, m.Id, m.Title, m.Unit, m.Kind, string.Join(";", m.Observations.Select(o => (o.Date, o.Value))))))
            .Concat(journey.Metrics.Select(m => ("journey", m)).Concat(journey.Phases.SelectMany(p => p.Metrics.Select(m => ("phase " + p.Name, m))))
                .Where(x => x.m.Observations.Count > 0)
                .Select(x => (object)(x.Item1, x.m.Id, x.m.Title, x.m.Unit, x.m.Kind, string.Join(";", x.m.Observations.Select(o => (o.Date, o.Value))))))
            .ToArray();
}
