using System;
using System.Linq;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Portfolio;
using Xunit;

namespace OutOfDark.Tests.Portfolio;

/// <summary>Parent changes, sub-journey links and deletion through the portfolio, which checks facts across journeys.</summary>
public class JourneyPortfolioTests
{
    private static readonly Actor Ana = new("ana");
    private readonly FakeClock _clock = FakeClock.FromUtc(2026, 10, 1, 9, 0, 0);
    private readonly WorkspaceId _workspace = WorkspaceId.New();
    private readonly InMemoryJourneyStore _store;
    private readonly JourneyPortfolio _portfolio;

    public JourneyPortfolioTests()
    {
        _store = new InMemoryJourneyStore(_clock);
        _portfolio = new JourneyPortfolio(_store);
    }

    private async Task<Journey> NewAsync(string name, Guid? id = null, WorkspaceId? workspace = null)
    {
        var journey = Journey.Create(Ana, workspace ?? _workspace, name, _clock, id is { } g ? new JourneyId(g) : null);
        await _store.SaveAsync(journey).ConfigureAwait(false);
        return journey;
    }

    [Fact]
    public async Task A_parent_that_lies_below_the_journey_is_refused_naming_both_and_nothing_changes()
    {
        var company = await NewAsync("Company", new Guid("aaaaaaaa-0000-0000-0000-000000000001"));
        var buying = await NewAsync("Buying", new Guid("aaaaaaaa-0000-0000-0000-000000000002"));
        var checkout = await NewAsync("Checkout", new Guid("aaaaaaaa-0000-0000-0000-000000000003"));
        await _portfolio.SetParentAsync(_workspace, buying.Id, company.Id, Ana);
        await _portfolio.SetParentAsync(_workspace, checkout.Id, buying.Id, Ana);
        var before = await _store.ListAsync(_workspace);
        var events = await _store.ReadEventsAsync(_workspace, company.Id);

        var ex = await Assert.ThrowsAsync<JourneyCycleException>(() => _portfolio.SetParentAsync(_workspace, company.Id, checkout.Id, Ana));

        Assert.Equal(
            "Journey 'Company' (aaaaaaaa-0000-0000-0000-000000000001) cannot go under journey 'Checkout' (aaaaaaaa-0000-0000-0000-000000000003): 'Checkout' lies below 'Company' (path aaaaaaaa-0000-0000-0000-000000000003 → aaaaaaaa-0000-0000-0000-000000000002 → aaaaaaaa-0000-0000-0000-000000000001), so the portfolio would have a cycle. Move 'Checkout' elsewhere first, or choose another parent.",
            ex.Message);
        Assert.Equal((company.Id, checkout.Id), (ex.JourneyId, ex.ParentJourneyId));
        Assert.Equal(new[] { checkout.Id, buying.Id, company.Id }, ex.Path);
        Assert.Equal(before, await _store.ListAsync(_workspace));
        Assert.Equal(events, await _store.ReadEventsAsync(_workspace, company.Id));
    }

    [Fact]
    public async Task A_journey_as_its_own_parent_is_refused_by_the_portfolio_too()
    {
        var company = await NewAsync("Company");

        var ex = await Assert.ThrowsAsync<JourneyCycleException>(() => _portfolio.SetParentAsync(_workspace, company.Id, company.Id, Ana));

        Assert.Equal(new[] { company.Id }, ex.Path);
        Assert.Null((await _store.LoadAsync(_workspace, company.Id)).ParentJourneyId);
    }

    [Fact]
    public async Task A_parent_from_another_workspace_is_not_found()
    {
        var child = await NewAsync("Child");
        var elsewhere = await NewAsync("Elsewhere", workspace: WorkspaceId.New());

        var ex = await Assert.ThrowsAsync<JourneyNotFoundException>(() => _portfolio.SetParentAsync(_workspace, child.Id, elsewhere.Id, Ana));

        Assert.Equal($"Journey 'Child' ({child.Id}) cannot go under journey {elsewhere.Id}: workspace {_workspace} has no such journey. A parent must be a journey of the same workspace.", ex.Message);
        Assert.Equal(1, (await _store.LoadAsync(_workspace, child.Id)).Version);
    }

    [Fact]
    public async Task Moving_a_journey_between_parents_and_to_the_top_is_saved_with_history()
    {
        var a = await NewAsync("A");
        var b = await NewAsync("B");
        var child = await NewAsync("Child");

        await _portfolio.SetParentAsync(_workspace, child.Id, a.Id, Ana, "belongs to A");
        await _portfolio.SetParentAsync(_workspace, child.Id, b.Id, Ana);
        await _portfolio.SetParentAsync(_workspace, child.Id, null, Ana);

        var history = await _store.ReadHistoryAsync(await _store.LoadAsync(_workspace, child.Id));
        Assert.Equal(
            new[] { $"Placed the journey under journey {a.Id}", $"Moved the journey from under journey {a.Id} to under journey {b.Id}", $"Made the journey a top-level journey (it was under journey {b.Id})" },
            history.Entries.Skip(1).Select(e => e.Description));
        Assert.Equal("belongs to A", history.Entries[1].Reason);
    }

