using NodaTime;

namespace OutOfDark;

/// <summary>One value of a metric on one date, with how many answered and their answers when known.</summary>
/// <remarks>
/// <see cref="SampleSize"/> and <see cref="Answers"/> are kept behind one reference, so an observation without them
/// costs one null field more than a date and a value.
/// </remarks>
/// <param name="Date">The date the value belongs to.</param>
/// <param name="Value">The value, exact.</param>
public readonly record struct Observation(LocalDate Date, decimal Value)
{
    private readonly ObservationSample? _sample;

    /// <summary>
    /// How many customers (respondents) the value is based on, from 0 to <see cref="AnswerDistribution.MaxAnswers"/>,
    /// or <see langword="null"/> when not known. With <see cref="Answers"/> it is their total.
    /// </summary>
    public int? SampleSize
    {
        get => _sample?.Size;
        init => _sample = value is null && _sample?.Answers is null ? null : new ObservationSample(value, _sample?.Answers);
    }

    /// <summary>
    /// The survey answers the value was computed from (NPS, CSAT or CES), or <see langword="null"/>. Setting it sets
    /// <see cref="SampleSize"/> to their total when that is not set; the journey checks that <see cref="Value"/> is their
    /// <see cref="AnswerDistribution.Score"/>.
    /// </summary>
    public AnswerDistribution? Answers
    {
        get => _sample?.Answers;
        init => _sample = value is null && _sample?.Size is null ? null : new ObservationSample(_sample?.Size ?? value?.Total, value);
    }

    /// <summary>An observation of a distribution's score, with the distribution and its total as the sample size.</summary>
    /// <param name="date">The date.</param>
    /// <param name="answers">The answers; they must hold at least one.</param>
    /// <returns>The observation.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">The distribution holds no answers, so it has no score.</exception>
    public static Observation Of(LocalDate date, AnswerDistribution answers)
    {
        System.ArgumentNullException.ThrowIfNull(answers);
        var score = answers.Score ?? throw new System.ArgumentException("The distribution holds no answers, so it has no score to record.", nameof(answers));
        return new Observation(date, score) { Answers = answers };
    }

    private sealed record ObservationSample(int? Size, AnswerDistribution? Answers);
}
