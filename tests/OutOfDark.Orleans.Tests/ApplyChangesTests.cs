using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using Orleans;
using Orleans.Runtime;
using OutOfDark.Events;
using OutOfDark.Json;
using OutOfDark.Storage.PostgreSql.Tests;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Orleans.Tests;

/// <summary>
/// <see cref="ApplyChanges"/> on a three-silo cluster: a client runs domain commands on its copy of the journey and the
/// grain applies their events, checked by the domain's rules, at the version the copy was read at.
/// </summary>
public sealed class ApplyChangesTests(MovingClockClusterFixture fixture) : IClassFixture<MovingClockClusterFixture>
{
    private static readonly Instant Now = Instant.FromUtc(2031, 3, 10, 9, 0);
    private static readonly Actor Ana = new("ana");
    private static readonly JourneyJsonSerializer Json = JourneyJsonSerializer.Default;

    [PostgresFact]
    public async Task Changes_made_on_a_copy_are_saved_with_the_grains_instant_shown_in_history_and_evaluated_by_the_warning_engine()
    {
        TestClocks.Moving.Set(Now);
        var (grain, phase) = await NewJourneyWithPhaseAsync();
        Assert.Contains(await grain.GetWarningsAsync(includeResolved: false), w => w.Rule == EmptyPhaseRule.RuleId.Value && w.SubjectId == phase);

        // Commands the closed set has no record for: an activity with a kind and team, moved under a parent, a phase renamed.
        var copy = await CopyAsync(grain);
        var parent = copy.AddActivity(Ana, new PhaseId(phase), "Browse", ActivityKind.Milestone, ActivityDetails.Empty with { Team = "Web" });
        var child = copy.AddActivity(Ana, new PhaseId(phase), "Compare");
        copy.MoveActivity(Ana, child, new PhaseId(phase), parent, "belongs under browsing");
        copy.ChangePhase(Ana, new PhaseId(phase), "Discover", "Find a plan");
        var command = ApplyChanges.From(Guid.NewGuid(), "ana", copy.CommittedVersion, copy.PendingEvents);

        var result = await grain.ExecuteAsync(command);

        Assert.Equal(new JourneyCommandResult { Version = 6, Repeated = false }, result);
        var saved = Json.DeserializeJourney((await grain.GetJourneyAsync()).Json, SystemClock.Instance);
        Assert.Equal(6, saved.Version);
        Assert.Equal(parent, saved.GetActivity(child).ParentId);
        Assert.Equal("Web", saved.GetActivity(parent).Details.Team);
        Assert.Equal("Discover", saved.Phases.Single().Name);

        var history = Json.DeserializeEventStream(await grain.GetHistoryAsync(0, null));
        Assert.Equal(copy.PendingEvents.Select(e => e.GetType()), history.Skip(2).Select(e => e.GetType()));
        Assert.All(history.Skip(2), e => Assert.Equal("ana", e.Actor));
        Assert.All(history.Skip(2), e => Assert.InRange(e.OccurredAt, Now, TestClocks.Moving.GetCurrentInstant()));
        Assert.Equal("belongs under browsing", history.OfType<ActivityMoved>().Single().Reason);

        var warnings = await grain.GetWarningsAsync(includeResolved: false);
        Assert.DoesNotContain(warnings, w => w.Rule == EmptyPhaseRule.RuleId.Value);
        Assert.Contains(warnings, w => w.Rule == NoOwnerRule.RuleId.Value && w.SubjectId == child.Value);
    }

    [PostgresFact]
    public async Task Changes_made_on_an_older_version_are_a_concurrency_conflict_and_save_nothing()
    {
        TestClocks.Moving.Set(Now);
        var (grain, phase) = await NewJourneyWithPhaseAsync();
        var first = await CopyAsync(grain);
        var second = await CopyAsync(grain);
        first.AddActivity(Ana, new PhaseId(phase), "Browse", ActivityKind.Milestone);
        second.ChangePhase(Ana, new PhaseId(phase), "Discover", null);
        await grain.ExecuteAsync(ApplyChanges.From(Guid.NewGuid(), "ana", first.CommittedVersion, first.PendingEvents));

        var conflict = await Assert.ThrowsAsync<JourneyConcurrencyException>(() =>
            grain.ExecuteAsync(ApplyChanges.From(Guid.NewGuid(), "ana", second.CommittedVersion, second.PendingEvents)));

        Assert.Equal(2, conflict.ExpectedVersion);
        Assert.Equal(3, conflict.ActualVersion);
        var saved = Json.DeserializeJourney((await grain.GetJourneyAsync()).Json, SystemClock.Instance);
        Assert.Equal(3, saved.Version);
        Assert.Equal("Do", saved.Phases.Single().Name);
    }

