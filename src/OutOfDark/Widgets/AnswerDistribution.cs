using System;
using System.Collections.Generic;

namespace OutOfDark;

/// <summary>
/// The answers to one survey question (NPS, CSAT or CES) as counts, and the score they make by the question's standard
/// definition. Immutable, compared by content. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A distribution holds either one count per answer (<see cref="Of"/>: 11 counts for NPS answers 0–10, 5 for CSAT 1–5, 7
/// for CES 1–7) or, for NPS only, the three group counts a survey tool exports (<see cref="NpsGroups"/>: detractors 0–6,
/// passives 7–8, promoters 9–10). A CSAT export of five bucket counts is <see cref="Of"/> with those five counts.
/// </para>
/// <para>
/// Scores (<see cref="Score"/>), with the exact rounding:
/// NPS = 100 × (promoters − detractors) / answers, rounded to 1 decimal place (Reichheld, "The One Number You Need to
/// Grow", Harvard Business Review, December 2003);
/// CSAT = 100 × (answers of 4 or 5) / answers, rounded to 1 decimal place (the "top-two-box" percentage, as the American
/// Customer Satisfaction Index and most survey tools report it);
/// CES = (sum of answers) / answers, rounded to 2 decimal places (the mean on the 1–7 agreement scale of CES 2.0:
/// Dixon, Toman and DeLisi, "The Effortless Experience", 2013, after Dixon, Freeman and Toman, "Stop Trying to Delight
/// Your Customers", Harvard Business Review, July 2010).
/// Every score is computed in <see cref="decimal"/> and rounded once, half away from zero
/// (<see cref="MidpointRounding.AwayFromZero"/>): 1 promoter, 0 detractors in 8 answers is 12.5 exactly; 1 in 16 is
/// 6.25 → 6.3; −6.25 → −6.3.
/// </para>
/// <para>Limits: each count from 0 to <see cref="MaxAnswers"/>, and all counts together at most <see cref="MaxAnswers"/>.</para>
/// </remarks>
public sealed class AnswerDistribution : IEquatable<AnswerDistribution>
{
    /// <summary>The most answers one distribution holds: 1,000,000,000.</summary>
    public const int MaxAnswers = 1_000_000_000;

    private readonly int[] _counts;

    private AnswerDistribution(SurveyScale scale, int[] counts, bool grouped)
    {
        Scale = scale;
        _counts = counts;
        IsGrouped = grouped;
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        Total = (int)total;
    }

    /// <summary>The question answered.</summary>
    public SurveyScale Scale { get; }

    /// <summary>
    /// Whether the counts are NPS groups (detractors, passives, promoters) rather than one count per answer; see
    /// <see cref="NpsGroups"/>.
    /// </summary>
    public bool IsGrouped { get; }

    /// <summary>
    /// The counts, lowest answer first: one per answer from <see cref="LowestAnswer"/> to <see cref="HighestAnswer"/>,
    /// or, when <see cref="IsGrouped"/>, detractors, passives, promoters.
    /// </summary>
    public IReadOnlyList<int> Counts => _counts;

    /// <summary>The number of answers (respondents): the sum of <see cref="Counts"/>, 0 to <see cref="MaxAnswers"/>.</summary>
    public int Total { get; }

    /// <summary>The lowest answer of the scale: 0 for NPS, 1 for CSAT and CES.</summary>
    public int LowestAnswer => LowestOf(Scale);

    /// <summary>The highest answer of the scale: 10 for NPS, 5 for CSAT, 7 for CES.</summary>
    public int HighestAnswer => HighestOf(Scale);

    /// <summary>
    /// The score by the scale's standard definition, rounded as the type's remarks say: NPS −100 to 100 and CSAT 0 to
    /// 100 (1 decimal place), CES 1 to 7 (2 decimal places); <see langword="null"/> when there are no answers.
    /// </summary>
    public decimal? Score
    {
        get
        {
            if (Total == 0)
            {
                return null;
            }

            switch (Scale)
            {
                case SurveyScale.Nps:
                    var (detractors, promoters) = IsGrouped ? (_counts[0], _counts[2]) : (Sum(0, 6), Sum(9, 10));
                    return Math.Round(100m * (promoters - detractors) / Total, 1, MidpointRounding.AwayFromZero);
                case SurveyScale.Csat:
                    return Math.Round(100m * Sum(4, 5) / Total, 1, MidpointRounding.AwayFromZero);
                default:
                    long sum = 0;
                    for (var answer = 1; answer <= 7; answer++)
                    {
                        sum += (long)answer * _counts[answer - 1];
                    }

                    return Math.Round((decimal)sum / Total, 2, MidpointRounding.AwayFromZero);
            }
        }
    }

    /// <summary>
    /// A distribution from one count per answer, lowest answer first: for example
    /// <c>AnswerDistribution.Of(SurveyScale.Csat, 2, 3, 10, 40, 45)</c> for 2 answers of 1, …, 45 answers of 5.
    /// </summary>
    /// <param name="scale">The question.</param>
    /// <param name="counts">11 counts for NPS (answers 0–10), 5 for CSAT (1–5), 7 for CES (1–7); each 0 to <see cref="MaxAnswers"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">
    /// The scale is not defined, the number of counts does not fit it, a count is negative, or the counts add up to more
    /// than <see cref="MaxAnswers"/>; the message names the count.
    /// </exception>
    public static AnswerDistribution Of(SurveyScale scale, params ReadOnlySpan<int> counts)
    {
        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentException($"Survey scale {(int)scale} is not defined; use SurveyScale.Nps, Csat or Ces.", nameof(scale));
        }

