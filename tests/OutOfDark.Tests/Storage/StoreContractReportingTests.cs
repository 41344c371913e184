using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using OutOfDark.Events;
using OutOfDark.Testing;
using Xunit;

namespace OutOfDark.Tests.Storage;

/// <summary>The framework-free store contract itself: how it reports a store that breaks it, and how it is called.</summary>
public sealed class StoreContractReportingTests
{
    [Fact]
    public async Task A_store_that_never_deletes_fails_the_delete_check_with_a_message_naming_it()
    {
        var contract = new JourneyStoreContract(clock => Task.FromResult<IJourneyStore>(new NeverDeletes(new InMemoryJourneyStore(clock))));

        var failure = await Assert.ThrowsAsync<JourneyStoreContractException>(() => contract.RunAsync("Deleting_removes_a_journey_and_its_history"));

        Assert.Equal("Deleting_removes_a_journey_and_its_history", failure.CheckName);
        Assert.Equal(
            "Store contract check 'Deleting_removes_a_journey_and_its_history' failed: Deleting a stored journey reported nothing deleted.",
            failure.Message);
    }

    [Fact]
    public async Task A_store_that_loses_events_fails_with_what_was_expected_and_found()
    {
        var contract = new JourneyStoreContract(clock => Task.FromResult<IJourneyStore>(new LosesLastEvent(new InMemoryJourneyStore(clock))));

        var failure = await Assert.ThrowsAsync<JourneyStoreContractException>(() => contract.RunAsync("Loading_as_of_each_version_gives_the_fold_of_the_events_up_to_it"));

        Assert.Equal(
            "Store contract check 'Loading_as_of_each_version_gives_the_fold_of_the_events_up_to_it' failed: The events read from version 5 to 12: expected 7 items, found 6.",
            failure.Message);
    }