    [Fact]
    public async Task A_sub_journey_must_be_a_journey_of_the_workspace()
    {
        var parent = await NewAsync("Store");
        var phase = parent.AddPhase(Ana, "Do");
        var checkout = parent.AddActivity(Ana, phase, "Checkout");
        await _store.SaveAsync(parent);
        var missing = JourneyId.New();

        var ex = await Assert.ThrowsAsync<JourneyNotFoundException>(() => _portfolio.LinkSubJourneyAsync(_workspace, parent.Id, checkout, missing, Ana));

        Assert.Equal($"Activity 'Checkout' of journey 'Store' cannot link to sub-journey {missing}: workspace {_workspace} has no such journey. A sub-journey must be a journey of the same workspace.", ex.Message);
        Assert.Null((await _store.LoadAsync(_workspace, parent.Id)).GetActivity(checkout).SubJourneyId);
    }

    [Fact]
    public async Task Linking_and_unlinking_a_sub_journey_is_saved_with_history()
    {
        var parent = await NewAsync("Store");
        var detail = await NewAsync("Checkout in detail");
        var phase = parent.AddPhase(Ana, "Do");
        var checkout = parent.AddActivity(Ana, phase, "Checkout");
        await _store.SaveAsync(parent);

        await _portfolio.LinkSubJourneyAsync(_workspace, parent.Id, checkout, detail.Id, Ana);
        Assert.Equal(detail.Id, (await _store.LoadAsync(_workspace, parent.Id)).GetActivity(checkout).SubJourneyId);
        await _portfolio.LinkSubJourneyAsync(_workspace, parent.Id, checkout, null, Ana);

        var loaded = await _store.LoadAsync(_workspace, parent.Id);
        Assert.Null(loaded.GetActivity(checkout).SubJourneyId);
        var history = await _store.ReadHistoryAsync(loaded);
        Assert.Equal(
            new[] { $"Linked activity \"Checkout\" to sub-journey {detail.Id}", $"Removed the sub-journey link of activity \"Checkout\" (to journey {detail.Id})" },
            history.ForActivity(checkout).Skip(1).Select(e => e.Description));
    }

    [Fact]
    public async Task Deleting_a_parent_is_refused_while_it_has_children_and_nothing_is_deleted()
    {
        var parent = await NewAsync("Company");
        var child = await NewAsync("Buying");
        await _portfolio.SetParentAsync(_workspace, child.Id, parent.Id, Ana);

        var ex = await Assert.ThrowsAsync<JourneyHasChildrenException>(() => _portfolio.DeleteAsync(_workspace, parent.Id, ChildJourneyPolicy.Refuse, Ana));

        Assert.Equal($"Journey 'Company' ({parent.Id}) has 1 child journey ('Buying'); nothing was deleted. Move them first, or delete with ChildJourneyPolicy.Detach (they become top-level journeys) or ChildJourneyPolicy.Cascade (they are deleted too).", ex.Message);
        Assert.Equal(new[] { child.Id }, ex.Children);
        Assert.Equal(2, (await _store.ListAsync(_workspace)).Count);
    }

    [Fact]
    public async Task Deleting_a_journey_without_children_under_refuse_deletes_it()
    {
        var parent = await NewAsync("Company");
        var child = await NewAsync("Buying");
        await _portfolio.SetParentAsync(_workspace, child.Id, parent.Id, Ana);

        Assert.Equal(new[] { child.Id }, await _portfolio.DeleteAsync(_workspace, child.Id, ChildJourneyPolicy.Refuse, Ana));
        Assert.Equal(new[] { parent.Id }, (await _store.ListAsync(_workspace)).Select(s => s.JourneyId));
        Assert.Empty(await _portfolio.DeleteAsync(_workspace, child.Id, ChildJourneyPolicy.Refuse, Ana));
    }