        var expected = HighestOf(scale) - LowestOf(scale) + 1;
        if (counts.Length != expected)
        {
            throw new ArgumentException(
                $"A {scale.ToString().ToUpperInvariant()} distribution has one count per answer {LowestOf(scale)} to {HighestOf(scale)}, {expected} counts; got {counts.Length}."
                + (scale == SurveyScale.Nps && counts.Length == 3 ? " For detractor, passive and promoter counts use AnswerDistribution.NpsGroups." : ""),
                nameof(counts));
        }

        var copy = counts.ToArray();
        Check(copy, i => $"answer {LowestOf(scale) + i}", _ => nameof(counts));
        return new AnswerDistribution(scale, copy, grouped: false);
    }

    /// <summary>
    /// An NPS distribution from the three group counts survey tools export (TheyDo's metrics file among them): answers
    /// 0–6, 7–8 and 9–10. Its score equals that of any per-answer distribution with the same groups.
    /// </summary>
    /// <param name="detractors">Answers 0 to 6; 0 to <see cref="MaxAnswers"/>.</param>
    /// <param name="passives">Answers 7 and 8; 0 to <see cref="MaxAnswers"/>.</param>
    /// <param name="promoters">Answers 9 and 10; 0 to <see cref="MaxAnswers"/>.</param>
    /// <returns>The distribution, <see cref="IsGrouped"/>.</returns>
    /// <exception cref="ArgumentException">A count is negative or the three add up to more than <see cref="MaxAnswers"/>; the message names the count.</exception>
    public static AnswerDistribution NpsGroups(int detractors, int passives, int promoters)
    {
        int[] counts = [detractors, passives, promoters];
        Check(
            counts,
            i => i switch { 0 => "detractors (0–6)", 1 => "passives (7–8)", _ => "promoters (9–10)" },
            i => i switch { 0 => nameof(detractors), 1 => nameof(passives), _ => nameof(promoters) });
        return new AnswerDistribution(SurveyScale.Nps, counts, grouped: true);
    }

    /// <summary>A distribution counting individual answers, for example <c>FromAnswers(SurveyScale.Ces, [7, 6, 6, 2])</c>.</summary>
    /// <param name="scale">The question.</param>
    /// <param name="answers">The answers, each within the scale.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The scale is not defined, an answer is outside it (the message names its position), or there are more than <see cref="MaxAnswers"/>.</exception>
    public static AnswerDistribution FromAnswers(SurveyScale scale, IEnumerable<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (!Enum.IsDefined(scale))
        {
            throw new ArgumentException($"Survey scale {(int)scale} is not defined; use SurveyScale.Nps, Csat or Ces.", nameof(scale));
        }

        int low = LowestOf(scale), high = HighestOf(scale);
        var counts = new int[high - low + 1];
        var position = 0;
        foreach (var answer in answers)
        {
            if (answer < low || answer > high)
            {
                throw new ArgumentException($"Answer {position} is {answer}; a {scale.ToString().ToUpperInvariant()} answer is from {low} to {high}.", nameof(answers));
            }

            if (position == MaxAnswers)
            {
                throw new ArgumentException($"A distribution holds at most {MaxAnswers:N0} answers.", nameof(answers));
            }

            counts[answer - low]++;
            position++;
        }

        return new AnswerDistribution(scale, counts, grouped: false);
    }

    /// <summary>The number of answers of one value. Not available for NPS groups.</summary>
    /// <param name="answer">The answer, <see cref="LowestAnswer"/> to <see cref="HighestAnswer"/>.</param>
    /// <returns>Its count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="answer"/> is outside the scale.</exception>
    /// <exception cref="InvalidOperationException">The distribution holds NPS groups (<see cref="IsGrouped"/>), not answers.</exception>
    public int CountOf(int answer)
    {
        if (IsGrouped)
        {
            throw new InvalidOperationException("This NPS distribution holds detractor, passive and promoter counts, not a count per answer.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(answer, LowestAnswer);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(answer, HighestAnswer);
        return _counts[answer - LowestAnswer];
    }

    /// <inheritdoc />
    public bool Equals(AnswerDistribution? other) =>
        other is not null && Scale == other.Scale && IsGrouped == other.IsGrouped && _counts.AsSpan().SequenceEqual(other._counts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AnswerDistribution);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Scale);
        hash.Add(IsGrouped);
        foreach (var count in _counts)
        {
            hash.Add(count);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the scale and counts, for example <c>CSAT 1–5: 2, 3, 10, 40, 45 (100 answers)</c> or <c>NPS groups: 10 detractors, 20 passives, 70 promoters</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsGrouped
        ? $"NPS groups: {_counts[0]} detractors, {_counts[1]} passives, {_counts[2]} promoters"
        : $"{Scale.ToString().ToUpperInvariant()} {LowestAnswer}–{HighestAnswer}: {string.Join(", ", _counts)} ({Total} answers)";

    private static int LowestOf(SurveyScale scale) => scale == SurveyScale.Nps ? 0 : 1;

    private static int HighestOf(SurveyScale scale) => scale switch { SurveyScale.Nps => 10, SurveyScale.Csat => 5, _ => 7 };

    private static void Check(int[] counts, Func<int, string> name, Func<int, string> parameter)
    {
        long total = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] < 0)
            {
                throw new ArgumentException($"The count of {name(i)} is {counts[i]}; a count cannot be negative.", parameter(i));
            }

            total += counts[i];
        }

        if (total > MaxAnswers)
        {
            throw new ArgumentException($"The counts add up to {total:N0} answers; a distribution holds at most {MaxAnswers:N0}.", parameter(counts.Length - 1));
        }
    }

    private int Sum(int from, int to)
    {
        var sum = 0;
        for (var answer = from; answer <= to; answer++)
        {
            sum += _counts[answer - LowestAnswer];
        }

        return sum;
    }
}