    [Fact]
    public async Task A_store_that_throws_is_reported_with_the_stores_exception_inside()
    {
        var contract = new JourneyStoreContract(clock => Task.FromResult<IJourneyStore>(new ListingThrows(new InMemoryJourneyStore(clock))));

        var failure = await Assert.ThrowsAsync<JourneyStoreContractException>(() => contract.RunAsync("An_unknown_journey_is_not_found"));

        Assert.Equal("Store contract check 'An_unknown_journey_is_not_found' failed: the store threw InvalidOperationException: listing is broken", failure.Message);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public async Task A_factory_that_fails_is_reported_as_not_opening_the_store()
    {
        var contract = new JourneyStoreContract(_ => throw new InvalidOperationException("no database"));

        var failure = await Assert.ThrowsAsync<JourneyStoreContractException>(() => contract.RunAsync("An_unknown_journey_is_not_found"));

        Assert.Equal("Store contract check 'An_unknown_journey_is_not_found' could not open the store: no database", failure.Message);
    }

    [Fact]
    public async Task An_unknown_check_name_is_refused_with_the_names_there_are()
    {
        var contract = new JourneyStoreContract(clock => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock)));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => contract.RunAsync("Deleting_works"));

        Assert.Equal("checkName", refused.ParamName);
        Assert.StartsWith("There is no store contract check named 'Deleting_works'. Use one of JourneyStoreContract.CheckNames: Generated_journeys_read_back_equal, ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_every_check_reports_each_failed_check_and_only_those()
    {
        var contract = new JourneyStoreContract(clock => Task.FromResult<IJourneyStore>(new NeverDeletes(new InMemoryJourneyStore(clock)))) { GeneratedJourneyCount = 3 };

        var failures = await Assert.ThrowsAsync<AggregateException>(() => contract.RunAllAsync());

        var names = failures.InnerExceptions.Cast<JourneyStoreContractException>().Select(f => f.CheckName).ToList();
        Assert.Equal(["Journeys_with_the_same_id_in_two_workspaces_stay_apart", "Deleting_removes_a_journey_and_its_history", "Workspaces_with_journeys_are_listed_once_by_id"], names);
        Assert.StartsWith($"The store failed 3 of {JourneyStoreContract.CheckNames.Count} contract checks: Journeys_with_the_same_id_in_two_workspaces_stay_apart, Deleting_removes_a_journey_and_its_history, Workspaces_with_journeys_are_listed_once_by_id.", failures.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_check_passes_on_the_in_memory_store_without_a_test_framework()
    {
        var contract = new JourneyStoreContract(clock => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock))) { GeneratedJourneyCount = 5, ConcurrentWriters = 8 };

        await contract.RunAllAsync();

        Assert.Equal(17, JourneyStoreContract.CheckNames.Count);
        Assert.Equal(JourneyStoreContract.CheckNames.Count, JourneyStoreContract.CheckNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_xunit_adapter_runs_one_case_per_check()
    {
        var rows = ((IEnumerable<object[]>)Testing.Xunit.JourneyStoreContractTests.ContractChecks).ToList();

        Assert.All(rows, row => Assert.Single(row));
        Assert.Equal(JourneyStoreContract.CheckNames, rows.Select(row => (string)row[0]));
    }

    [Fact]
    public void Settings_below_what_the_checks_need_are_refused()
    {
        var open = (Func<IClock, Task<IJourneyStore>>)(clock => Task.FromResult<IJourneyStore>(new InMemoryJourneyStore(clock)));

        Assert.Equal("ConcurrentWriters", Assert.Throws<ArgumentOutOfRangeException>(() => new JourneyStoreContract(open) { ConcurrentWriters = 7 }).ParamName);
        Assert.Equal("GeneratedJourneyCount", Assert.Throws<ArgumentOutOfRangeException>(() => new JourneyStoreContract(open) { GeneratedJourneyCount = 0 }).ParamName);
    }

    private class Forwarding(IJourneyStore inner) : IJourneyStore
    {
        public virtual Task<long> AppendAsync(WorkspaceId workspaceId, JourneyId journeyId, long expectedVersion, IReadOnlyList<JourneyEvent> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(workspaceId, journeyId, expectedVersion, events, cancellationToken);

        public virtual Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken);

        public Task<Journey> LoadAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
            inner.LoadAsync(workspaceId, journeyId, cancellationToken);

        public Task<Journey> LoadAsOfVersionAsync(WorkspaceId workspaceId, JourneyId journeyId, long version, CancellationToken cancellationToken = default) =>
            inner.LoadAsOfVersionAsync(workspaceId, journeyId, version, cancellationToken);

        public Task<Journey> LoadAsOfInstantAsync(WorkspaceId workspaceId, JourneyId journeyId, Instant instant, CancellationToken cancellationToken = default) =>
            inner.LoadAsOfInstantAsync(workspaceId, journeyId, instant, cancellationToken);

        public virtual Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default) =>
            inner.ListAsync(workspaceId, cancellationToken);

        public virtual Task<IReadOnlyList<WorkspaceId>> ListWorkspacesAsync(CancellationToken cancellationToken = default) =>
            inner.ListWorkspacesAsync(cancellationToken);

        public virtual Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(workspaceId, journeyId, cancellationToken);
    }

    private sealed class NeverDeletes(IJourneyStore inner) : Forwarding(inner)
    {
        public override Task<bool> DeleteAsync(WorkspaceId workspaceId, JourneyId journeyId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }

    private sealed class LosesLastEvent(IJourneyStore inner) : Forwarding(inner)
    {
        public override async Task<IReadOnlyList<JourneyEvent>> ReadEventsAsync(WorkspaceId workspaceId, JourneyId journeyId, long fromVersion = 0, long? toVersion = null, CancellationToken cancellationToken = default) =>
            [.. (await base.ReadEventsAsync(workspaceId, journeyId, fromVersion, toVersion, cancellationToken).ConfigureAwait(false)).SkipLast(1)];
    }

    private sealed class ListingThrows(IJourneyStore inner) : Forwarding(inner)
    {
        public override Task<IReadOnlyList<JourneySummary>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("listing is broken");
    }
}