    [Fact]
    public async Task Deleting_with_detach_makes_the_children_top_level_with_history()
    {
        var parent = await NewAsync("Company");
        var a = await NewAsync("Buying");
        var b = await NewAsync("Using");
        var grandchild = await NewAsync("Checkout");
        await _portfolio.SetParentAsync(_workspace, a.Id, parent.Id, Ana);
        await _portfolio.SetParentAsync(_workspace, b.Id, parent.Id, Ana);
        await _portfolio.SetParentAsync(_workspace, grandchild.Id, a.Id, Ana);

        var deleted = await _portfolio.DeleteAsync(_workspace, parent.Id, ChildJourneyPolicy.Detach, Ana);

        Assert.Equal(new[] { parent.Id }, deleted);
        var listed = (await _store.ListAsync(_workspace)).ToDictionary(s => s.JourneyId, s => s.ParentJourneyId);
        Assert.Equal(3, listed.Count);
        Assert.Null(listed[a.Id]);
        Assert.Null(listed[b.Id]);
        Assert.Equal(a.Id, listed[grandchild.Id]);
        var history = await _store.ReadHistoryAsync(await _store.LoadAsync(_workspace, a.Id));
        Assert.Equal("parent journey 'Company' was deleted", history.Entries[^1].Reason);
    }

    [Fact]
    public async Task Deleting_with_cascade_deletes_the_whole_subtree_deepest_first()
    {
        var other = await NewAsync("Other");
        var parent = await NewAsync("Company");
        var a = await NewAsync("Buying");
        var grandchild = await NewAsync("Checkout");
        await _portfolio.SetParentAsync(_workspace, a.Id, parent.Id, Ana);
        await _portfolio.SetParentAsync(_workspace, grandchild.Id, a.Id, Ana);

        var deleted = await _portfolio.DeleteAsync(_workspace, parent.Id, ChildJourneyPolicy.Cascade, Ana);

        Assert.Equal(new[] { grandchild.Id, a.Id, parent.Id }, deleted);
        Assert.Equal(new[] { other.Id }, (await _store.ListAsync(_workspace)).Select(s => s.JourneyId));
    }

    [Fact]
    public async Task An_undefined_policy_is_refused_before_anything_happens()
    {
        var parent = await NewAsync("Company");

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _portfolio.DeleteAsync(_workspace, parent.Id, (ChildJourneyPolicy)7, Ana));

        Assert.Equal("children", ex.ParamName);
        Assert.Single(await _store.ListAsync(_workspace));
    }

    [Fact]
    public async Task The_roll_up_counts_journey_and_phase_kpis_of_the_subtree()
    {
        var company = await NewAsync("Company");
        foreach (var (name, revenue) in new[] { ("Online store", 50m), ("Retail store", 70m) })
        {
            var child = Journey.Create(Ana, _workspace, name, _clock);
            child.SetParent(Ana, company.Id);
            var metric = child.AddJourneyMetric(Ana, new MetricWidget("Revenue") { Unit = "EUR", Kind = MetricKind.Currency });
            child.RecordObservation(Ana, metric, new LocalDate(2026, 9, 30), revenue);
            var buy = child.AddPhase(Ana, "Buy");
            var conversion = child.AddPhaseMetric(Ana, buy, new MetricWidget("Conversion") { Unit = "%", Kind = MetricKind.Percentage });
            child.RecordObservation(Ana, conversion, new LocalDate(2026, 9, 30), 3m);
            await _store.SaveAsync(child);
        }

        var kpis = (await _portfolio.RollUpAsync(_workspace)).Find(company.Id)!.Subtree.Kpis;

        var revenueGroup = Assert.Single(kpis, k => k.Title == "Revenue");
        Assert.Equal((2, 120m), (revenueGroup.Metrics, revenueGroup.Sum));
        Assert.Equal(2, Assert.Single(kpis, k => k.Title == "Conversion").Metrics);
    }

    [Fact]
    public async Task The_readme_portfolio_lines_run_as_the_readme_says()
    {
        var ana = Ana;
        var workspaceId = _workspace;
        var store = _store;
        var company = await NewAsync("Company");
        var checkout = await NewAsync("Checkout in detail");
        var journey = Journey.Create(ana, workspaceId, "Online store", _clock);
        var page = journey.AddActivity(ana, journey.AddPhase(ana, "Think"), "Product page");
        await store.SaveAsync(journey);

        // README: journeys nest in a portfolio
        var portfolio = new JourneyPortfolio(store);
        await portfolio.SetParentAsync(workspaceId, journey.Id, company.Id, ana);
        await portfolio.LinkSubJourneyAsync(workspaceId, journey.Id, page, checkout.Id, ana);
        var rollup = await portfolio.RollUpAsync(workspaceId);
        Assert.Equal(2, rollup.Find(company.Id)!.Subtree.Journeys);
        await Assert.ThrowsAsync<JourneyCycleException>(() => portfolio.SetParentAsync(workspaceId, company.Id, journey.Id, ana));
        await portfolio.DeleteAsync(workspaceId, company.Id, ChildJourneyPolicy.Detach, ana);

        var loaded = await store.LoadAsync(workspaceId, journey.Id);
        Assert.Null(loaded.ParentJourneyId);
        Assert.Equal(checkout.Id, loaded.GetActivity(page).SubJourneyId);
    }
}
