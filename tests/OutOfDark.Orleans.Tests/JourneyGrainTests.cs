using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Orleans;
using Orleans.Runtime;
using OutOfDark.Storage.PostgreSql;
using OutOfDark.Storage.PostgreSql.Tests;
using OutOfDark.Warnings;
using Xunit;
using Xunit.Abstractions;

namespace OutOfDark.Orleans.Tests;

/// <summary>The grain API on a three-silo cluster: idempotency, tenant isolation, queries and the due-recheck reminder.</summary>
public sealed class JourneyGrainTests(MovingClockClusterFixture fixture, ITestOutputHelper output) : IClassFixture<MovingClockClusterFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2031, 3, 10, 9, 0);

    [PostgresFact]
    public async Task A_retried_command_is_applied_once_even_after_the_grain_is_reactivated()
    {
        TestClocks.Moving.Set(Now);
        var client = fixture.Cluster.Client;
        var grain = client.GetJourneyGrain(WorkspaceId.New(), JourneyId.New());
        await grain.ExecuteAsync(Commands.Create("Onboarding"));
        var phase = Commands.Phase(Guid.NewGuid());

        var first = await grain.ExecuteAsync(phase);
        var again = await grain.ExecuteAsync(phase);
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var afterReactivation = await grain.ExecuteAsync(phase);

        Assert.Equal(new JourneyCommandResult { Version = 2, Repeated = false }, first);
        Assert.Equal(new JourneyCommandResult { Version = 2, Repeated = true }, again);
        Assert.Equal(new JourneyCommandResult { Version = 2, Repeated = true }, afterReactivation);
        Assert.Equal(2, (await grain.GetJourneyAsync()).Version);
    }

    [PostgresFact]
    public async Task A_command_id_reused_with_another_payload_is_refused_naming_the_id_before_and_after_reactivation()
    {
        TestClocks.Moving.Set(Now);
        var client = fixture.Cluster.Client;
        var journeyId = JourneyId.New();
        var grain = client.GetJourneyGrain(WorkspaceId.New(), journeyId);
        await grain.ExecuteAsync(Commands.Create("Onboarding"));
        var phase = Commands.Phase(Guid.NewGuid());
        await grain.ExecuteAsync(phase);
        var reused = phase with { Name = "Something else" };

        var active = await Assert.ThrowsAsync<JourneyCommandIdReusedException>(() => grain.ExecuteAsync(reused));
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reactivated = await Assert.ThrowsAsync<JourneyCommandIdReusedException>(() => grain.ExecuteAsync(reused));

        Assert.Equal(phase.CommandId, active.CommandId);
        Assert.Equal(journeyId, reactivated.JourneyId);
        Assert.Contains(phase.CommandId.ToString(), reactivated.Message, StringComparison.Ordinal);
        var journey = await grain.GetJourneyAsync();
        Assert.Equal(2, journey.Version);
        Assert.Equal(new JourneyCommandResult { Version = 2, Repeated = true }, await grain.ExecuteAsync(phase));
    }

    [PostgresFact]
    public async Task A_client_of_one_workspace_cannot_reach_a_journey_of_another_through_the_grains()
    {
        TestClocks.Moving.Set(Now);
        var client = fixture.Cluster.Client;
        var (a, b, journey) = (WorkspaceId.New(), WorkspaceId.New(), JourneyId.New());
        await client.GetJourneyGrain(a, journey).ExecuteAsync(Commands.Create("Workspace A's journey"));

        var intruder = client.GetJourneyGrain(b, journey);
        var read = await Assert.ThrowsAsync<JourneyNotFoundException>(() => intruder.GetJourneyAsync());
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => intruder.ExecuteAsync(new RenameJourney { CommandId = Guid.NewGuid(), Actor = "mallory", Name = "Mine now" }));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => intruder.GetWarningsAsync(includeResolved: true));
        await Assert.ThrowsAsync<JourneyNotFoundException>(() => intruder.GetHistoryAsync(0, null));

        Assert.Contains(journey.ToString(), read.Message, StringComparison.Ordinal);
        var own = await client.GetJourneyGrain(a, journey).GetJourneyAsync();
        Assert.Equal(1, own.Version);
        Assert.Equal("Workspace A's journey", Json.JourneyJsonSerializer.Default.DeserializeJourney(own.Json, SystemClock.Instance).Name);
    }

    [PostgresFact]
    public async Task A_refused_command_saves_nothing_and_names_what_is_wrong()
    {
        TestClocks.Moving.Set(Now);
        var grain = fixture.Cluster.Client.GetJourneyGrain(WorkspaceId.New(), JourneyId.New());
        await grain.ExecuteAsync(Commands.Create("Returns"));
        var missing = Guid.NewGuid();

        var refused = await Assert.ThrowsAsync<JourneyRuleException>(() => grain.ExecuteAsync(Commands.Activity(Guid.NewGuid(), missing, "Ghost")));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => grain.ExecuteAsync(Commands.Phase(Guid.NewGuid()) with { CommandId = Guid.Empty }));

        Assert.Contains(missing.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains("CommandId is empty", empty.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await grain.GetJourneyAsync()).Version);
    }

    [PostgresFact]
    public async Task History_and_time_travel_answer_from_the_grain()
    {
        TestClocks.Moving.Set(Now);
        var grain = fixture.Cluster.Client.GetJourneyGrain(WorkspaceId.New(), JourneyId.New());
        await grain.ExecuteAsync(Commands.Create("Renewal"));
        await grain.ExecuteAsync(new RenameJourney { CommandId = Guid.NewGuid(), Actor = "ana", Name = "Renewal 2" });

        var history = Json.JourneyJsonSerializer.Default.DeserializeEventStream(await grain.GetHistoryAsync(0, null));
        var first = Json.JourneyJsonSerializer.Default.DeserializeJourney((await grain.GetAsOfVersionAsync(1)).Json, SystemClock.Instance);

        Assert.Equal(2, history.Count);
        Assert.Equal("Renewal", first.Name);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.GetAsOfVersionAsync(3));
    }

    [PostgresFact]
    public async Task A_reminder_raises_the_stale_data_warning_on_its_due_instant_after_the_silo_that_set_it_is_gone()
    {
        var client = fixture.Cluster.Client;
        var workspace = WorkspaceId.New();
        var observed = new LocalDate(2031, 3, 1);

        // When does the metric go stale? Ask a local engine with the same journey shape.
        var local = Journey.Create(new Actor("ana"), workspace, "Probe", new FakeClock(Now));
        var p = local.AddPhase(new Actor("ana"), "Do");
        var act = local.AddActivity(new Actor("ana"), p, "Checkout", details: ActivityDetails.Empty with { Owner = "ana" });
        var m = local.AddWidget(new Actor("ana"), act, new MetricWidget("Conversion"));
        local.RecordObservation(new Actor("ana"), m, observed, 10m);
        var probe = new WarningEngine(local, new FakeClock(Now));
        probe.EvaluateAll();
        var due = probe.NextDue ?? throw new InvalidOperationException("The stale-data rule set no due instant.");
        Assert.DoesNotContain(probe.Warnings, w => w.Key.Rule == StaleMetricRule.RuleId);

        TestClocks.Moving.Set(Now);

        // A journey whose grain lives on a secondary silo (any silo would do: membership is in PostgreSQL).
        var silos = fixture.Cluster.SecondarySilos.Select(s => s.SiloAddress).ToHashSet();
        IJourneyGrain? grain = null;
        SiloAddress? host = null;
        JourneyId journeyId = default;
        for (var i = 0; i < 20 && host is null; i++)
        {
            journeyId = JourneyId.New();
            grain = client.GetJourneyGrain(workspace, journeyId);
            await grain.ExecuteAsync(Commands.Create("Stale data"));
            var where = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var at = where.Single(s => s.GrainId == grain.GetGrainId()).SiloAddress;
            host = silos.Contains(at) ? at : null;
        }

        Assert.NotNull(host);
        var phase = Guid.NewGuid();
        var activity = Guid.NewGuid();
        var metric = Guid.NewGuid();
        await grain!.ExecuteAsync(Commands.Phase(phase));
        await grain.ExecuteAsync(Commands.Activity(activity, phase, "Checkout", owner: "ana"));
        await grain.ExecuteAsync(Commands.Metric(metric, activity) with { Target = null, WarningThreshold = null, CriticalThreshold = null });

        // The silos' clock: some seconds before the due instant, running on; the observation sets the reminder. The
        // margin must cover killing the silo and its leaving the cluster on a loaded machine.
        var margin = Duration.FromSeconds(20);
        TestClocks.Moving.Set(due - margin);
        await grain.ExecuteAsync(Commands.Observation(metric, observed.ToDateOnly(), 10m));
        Assert.DoesNotContain(await grain.GetWarningsAsync(includeResolved: true), w => w.Rule == StaleMetricRule.RuleId.Value);

        await fixture.Cluster.KillSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress == host));
        Assert.True(TestClocks.Moving.GetCurrentInstant() < due, $"The silo died after the due instant: the reminder may have fired on it. The machine was too slow for this test's {margin.TotalSeconds} s margin.");
        output.WriteLine($"killed {host}; due at {due}, now {TestClocks.Moving.GetCurrentInstant()}");
        Assert.Equal(SiloStatus.Dead, await fixture.MembershipStatusAsync(host!, TimeSpan.FromSeconds(30)));

        // Nobody calls the grain: the raise must come from the reminder, through the feed of the store.
        await using var store = new PostgreSqlJourneyStore(fixture.ConnectionString, TestClocks.Moving);
        WarningChange? raised = null;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (raised is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var feed = await store.ReadAsync(0, 10_000);
            raised = feed.Select(e => e.Change).FirstOrDefault(c => c.JourneyId == journeyId && c.Key.Rule == StaleMetricRule.RuleId && c.Kind == WarningChangeKind.Raised);
        }

        Assert.NotNull(raised);
        Assert.True(raised.OccurredAt >= due, $"The warning was raised at {raised.OccurredAt}, before its due instant {due}.");
        Assert.Equal(5, raised.JourneyVersion);
        output.WriteLine($"raised at {raised.OccurredAt} by the reminder");
    }

    [PostgresFact]
    public async Task A_per_segment_warning_arrives_with_its_segment_two_segments_stay_two_items_and_each_is_handled_alone()
    {
        TestClocks.Moving.Set(Now);
        var ana = new Actor("ana");
        var workspace = WorkspaceId.New();
        var journey = Journey.Create(ana, workspace, "Segments", TestClocks.Moving);
        var checkout = journey.AddActivity(ana, journey.AddPhase(ana, "Buy"), "Checkout");
        var csat = journey.AddWidget(ana, checkout, new MetricWidget("CSAT") { Unit = "%", Kind = MetricKind.Csat, Target = 80, WarningThreshold = 70, CriticalThreshold = 60 });
        var day = Now.InUtc().Date.PlusDays(-1);
        journey.RecordObservation(ana, csat, Segment.All, new Observation(day, 85m));
        journey.RecordObservation(ana, csat, Segment.Of(("region", "DE"), ("customer", "first-time buyer")), new Observation(day, 65m));
        journey.RecordObservation(ana, csat, Segment.Of(("region", "FR")), new Observation(day, 55m));
        journey.SetRuleSettings(ana, MetricThresholdRule.RuleId, new MetricThresholdSettings { SplitBy = SegmentSplit.EverySegment });
        await using (var store = new PostgreSqlJourneyStore(fixture.ConnectionString, TestClocks.Moving))
        {
            await store.SaveAsync(journey);
        }

        var grain = fixture.Cluster.Client.GetJourneyGrain(workspace, journey.Id);
        var items = (await grain.GetWarningsAsync(includeResolved: true)).Where(w => w.Rule == MetricThresholdRule.RuleId.Value).OrderBy(w => w.SubjectName, StringComparer.Ordinal).ToList();

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(("Metric", csat.Value), (i.SubjectKind, i.SubjectId)));
        Assert.Equal([("customer", "first-time buyer"), ("region", "DE")], items[0].Segment!.Select(d => (d.Key, d.Value)));
        Assert.Equal([("region", "FR")], items[1].Segment!.Select(d => (d.Key, d.Value)));
        Assert.Equal(["CSAT on Checkout (customer first-time buyer, region DE)", "CSAT on Checkout (region FR)"], items.Select(i => i.SubjectName));
        Assert.Equal(["Warning", "Critical"], items.Select(i => i.Severity));

        await grain.ExecuteAsync(new HandleWarning
        {
            CommandId = Guid.NewGuid(),
            Actor = "ana",
            Rule = items[1].Rule,
            SubjectKind = items[1].SubjectKind,
            SubjectId = items[1].SubjectId,
            Segment = items[1].Segment,
            Action = "Acknowledge",
        });

        var after = (await grain.GetWarningsAsync(includeResolved: true)).Where(w => w.Rule == MetricThresholdRule.RuleId.Value).OrderBy(w => w.SubjectName, StringComparer.Ordinal).ToList();
        Assert.Equal(["Open", "Acknowledged"], after.Select(i => i.State));
    }
}
