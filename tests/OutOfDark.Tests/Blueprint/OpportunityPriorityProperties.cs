using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using Xunit;

namespace OutOfDark.Tests.Blueprint;

/// <summary>The default priority formula and the ranking, as properties over every score.</summary>
public sealed class OpportunityPriorityProperties
{
    private static readonly Actor Ana = new("ana");

    private static OpportunityScores Scores(int c, int b, int e) => new(1 + (Math.Abs(c) % 5), 1 + (Math.Abs(b) % 5), 1 + (Math.Abs(e) % 5));

    [Property]
    public void The_default_priority_is_the_value_over_effort_to_two_places(int c, int b, int e)
    {
        var s = Scores(c, b, e);
        var exact = (decimal)(s.CustomerValue + s.BusinessValue) / s.Effort;

        var priority = OpportunityPriority.Compute(s);

        Assert.True(Math.Abs(priority - exact) <= 0.005m, $"{priority} vs {exact}");
        Assert.Equal(priority, Math.Round(priority, 2));
        Assert.InRange(priority, 0.4m, 10m);
    }

    [Property]
    public void More_value_never_lowers_and_more_effort_never_raises_the_priority(int c, int b, int e)
    {
        var s = Scores(c, b, e);
        var p = OpportunityPriority.Compute(s);

        Assert.True(s.CustomerValue == 5 || OpportunityPriority.Compute(s with { CustomerValue = s.CustomerValue + 1 }) >= p);
        Assert.True(s.BusinessValue == 5 || OpportunityPriority.Compute(s with { BusinessValue = s.BusinessValue + 1 }) >= p);
        Assert.True(s.Effort == 5 || OpportunityPriority.Compute(s with { Effort = s.Effort + 1 }) <= p);
    }

    [Property]
    public void Quick_wins_outrank_money_pits(int c1, int b1, int e1, int c2, int b2, int e2)
    {
        var a = Scores(c1, b1, e1);
        var z = Scores(c2, b2, e2);
        if (OpportunityPriority.QuadrantOf(a) == OpportunityQuadrant.QuickWin && OpportunityPriority.QuadrantOf(z) == OpportunityQuadrant.MoneyPit)
        {
            Assert.True(OpportunityPriority.Compute(a) > OpportunityPriority.Compute(z));
        }
    }

    [Property(MaxTest = 50)]
    public void The_ranking_lists_every_opportunity_once_scored_ones_by_falling_priority_then_the_unscored(int[] seeds)
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        foreach (var seed in (seeds ?? []).Take(20))
        {
            var id = journey.AddOpportunity(Ana, $"Idea {Math.Abs(seed % 7)}");
            if (seed % 3 != 0)
            {
                journey.ScoreOpportunity(Ana, id, Scores(seed, seed / 5, seed / 25));
            }
        }

        var ranked = OpportunityPriority.Rank(journey);

        Assert.Equal(journey.Opportunities.Select(o => o.Id).Order(), ranked.Select(r => r.Opportunity.Id).Order());
        Assert.Equal(Enumerable.Range(1, ranked.Count), ranked.Select(r => r.Rank));
        var priorities = ranked.TakeWhile(r => r.Priority is not null).Select(r => r.Priority!.Value).ToList();
        Assert.Equal(priorities.OrderDescending(), priorities);
        Assert.All(ranked.Skip(priorities.Count), r => Assert.Null(r.Priority));
    }

    [Fact]
    public void An_integrators_formula_replaces_the_default_and_its_failure_names_the_opportunity()
    {
        var journey = Journey.Create(Ana, WorkspaceId.New(), "Store", FakeClock.FromUtc(2026, 10, 1, 9, 0, 0));
        var cheap = journey.AddOpportunity(Ana, "Cheap");
        var valuable = journey.AddOpportunity(Ana, "Valuable");
        journey.ScoreOpportunity(Ana, cheap, new OpportunityScores(1, 1, 1));
        journey.ScoreOpportunity(Ana, valuable, new OpportunityScores(5, 5, 5));

        Assert.Equal(["Cheap", "Valuable"], OpportunityPriority.Rank(journey).Select(r => r.Opportunity.Title));
        Assert.Equal(["Valuable", "Cheap"], OpportunityPriority.Rank(journey, (_, s) => s.CustomerValue * 2 + s.BusinessValue).Select(r => r.Opportunity.Title));

        var ex = Assert.Throws<InvalidOperationException>(() => OpportunityPriority.Rank(journey, (o, _) => o.Title == "Valuable" ? throw new DivideByZeroException() : 1));
        Assert.StartsWith($"The opportunity priority formula failed for opportunity 'Valuable' ({valuable}) with scores 5/5/5: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<DivideByZeroException>(ex.InnerException);
    }
}

/// <summary>Status titles from other tools (TheyDo's status categories) read as statuses.</summary>
public sealed class OpportunityStatusTextTests
{
    [Theory]
    [InlineData("Idea", OpportunityStatus.Idea)]
    [InlineData("planned", OpportunityStatus.Planned)]
    [InlineData("In progress", OpportunityStatus.InProgress)]
    [InlineData("IN_PROGRESS", OpportunityStatus.InProgress)]
    [InlineData("in-progress", OpportunityStatus.InProgress)]
    [InlineData("Done", OpportunityStatus.Done)]
    [InlineData("Dropped", OpportunityStatus.Dropped)]
    public void Known_titles_map_in_any_spelling(string text, OpportunityStatus expected)
    {
        Assert.True(OpportunityStatuses.TryParse(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("Validated")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_titles_map_to_nothing(string? text) => Assert.False(OpportunityStatuses.TryParse(text, out _));
}
