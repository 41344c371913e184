using System;
using System.Collections.Generic;
using Ardalis.GuardClauses;

namespace OutOfDark;

/// <summary>Ranks opportunities by priority: the default formula, or the integrator's own.</summary>
/// <remarks>
/// <para>
/// The default priority is (customer value + business value) ÷ effort, rounded to two decimal places, half away from
/// zero: from 0.4 (1 + 1 over 5) to 10 (5 + 5 over 1). It never falls when a value score rises and never rises when
/// the effort does.
/// </para>
/// <para>Stateless and thread-safe; a custom formula must be too if shared.</para>
/// </remarks>
public static class OpportunityPriority
{
    /// <summary>The default formula: (customer value + business value) ÷ effort, to two decimal places, half away from zero.</summary>
    public static OpportunityPriorityFormula Default { get; } = (_, scores) => Compute(scores);

    /// <summary>The default priority of a set of scores.</summary>
    /// <param name="scores">The scores, each 1–5.</param>
    /// <returns>(customer value + business value) ÷ effort, rounded to two decimal places, half away from zero.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1–5.</exception>
    public static decimal Compute(OpportunityScores scores)
    {
        Guard.Against.Null(scores);
        if (scores.Problem() is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(scores), scores, problem);
        }

        return Math.Round((decimal)(scores.CustomerValue + scores.BusinessValue) / scores.Effort, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Where scores fall in the prioritisation matrix.</summary>
    /// <param name="scores">The scores.</param>
    /// <returns>The quadrant: high value when the mean of the value scores is 3 or more, low effort when effort is 1 or 2.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is <see langword="null"/>.</exception>
    public static OpportunityQuadrant QuadrantOf(OpportunityScores scores)
    {
        Guard.Against.Null(scores);
        var highValue = scores.Value >= 3;
        var lowEffort = scores.Effort <= 2;
        return (highValue, lowEffort) switch
        {
            (true, true) => OpportunityQuadrant.QuickWin,
            (true, false) => OpportunityQuadrant.BigBet,
            (false, true) => OpportunityQuadrant.FillIn,
            _ => OpportunityQuadrant.MoneyPit,
        };
    }

    /// <summary>Ranks a journey's opportunities: scored ones by priority, highest first (ties by title, then id), then the unscored in journey order.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="formula">The formula; <see cref="Default"/> when omitted.</param>
    /// <returns>Every opportunity of the journey, ranked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The formula threw for an opportunity; the message names it and the inner exception is the formula's.</exception>
    public static IReadOnlyList<RankedOpportunity> Rank(Journey journey, OpportunityPriorityFormula? formula = null)
    {
        Guard.Against.Null(journey);
        formula ??= Default;
        var scored = new List<(Opportunity Opportunity, decimal Priority)>();
        var unscored = new List<Opportunity>();
        foreach (var opportunity in journey.Opportunities)
        {
            if (opportunity.Scores is not { } scores)
            {
                unscored.Add(opportunity);
                continue;
            }

            decimal priority;
            try
            {
                priority = formula(opportunity, scores);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"The opportunity priority formula failed for opportunity '{opportunity.Title}' ({opportunity.Id}) with scores {scores.CustomerValue}/{scores.BusinessValue}/{scores.Effort}: {ex.Message}", ex);
            }

            scored.Add((opportunity, priority));
        }

        scored.Sort((a, b) =>
        {
            var byPriority = b.Priority.CompareTo(a.Priority);
            if (byPriority != 0)
            {
                return byPriority;
            }

            var byTitle = string.CompareOrdinal(a.Opportunity.Title, b.Opportunity.Title);
            return byTitle != 0 ? byTitle : a.Opportunity.Id.CompareTo(b.Opportunity.Id);
        });

        var ranked = new List<RankedOpportunity>(scored.Count + unscored.Count);
        foreach (var (opportunity, priority) in scored)
        {
            ranked.Add(new RankedOpportunity(opportunity, priority, ranked.Count + 1));
        }

        foreach (var opportunity in unscored)
        {
            ranked.Add(new RankedOpportunity(opportunity, null, ranked.Count + 1));
        }

        return ranked;
    }
}
