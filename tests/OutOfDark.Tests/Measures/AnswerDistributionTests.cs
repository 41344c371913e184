using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace OutOfDark.Tests.Measures;

public class AnswerDistributionTests
{
    /// <summary>A scale and one count (0 to 40) per answer of it.</summary>
    public static class Distributions
    {
        public static Arbitrary<(SurveyScale Scale, int[] Counts)> Input() =>
            (from scale in Gen.Elements(SurveyScale.Nps, SurveyScale.Csat, SurveyScale.Ces)
             from counts in Gen.ArrayOf(Gen.Choose(0, 40), scale switch { SurveyScale.Nps => 11, SurveyScale.Csat => 5, _ => 7 })
             select (scale, counts)).ToArbitrary();
    }

    private static List<int> Expand(SurveyScale scale, int[] counts)
    {
        var low = scale == SurveyScale.Nps ? 0 : 1;
        var answers = new List<int>();
        for (var i = 0; i < counts.Length; i++)
        {
            answers.AddRange(Enumerable.Repeat(low + i, counts[i]));
        }

        return answers;
    }

    // The standard definitions, written out over individual answers, independent of the type's own counting.
    private static decimal? Expected(SurveyScale scale, List<int> answers)
    {
        if (answers.Count == 0)
        {
            return null;
        }

        decimal n = answers.Count;
        return scale switch
        {
            SurveyScale.Nps => Math.Round((answers.Count(a => a >= 9) / n - answers.Count(a => a <= 6) / n) * 100m, 1, MidpointRounding.AwayFromZero),
            SurveyScale.Csat => Math.Round(answers.Count(a => a >= 4) * 100m / n, 1, MidpointRounding.AwayFromZero),
            _ => Math.Round(answers.Sum() / n, 2, MidpointRounding.AwayFromZero),
        };
    }

    [Property(Arbitrary = new[] { typeof(Distributions) })]
    public void The_score_equals_the_standard_formula_on_the_expanded_answers((SurveyScale Scale, int[] Counts) input)
    {
        var distribution = AnswerDistribution.Of(input.Scale, input.Counts);
        var answers = Expand(input.Scale, input.Counts);

        Assert.Equal(Expected(input.Scale, answers), distribution.Score);
        Assert.Equal(answers.Count, distribution.Total);
        Assert.Equal(distribution, AnswerDistribution.FromAnswers(input.Scale, answers));
    }

    [Property(Arbitrary = new[] { typeof(Distributions) })]
    public void A_score_stays_within_its_scale((SurveyScale Scale, int[] Counts) input)
    {
        var score = AnswerDistribution.Of(input.Scale, input.Counts).Score;

        if (input.Counts.Sum() == 0)
        {
            Assert.Null(score);
            return;
        }

        var (low, high) = input.Scale switch { SurveyScale.Nps => (-100m, 100m), SurveyScale.Csat => (0m, 100m), _ => (1m, 7m) };
        Assert.InRange(score!.Value, low, high);
    }

    [Property]
    public void Nps_from_three_group_counts_scores_as_any_per_answer_distribution_with_those_groups(NonNegativeInt[] split, byte detractors, byte passives, byte promoters)
    {
        // Spread each group over its answers in some way: the score must not depend on how.
        var counts = new int[11];
        void Spread(int count, int from, int to)
        {
            for (var i = 0; i < count; i++)
            {
                var pick = split.Length == 0 ? 0 : split[i % split.Length].Get;
                counts[from + pick % (to - from + 1)]++;
            }
        }

        Spread(detractors, 0, 6);
        Spread(passives, 7, 8);
        Spread(promoters, 9, 10);

        var grouped = AnswerDistribution.NpsGroups(detractors, passives, promoters);
        var perAnswer = AnswerDistribution.Of(SurveyScale.Nps, counts);

        Assert.Equal(perAnswer.Score, grouped.Score);
        Assert.Equal(perAnswer.Total, grouped.Total);
        Assert.True(grouped.IsGrouped);
        Assert.NotEqual(perAnswer, grouped);
    }

    [Property]
    public void All_top_answers_score_the_top_of_the_scale(PositiveInt n)
    {
        var count = Math.Min(n.Get, 1_000_000);
        Assert.Equal(100m, AnswerDistribution.Of(SurveyScale.Csat, 0, 0, 0, 0, count).Score);
        Assert.Equal(100m, AnswerDistribution.Of(SurveyScale.Nps, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count).Score);
        Assert.Equal(7m, AnswerDistribution.Of(SurveyScale.Ces, 0, 0, 0, 0, 0, 0, count).Score);
        Assert.Equal(-100m, AnswerDistribution.NpsGroups(count, 0, 0).Score);
        Assert.Equal(0m, AnswerDistribution.Of(SurveyScale.Csat, count, 0, 0, 0, 0).Score);
    }

