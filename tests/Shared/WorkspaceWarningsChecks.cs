using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Testing;
using OutOfDark.Warnings;
using Xunit;

#pragma warning disable CA2007 // Tests await on xunit's context, without ConfigureAwait.

namespace OutOfDark.Tests.Shared;

/// <summary>
/// What every workspace read model (<see cref="IWorkspaceWarnings"/>) must do, run against the in-memory one and each SQL
/// store. A subclass opens the model; a model may hold other workspaces' rows (each check uses new workspaces).
/// </summary>
public abstract class WorkspaceWarningsChecks
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    // Short time limits, so that the generated clock moves cross them.
    private static readonly WarningSettings Settings = WarningSettings.Default
        .With(NotUpdatedRule.RuleId, new NotUpdatedSettings { Days = 3 })
        .With(StaleMetricRule.RuleId, new StaleMetricSettings { Days = 4, SplitBy = SegmentSplit.EverySegment })
        .With(MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });

    private static readonly Actor Ana = new("ana");

    /// <summary>Opens the model under test.</summary>
    /// <param name="clock">The clock that says when a snooze has ended.</param>
    /// <returns>The model.</returns>
    protected abstract Task<IWorkspaceWarnings> OpenAsync(IClock clock);

    // Three journeys of one workspace run random commands; after some steps an engine evaluates and its projector's update
    // is applied, and now and then the engine is replaced by a fresh one (as after a reload), whose first update replaces
    // the journey's rows. At the end the model holds exactly the rows a full evaluation of every journey gives. Lifecycle
    // state and raise instants are left out of the comparison: they depend on what an engine saw before (episodes).
    [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 40)]
    public async Task The_read_model_equals_a_full_evaluation_of_every_journey_after_random_commands(JourneyScenario first, JourneyScenario second, JourneyScenario third, int[] refreshes)
    {
        var workspace = WorkspaceId.New();
        var model = await OpenAsync(new FakeClock(JourneyScenario.Start));
        var updates = new List<WorkspaceWarningUpdate>();
        var journeys = new List<Journey>();
        var tick = 0;
        foreach (var scenario in new[] { first, second, third }.DistinctBy(s => s.JourneyId))
        {
            WarningEngine? engine = null;
            WorkspaceWarningProjector? projector = null;
            var (journey, _) = (scenario with { WorkspaceId = workspace.Value }).Run((_, journey, _) =>
            {
                var pick = refreshes.Length == 0 ? 1 : Math.Abs(refreshes[tick++ % refreshes.Length]);
                if (pick % 3 == 0)
                {
                    return;
                }

                if (engine is null || pick % 7 == 0)
                {
                    engine = new WarningEngine(journey, journey.Clock, settings: Settings);
                    projector = new WorkspaceWarningProjector(engine);
                }

                engine.Refresh();
                updates.Add(projector!.Project(journey.Clock.GetCurrentInstant()));
            });
            engine ??= new WarningEngine(journey, journey.Clock, settings: Settings);
            projector ??= new WorkspaceWarningProjector(engine);
            engine.Refresh();
            updates.Add(projector.Project(journey.Clock.GetCurrentInstant()));
            journeys.Add(journey);
        }

        foreach (var update in updates)
        {
            await model.ApplyAsync(update);
        }

        var expected = journeys.SelectMany(j =>
        {
            var full = new WarningEngine(j, j.Clock, settings: Settings);
            full.EvaluateAll();
            return WorkspaceWarningProjector.RowsOf(full);
        }).ToList();
        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = WorkspaceWarningQuery.MaxLimit });

        var counts = await model.CountAsync(workspace, WorkspaceWarningQuery.All);
        Assert.Equal(Describe(expected), Describe(page.Items));
        Assert.False(page.HasMore);
        Assert.Equal(expected.Count, counts.Total);
        foreach (var severity in Enum.GetValues<WarningSeverity>())
        {
            Assert.Equal(expected.Count(r => r.Severity == severity), counts.BySeverity[severity]);
        }

        Assert.Equal(page.Items.Order(WorkspaceWarningOrder.Instance), page.Items);
        var health = await model.ListHealthAsync(workspace);
        Assert.Equal(journeys.Select(j => (j.Id, j.Version)).OrderBy(x => x.Id), health.Select(h => (Id: h.JourneyId, h.Version)).OrderBy(x => x.Id));
    }

    [Fact]
    public async Task Each_filter_returns_exactly_the_rows_it_names_and_pages_cover_the_view_once()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);
        var all = engines.SelectMany(e => WorkspaceWarningProjector.RowsOf(e)).ToList();
        Assert.True(all.Count >= 8, $"The example should raise several warnings; it raised {all.Count}.");

        var queries = new (string What, WorkspaceWarningQuery Query, Func<WorkspaceWarning, bool> Expected)[]
        {
            ("owner", new() { Owner = "ana" }, r => r.Owner == "ana"),
            ("team", new() { Team = "web" }, r => r.Team == "web"),
            ("journey", new() { Journey = engines[1].Journey.Id }, r => r.JourneyId == engines[1].Journey.Id),
            ("phase", new() { PhaseName = "Do" }, r => r.PhaseName == "Do"),
            ("rule", new() { Rule = NoOwnerRule.RuleId }, r => r.Key.Rule == NoOwnerRule.RuleId),
            ("severity", new() { Severities = [WarningSeverity.Warning, WarningSeverity.Critical] }, r => r.Severity >= WarningSeverity.Warning),
            ("one severity", new() { Severities = [WarningSeverity.Info] }, r => r.Severity == WarningSeverity.Info),
            ("state", new() { States = [WarningState.Open] }, r => r.State == WarningState.Open),
            ("phase and rule", new() { PhaseName = "See", Rule = NoMetricRule.RuleId }, r => r.PhaseName == "See" && r.Key.Rule == NoMetricRule.RuleId),
        };
        foreach (var (what, query, expected) in queries)
        {
            var page = await model.QueryAsync(workspace, query with { Limit = 1000 });
            var want = all.Where(expected).Order(WorkspaceWarningOrder.Instance).ToList();
            Assert.True(want.Count > 0, $"The {what} filter should match a row of the example.");
            Assert.Equal(Describe(want, ordered: true), Describe(page.Items, ordered: true));
            var counts = await model.CountAsync(workspace, query);
            Assert.Equal(want.Count, counts.Total);
            // The severity cases filter on nothing else, so their per-severity counts cover every row.
            Assert.Equal(query.Severities is null ? want.Count : all.Count, counts.BySeverity.Total);
        }

        // Pages of 3 read in turn give the whole view once, in order.
        var pages = new List<WorkspaceWarning>();
        for (var offset = 0; ; offset += 3)
        {
            var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Offset = offset, Limit = 3 });
            pages.AddRange(page.Items);
            Assert.Equal(Math.Min(3, all.Count - offset), page.Items.Count);
            if (!page.HasMore)
            {
                break;
            }
        }

        Assert.Equal(Describe(all.Order(WorkspaceWarningOrder.Instance).ToList(), ordered: true), Describe(pages, ordered: true));
        Assert.Empty((await model.QueryAsync(WorkspaceId.New(), WorkspaceWarningQuery.All)).Items);
    }

    [Fact]
    public async Task Acknowledged_and_snoozed_warnings_show_their_state_and_an_ended_snooze_is_open_again()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);
        var engine = engines[0];
        var journey = engine.Journey;
        var projector = new WorkspaceWarningProjector(engine);
        projector.Project(clock.GetCurrentInstant());
        var rows = WorkspaceWarningProjector.RowsOf(engine).Order(WorkspaceWarningOrder.Instance).ToList();
        var acknowledged = rows[0].Key;
        var snoozed = rows[1].Key;
        journey.AcknowledgeWarning(Ana, acknowledged, "on it");
        journey.SnoozeWarning(Ana, snoozed, clock.GetCurrentInstant() + Duration.FromHours(1));
        engine.Refresh();
        await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));

        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { States = [WarningState.Acknowledged, WarningState.Snoozed] });
        Assert.Equal([(acknowledged, WarningState.Acknowledged), (snoozed, WarningState.Snoozed)], page.Items.Select(r => (r.Key, r.State)).OrderBy(x => x.State));

        clock.Advance(Duration.FromHours(2));
        page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { States = [WarningState.Snoozed] });
        Assert.Empty(page.Items);
        page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Journey = journey.Id, States = [WarningState.Open], Limit = 1000 });
        var reopened = Assert.Single(page.Items, r => r.Key == snoozed);
        Assert.Null(reopened.SnoozedUntil);
    }

    [Fact]
    public async Task A_fresh_engine_keeps_the_raise_instant_of_a_warning_still_present_and_removes_cleared_ones()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);
        var journey = engines[0].Journey;
        var before = (await model.QueryAsync(workspace, new WorkspaceWarningQuery { Journey = journey.Id, Limit = 1000 })).Items;
        Assert.All(before, r => Assert.Equal(Start, r.RaisedAt));

        // Later, another host loads the journey (a fresh engine) after someone gave the owner-less activity an owner.
        clock.Advance(Duration.FromDays(1));
        var ownerless = before.First(r => r.Key.Rule == NoOwnerRule.RuleId).Key.Subject.ActivityId!.Value;
        journey.ChangeActivityDetails(Ana, ownerless, d => d with { Owner = "ben" });
        var fresh = new WarningEngine(journey, clock, settings: Settings);
        await model.ApplyAsync(new WorkspaceWarningProjector(fresh).Project(clock.GetCurrentInstant()));

        var after = (await model.QueryAsync(workspace, new WorkspaceWarningQuery { Journey = journey.Id, Limit = 1000 })).Items;
        Assert.DoesNotContain(after, r => r.Key.Rule == NoOwnerRule.RuleId && r.Key.Subject.Id == ownerless.Value);
        Assert.Equal(before.Count - 1, after.Count);
        Assert.All(after.Where(r => r.Key.Rule != NotUpdatedRule.RuleId), r => Assert.Equal(Start, r.RaisedAt));
    }

    [Fact]
    public async Task An_update_with_another_journeys_row_is_refused_whole()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);
        var before = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = 1000 });
        var update = new WorkspaceWarningProjector(engines[0]).Project(clock.GetCurrentInstant());
        var stranger = WorkspaceWarningProjector.RowsOf(engines[1]).First();
        var mixed = update with { Upserts = [.. update.Upserts, stranger] };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => model.ApplyAsync(mixed));

        Assert.Contains($"Row {update.Upserts.Count} ({stranger.Key}) of the update belongs to journey {engines[1].Journey.Id}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(Describe(before.Items, ordered: true), Describe((await model.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = 1000 })).Items, ordered: true));
    }

    [Fact]
    public async Task An_update_about_an_older_version_than_the_stored_one_is_ignored()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);
        var engine = engines[0];
        var stale = new WorkspaceWarningProjector(engine).Project(clock.GetCurrentInstant());
        var ownerless = WorkspaceWarningProjector.RowsOf(engine).First(r => r.Key.Rule == NoOwnerRule.RuleId).Key;
        engine.Journey.ChangeActivityDetails(Ana, ownerless.Subject.ActivityId!.Value, d => d with { Owner = "ben" });
        engine.Refresh();
        await model.ApplyAsync(new WorkspaceWarningProjector(engine).Project(clock.GetCurrentInstant()));

        // A slower writer that evaluated the older version finishes last.
        await model.ApplyAsync(stale);

        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Journey = engine.Journey.Id, Limit = 1000 });
        Assert.DoesNotContain(page.Items, r => r.Key == ownerless);
        Assert.Equal(engine.Journey.Version, (await model.ListHealthAsync(workspace)).Single(h => h.JourneyId == engine.Journey.Id).Version);
    }

    [Fact]
    public async Task Removing_a_journey_removes_its_rows_and_health_line_only()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);

        await model.RemoveJourneyAsync(workspace, engines[0].Journey.Id);

        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = 1000 });
        Assert.All(page.Items, r => Assert.Equal(engines[1].Journey.Id, r.JourneyId));
        Assert.Equal(WorkspaceWarningProjector.RowsOf(engines[1]).Count, (await model.CountAsync(workspace, WorkspaceWarningQuery.All)).Total);
        var line = Assert.Single(await model.ListHealthAsync(workspace));
        Assert.Equal(engines[1].Journey.Id, line.JourneyId);
        Assert.Equal(JourneyAnalytics.Health(engines[1].Journey, engines[1].View()), line.Health);
    }

    // The workspace view must show each warning in the state its own journey's Warnings view gives: handling one
    // warning (or a key that is not raised) leaves another of the same rule, or of the same activity, as it was.
    [Fact]
    public async Task Handling_one_warning_leaves_the_others_of_its_rule_and_its_activity_as_they_were()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var (workspace, engines) = await TwoJourneysAsync(model, clock);
        var engine = engines[0];
        var journey = engine.Journey;
        var projector = new WorkspaceWarningProjector(engine);
        await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
        var ownerless = WorkspaceWarningProjector.RowsOf(engine).Where(r => r.Key.Rule == NoOwnerRule.RuleId).Select(r => r.Key).ToList();
        Assert.True(ownerless.Count >= 2, "The example should raise the no-owner rule on two activities.");
        var handled = ownerless[0];
        var sameActivity = WorkspaceWarningProjector.RowsOf(engine).Where(r => r.Key.Subject == handled.Subject && r.Key != handled).Select(r => r.Key).ToList();
        Assert.NotEmpty(sameActivity);

        // A key that is not raised (the newsletter has an owner), then the warning itself.
        var newsletter = journey.Activities.Single(a => a.Name == "Newsletter").Id;
        journey.AcknowledgeWarning(Ana, new WarningKey(NoOwnerRule.RuleId, WarningSubject.For(newsletter)), "not raised");
        journey.AcknowledgeWarning(Ana, handled, "on it");
        engine.Refresh();
        await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));

        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Journey = journey.Id, Limit = 1000 });
        Assert.Equal(States(engine.View()), States(page.Items));
        Assert.Equal(WarningState.Acknowledged, page.Items.Single(r => r.Key == handled).State);
        Assert.All(page.Items.Where(r => r.Key != handled), r => Assert.Equal(WarningState.Open, r.State));
        Assert.Empty((await model.QueryAsync(workspace, new WorkspaceWarningQuery { Journey = engines[1].Journey.Id, States = [WarningState.Acknowledged] })).Items);
    }

    // Random journeys (per-segment warnings included) and random handlings of raised warnings, each projected as it
    // happens: the workspace view's state and snooze end of every warning equal the journey's own Warnings view.
    [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 40)]
    public async Task The_workspace_view_shows_each_warning_in_the_state_of_the_journeys_own_view_after_random_handlings(JourneyScenario scenario, int[] handlings)
    {
        var workspace = WorkspaceId.New();
        var modelClock = new FakeClock(JourneyScenario.Start);
        var model = await OpenAsync(modelClock);
        var (journey, clock) = (scenario with { WorkspaceId = workspace.Value }).Build();
        var engine = new WarningEngine(journey, clock, settings: Settings);
        var projector = new WorkspaceWarningProjector(engine);
        engine.Refresh();
        await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
        foreach (var handling in handlings)
        {
            var view = engine.View();
            if (view.Count == 0)
            {
                break;
            }

            var pick = handling & int.MaxValue;
            var key = view[pick % view.Count].Key;
            try
            {
                switch (pick / view.Count % 4)
                {
                    case 0: journey.AcknowledgeWarning(Ana, key); break;
                    case 1: journey.SnoozeWarning(Ana, key, clock.GetCurrentInstant() + Duration.FromMinutes(1 + (pick % 90))); break;
                    case 2: journey.ResolveWarning(Ana, key); break;
                    default: journey.ReopenWarning(Ana, key); break;
                }
            }
            catch (JourneyRuleException)
            {
                // A handling the journey refuses (reopening an open warning) changes nothing; the check below still holds.
            }

            clock.Advance(Duration.FromMinutes(pick % 7));
            engine.Refresh();
            await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
        }

        modelClock.Reset(clock.GetCurrentInstant());
        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = WorkspaceWarningQuery.MaxLimit });
        Assert.Equal(States(engine.View()), States(page.Items));
    }

    // A warning acknowledged, cleared and raised again: the engine that saw the clear starts a new episode and says open;
    // an engine built afterwards (another host, a rebuilt engine) never saw the clear and says acknowledged. Whichever
    // writes last, the workspace view shows the current episode: open. An acknowledgement in the new episode still shows.
    [Fact]
    public async Task A_fresh_engine_writing_after_a_clear_and_re_raise_does_not_bring_back_the_previous_episodes_status()
    {
        var clock = new FakeClock(Start);
        var model = await OpenAsync(clock);
        var workspace = WorkspaceId.New();
        var journey = Journey.Create(Ana, workspace, "Online store", clock);
        var banner = journey.AddActivity(Ana, journey.AddPhase(Ana, "See"), "Banner");
        var live = new WarningEngine(journey, clock, settings: Settings);
        var projector = new WorkspaceWarningProjector(live);
        var key = new WarningKey(NoOwnerRule.RuleId, WarningSubject.For(banner));
        async Task LiveStep()
        {
            live.Refresh();
            await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
        }

        async Task<WarningState?> FreshWrites()
        {
            var fresh = new WarningEngine(journey, clock, settings: Settings);
            await model.ApplyAsync(new WorkspaceWarningProjector(fresh).ProjectAll(clock.GetCurrentInstant()));
            return fresh.StateOf(key);
        }

        async Task<WarningState> Shown() =>
            (await model.QueryAsync(workspace, new WorkspaceWarningQuery { Rule = NoOwnerRule.RuleId, Limit = 10 })).Items.Single(r => r.Key == key).State;

        await LiveStep();
        journey.AcknowledgeWarning(Ana, key);
        await LiveStep();
        clock.Advance(Duration.FromMinutes(1));
        journey.ChangeActivityDetails(Ana, banner, d => d with { Owner = "ben" });
        await LiveStep();
        clock.Advance(Duration.FromMinutes(1));
        journey.ChangeActivityDetails(Ana, banner, d => d with { Owner = null });
        await LiveStep();

        Assert.Equal(WarningState.Open, live.StateOf(key));
        Assert.Equal(WarningState.Acknowledged, await FreshWrites());
        Assert.Equal(WarningState.Open, await Shown());

        // The same through a difference (an upsert of the changed row): the fresh engine's later update still says
        // acknowledged, and the row stays open.
        var fresh = new WarningEngine(journey, clock, settings: Settings);
        var freshProjector = new WorkspaceWarningProjector(fresh);
        await model.ApplyAsync(freshProjector.Project(clock.GetCurrentInstant()));
        clock.Advance(Duration.FromMinutes(1));
        journey.ChangeActivityDetails(Ana, banner, d => d with { Team = "web" });
        fresh.Refresh();
        var difference = freshProjector.Project(clock.GetCurrentInstant());
        Assert.False(difference.ReplacesAll);
        Assert.Contains(difference.Upserts, r => r.Key == key && r.State == WarningState.Acknowledged);
        await model.ApplyAsync(difference);
        Assert.Equal(WarningState.Open, await Shown());

        // Acknowledged in the new episode: any engine's update shows it, a difference or a full one.
        clock.Advance(Duration.FromMinutes(1));
        journey.AcknowledgeWarning(Ana, key);
        journey.ChangeActivityDetails(Ana, banner, d => d with { Team = "shop" });
        fresh.Refresh();
        await model.ApplyAsync(freshProjector.Project(clock.GetCurrentInstant()));
        Assert.Equal(WarningState.Acknowledged, await Shown());
        Assert.Equal(WarningState.Acknowledged, await FreshWrites());
        Assert.Equal(WarningState.Acknowledged, await Shown());
    }

    // Random journeys, random handlings and random owner changes that clear and raise again the activities' no-owner
    // warnings. One long-lived engine projects after every step; now and then, and at the end, a fresh engine over the same
    // journey writes a full update after it. The workspace view always ends in the long-lived engine's states: a status
    // of an episode the long-lived engine saw end never comes back through the fresh engine.
    [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 40)]
    public async Task A_fresh_engine_writing_after_the_long_lived_one_leaves_the_long_lived_engines_states(JourneyScenario scenario, int[] steps)
    {
        var workspace = WorkspaceId.New();
        var modelClock = new FakeClock(JourneyScenario.Start);
        var model = await OpenAsync(modelClock);
        var (journey, clock) = (scenario with { WorkspaceId = workspace.Value }).Build();
        var live = new WarningEngine(journey, clock, settings: Settings);
        var projector = new WorkspaceWarningProjector(live);
        live.Refresh();
        await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
        async Task FreshWrites()
        {
            var fresh = new WarningEngine(journey, clock, settings: Settings);
            await model.ApplyAsync(new WorkspaceWarningProjector(fresh).ProjectAll(clock.GetCurrentInstant()));
        }

        foreach (var step in steps)
        {
            var pick = step & int.MaxValue;
            var view = live.View();
            try
            {
                // Half the handlings and every flap are about no-owner warnings, so that handled warnings clear and
                // come back often.
                var ownerless = view.Where(i => i.Key.Rule == NoOwnerRule.RuleId).ToList();
                var candidates = pick / 3 % 2 == 0 && ownerless.Count > 0 ? ownerless : view;
                if (pick % 3 == 0 && candidates.Count > 0)
                {
                    var key = candidates[pick / 6 % candidates.Count].Key;
                    switch (pick / 6 / candidates.Count % 4)
                    {
                        case 0: journey.AcknowledgeWarning(Ana, key); break;
                        case 1: journey.SnoozeWarning(Ana, key, clock.GetCurrentInstant() + Duration.FromMinutes(1 + (pick % 90))); break;
                        case 2: journey.ResolveWarning(Ana, key); break;
                        default: journey.ReopenWarning(Ana, key); break;
                    }
                }
                else if (pick % 3 == 2 && ownerless.Count > 0)
                {
                    // A flap: the activity gets an owner (its no-owner warning clears, and the long-lived engine sees
                    // it), then loses it again (the warning comes back).
                    var activity = new ActivityId(ownerless[pick / 3 % ownerless.Count].Key.Subject.Id);
                    journey.ChangeActivityDetails(Ana, activity, d => d with { Owner = "ana" });
                    clock.Advance(Duration.FromMinutes(1));
                    live.Refresh();
                    await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
                    journey.ChangeActivityDetails(Ana, activity, d => d with { Owner = null });
                }
                else if (journey.ActivityCount > 0)
                {
                    // Giving an activity an owner clears its no-owner warning; taking it away raises it again.
                    var activity = journey.Activities[pick / 3 % journey.ActivityCount].Id;
                    journey.ChangeActivityDetails(Ana, activity, d => d with { Owner = d.Owner is null ? "ana" : null });
                }
            }
            catch (JourneyRuleException)
            {
                // A handling the journey refuses (reopening an open warning) changes nothing; the check below still holds.
            }

            clock.Advance(Duration.FromMinutes(pick % 7));
            live.Refresh();
            await model.ApplyAsync(projector.Project(clock.GetCurrentInstant()));
            if (pick / 7 % 2 == 0)
            {
                await FreshWrites();
            }
        }

        await FreshWrites();
        modelClock.Reset(clock.GetCurrentInstant());
        var page = await model.QueryAsync(workspace, new WorkspaceWarningQuery { Limit = WorkspaceWarningQuery.MaxLimit });
        Assert.Equal(States(live.View()), States(page.Items));
    }

    private static string[] States(IEnumerable<WarningViewItem> view) =>
        [.. view.Select(i => $"{i.Key} | {i.State} | {(i.State == WarningState.Snoozed ? i.Status?.SnoozedUntil : null)}").Order(StringComparer.Ordinal)];

    private static string[] States(IEnumerable<WorkspaceWarning> rows) =>
        [.. rows.Select(r => $"{r.Key} | {r.State} | {r.SnoozedUntil}").Order(StringComparer.Ordinal)];

    // Two journeys of a new workspace: phases See, Do and an empty Care; touchpoints without metrics, some without an owner.
    private static async Task<(WorkspaceId Workspace, WarningEngine[] Engines)> TwoJourneysAsync(IWorkspaceWarnings model, FakeClock clock)
    {
        var workspace = WorkspaceId.New();
        var engines = new WarningEngine[2];
        for (var j = 0; j < 2; j++)
        {
            var journey = Journey.Create(Ana, workspace, j == 0 ? "Online store" : "Support", clock);
            var see = journey.AddPhase(Ana, "See");
            var doing = journey.AddPhase(Ana, "Do");
            journey.AddPhase(Ana, "Care");
            journey.AddActivity(Ana, see, "Newsletter", details: ActivityDetails.Empty with { Owner = "ana", Team = "web" });
            journey.AddActivity(Ana, see, "Banner", details: ActivityDetails.Empty with { Team = "web" });
            journey.AddActivity(Ana, doing, "Checkout", details: ActivityDetails.Empty with { Owner = "ana", Team = "shop" });
            journey.AddActivity(Ana, doing, "Returns");
            var engine = new WarningEngine(journey, clock, settings: Settings);
            await model.ApplyAsync(new WorkspaceWarningProjector(engine).Project(clock.GetCurrentInstant()));
            engines[j] = engine;
        }

        return (workspace, engines);
    }

    private static string[] Describe(IEnumerable<WorkspaceWarning> rows, bool ordered = false)
    {
        var lines = rows.Select(r => string.Join(" | ", r.JourneyId, r.JourneyName, r.Key, r.Severity, r.SubjectName, r.PhaseId, r.PhaseName, r.Owner, r.Team, r.Message, r.PastLimit, r.PhaseIndex, r.MapIndex)
            + (ordered ? $" | {r.State} | {r.SnoozedUntil} | {r.RaisedAt}" : string.Empty));
        return ordered ? [.. lines] : [.. lines.Order(StringComparer.Ordinal)];
    }
}