    [PostgresFact]
    public async Task Events_that_break_a_journey_rule_or_are_malformed_are_refused_and_save_nothing()
    {
        TestClocks.Moving.Set(Now);
        var (grain, phase) = await NewJourneyWithPhaseAsync();
        var copy = await CopyAsync(grain);
        var valid = copy.AddActivity(Ana, new PhaseId(phase), "Browse");
        var ghost = Guid.NewGuid();
        var inUnknownPhase = new ActivityAdded(ActivityId.New(), new PhaseId(ghost), null, "Ghost", ActivityKind.Touchpoint, ActivityDetails.Empty)
        {
            JourneyId = copy.Id,
            OccurredAt = Now,
            Actor = "ana",
        };

        var refused = await Assert.ThrowsAsync<JourneyRuleException>(() =>
            grain.ExecuteAsync(ApplyChanges.From(Guid.NewGuid(), "ana", 2, [.. copy.PendingEvents, inUnknownPhase])));
        var otherActor = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.ExecuteAsync(ApplyChanges.From(Guid.NewGuid(), "mallory", 2, copy.PendingEvents)));
        var garbage = await Assert.ThrowsAsync<ArgumentException>(() =>
            grain.ExecuteAsync(new ApplyChanges { CommandId = Guid.NewGuid(), Actor = "ana", BaseVersion = 2, Events = [Encoding.UTF8.GetBytes("{\"type\":\"NoSuchEvent\"}")] }));

        Assert.Contains(ghost.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Contains("'ana'", otherActor.Message, StringComparison.Ordinal);
        Assert.Contains("'mallory'", otherActor.Message, StringComparison.Ordinal);
        Assert.Contains("ApplyChanges.Events[0]", garbage.Message, StringComparison.Ordinal);
        var saved = Json.DeserializeJourney((await grain.GetJourneyAsync()).Json, SystemClock.Instance);
        Assert.Equal(2, saved.Version);
        Assert.False(saved.TryGetActivity(valid, out _));
    }

    [PostgresFact]
    public async Task A_retried_command_id_returns_the_first_result_even_after_the_journey_moved_on_and_the_grain_was_reactivated()
    {
        TestClocks.Moving.Set(Now);
        var client = fixture.Cluster.Client;
        var (grain, phase) = await NewJourneyWithPhaseAsync();
        var copy = await CopyAsync(grain);
        copy.AddActivity(Ana, new PhaseId(phase), "Browse", ActivityKind.Milestone);
        var command = ApplyChanges.From(Guid.NewGuid(), "ana", copy.CommittedVersion, copy.PendingEvents);

        var first = await grain.ExecuteAsync(command);
        await grain.ExecuteAsync(new RenameJourney { CommandId = Guid.NewGuid(), Actor = "ana", Name = "Moved on" });
        var again = await grain.ExecuteAsync(command);
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var afterReactivation = await grain.ExecuteAsync(command);

        Assert.Equal(new JourneyCommandResult { Version = 3, Repeated = false }, first);
        Assert.Equal(new JourneyCommandResult { Version = 3, Repeated = true }, again);
        Assert.Equal(new JourneyCommandResult { Version = 3, Repeated = true }, afterReactivation);
        Assert.Equal(4, (await grain.GetJourneyAsync()).Version);
        await Assert.ThrowsAsync<JourneyCommandIdReusedException>(() => grain.ExecuteAsync(command with { BaseVersion = 4 }));
    }

    private async Task<(IJourneyGrain Grain, Guid Phase)> NewJourneyWithPhaseAsync()
    {
        var grain = fixture.Cluster.Client.GetJourneyGrain(WorkspaceId.New(), JourneyId.New());
        await grain.ExecuteAsync(Commands.Create("Onboarding"));
        var phase = Guid.NewGuid();
        await grain.ExecuteAsync(Commands.Phase(phase));
        return (grain, phase);
    }

    // The client's copy runs on its own clock: the grain stamps the events with the silos' clock when it applies them.
    private static async Task<Journey> CopyAsync(IJourneyGrain grain) =>
        Json.DeserializeJourney((await grain.GetJourneyAsync()).Json, new FakeClock(Now - Duration.FromDays(400)));
}