    [Fact]
    public void Scores_are_rounded_once_half_away_from_zero()
    {
        // 1 promoter in 16 answers: 6.25 exactly, rounded to 6.3; 1 detractor: −6.25 → −6.3.
        Assert.Equal(6.3m, AnswerDistribution.NpsGroups(0, 15, 1).Score);
        Assert.Equal(-6.3m, AnswerDistribution.NpsGroups(1, 15, 0).Score);
        Assert.Equal(12.5m, AnswerDistribution.NpsGroups(0, 7, 1).Score);
        // 2 of 3 answers 4–5: 66.666… → 66.7; CES mean 13/3 = 4.333… → 4.33; 9/8 = 1.125 → 1.13.
        Assert.Equal(66.7m, AnswerDistribution.Of(SurveyScale.Csat, 1, 0, 0, 1, 1).Score);
        Assert.Equal(4.33m, AnswerDistribution.FromAnswers(SurveyScale.Ces, [7, 5, 1]).Score);
        Assert.Equal(1.13m, AnswerDistribution.FromAnswers(SurveyScale.Ces, [2, 1, 1, 1, 1, 1, 1, 1]).Score);
    }

    [Fact]
    public void A_csat_export_of_five_bucket_counts_is_a_distribution()
    {
        var csat = AnswerDistribution.Of(SurveyScale.Csat, 2, 3, 10, 40, 45);

        Assert.Equal(85m, csat.Score);
        Assert.Equal(100, csat.Total);
        Assert.Equal(40, csat.CountOf(4));
        Assert.Equal("CSAT 1–5: 2, 3, 10, 40, 45 (100 answers)", csat.ToString());
        Assert.Equal("NPS groups: 10 detractors, 20 passives, 70 promoters", AnswerDistribution.NpsGroups(10, 20, 70).ToString());
    }

    [Fact]
    public void A_wrong_number_of_counts_is_refused_naming_the_scale()
    {
        var ex = Assert.Throws<ArgumentException>(() => AnswerDistribution.Of(SurveyScale.Csat, 1, 2, 3));
        Assert.Equal("counts", ex.ParamName);
        Assert.StartsWith("A CSAT distribution has one count per answer 1 to 5, 5 counts; got 3.", ex.Message);

        var nps = Assert.Throws<ArgumentException>(() => AnswerDistribution.Of(SurveyScale.Nps, 1, 2, 3));
        Assert.StartsWith("A NPS distribution has one count per answer 0 to 10, 11 counts; got 3. For detractor, passive and promoter counts use AnswerDistribution.NpsGroups.", nps.Message);
    }

    [Fact]
    public void A_negative_count_is_refused_naming_the_answer()
    {
        var ex = Assert.Throws<ArgumentException>(() => AnswerDistribution.Of(SurveyScale.Ces, 0, 0, -1, 0, 0, 0, 0));
        Assert.StartsWith("The count of answer 3 is -1; a count cannot be negative.", ex.Message);

        var group = Assert.Throws<ArgumentException>(() => AnswerDistribution.NpsGroups(5, -2, 1));
        Assert.Equal("passives", group.ParamName);
        Assert.StartsWith("The count of passives (7–8) is -2; a count cannot be negative.", group.Message);
    }

    [Fact]
    public void Too_many_answers_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => AnswerDistribution.NpsGroups(AnswerDistribution.MaxAnswers, 1, 0));
        Assert.StartsWith("The counts add up to 1,000,000,001 answers; a distribution holds at most 1,000,000,000.", ex.Message);
    }

    [Fact]
    public void An_answer_outside_the_scale_is_refused_naming_its_position()
    {
        var ex = Assert.Throws<ArgumentException>(() => AnswerDistribution.FromAnswers(SurveyScale.Csat, [5, 4, 0]));
        Assert.Equal("answers", ex.ParamName);
        Assert.StartsWith("Answer 2 is 0; a CSAT answer is from 1 to 5.", ex.Message);
        Assert.Throws<ArgumentException>(() => AnswerDistribution.Of((SurveyScale)9, 1));
    }

    [Fact]
    public void Nps_groups_have_no_count_per_answer()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AnswerDistribution.NpsGroups(1, 2, 3).CountOf(9));
        Assert.Equal("This NPS distribution holds detractor, passive and promoter counts, not a count per answer.", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerDistribution.Of(SurveyScale.Csat, 1, 1, 1, 1, 1).CountOf(0));
        Assert.Null(AnswerDistribution.NpsGroups(0, 0, 0).Score);
    }
}
