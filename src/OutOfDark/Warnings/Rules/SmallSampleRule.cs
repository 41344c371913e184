using System.Collections.Generic;
using System.Text;
using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>Settings of <see cref="SmallSampleRule"/>.</summary>
public sealed record SmallSampleSettings : RuleSettings
{
    /// <summary>The fewest answers (respondents) a score may rest on before it is flagged. Default 30. Range: 1 to 1,000,000,000; outside it the engine refuses the settings.</summary>
    public int MinimumAnswers { get; init; } = 30;

    /// <summary>Whether each segment's latest observation is checked too, not only the metric's own (all customers). Default <see langword="true"/>.</summary>
    public bool IncludeSegments { get; init; } = true;

    /// <inheritdoc />
    public override string? Validate() => Range(nameof(MinimumAnswers), MinimumAnswers, 1, AnswerDistribution.MaxAnswers);
}

/// <summary>
/// <c>metric.small-sample</c>: the latest observation of a metric of a live (not retired) activity — for all customers
/// and, with <see cref="SmallSampleSettings.IncludeSegments"/>, for each segment — rests on fewer answers than
/// <see cref="SmallSampleSettings.MinimumAnswers"/>; one warning per metric naming every such series. Only observations
/// with a known sample size (<see cref="Observation.SampleSize"/>, set by answers too) are judged.
/// </summary>
public sealed class SmallSampleRule : WarningRule<SmallSampleSettings>
{
    /// <summary>The rule's id.</summary>
    public static readonly RuleId RuleId = new("metric.small-sample");

    private const int Listed = 3;

    /// <summary>Creates the rule.</summary>
    public SmallSampleRule()
        : base(RuleId, "Score from a small sample", SubjectKind.Metric, WarningSeverity.Info, new SmallSampleSettings(), RuleInputs.Subject)
    {
    }

    /// <inheritdoc />
    protected override RuleResult Evaluate(in RuleContext context, SmallSampleSettings settings)
    {
        var metric = context.Metric!;
        if (context.Activity?.Details.Status == ActivityStatus.Retired)
        {
            return RuleResult.None;
        }

        Small? all = metric.Observations.Latest is { SampleSize: { } size } latest && size < settings.MinimumAnswers
            ? new Small(Segment.All, latest.Date, size)
            : null;
        List<Small>? segments = null;
        if (settings.IncludeSegments)
        {
            foreach (var series in metric.Segments.AsSpan())
            {
                if (series.Observations.Latest is { SampleSize: { } n } last && n < settings.MinimumAnswers)
                {
                    (segments ??= []).Add(new Small(series.Segment, last.Date, n));
                }
            }
        }

        if (all is null && segments is null)
        {
            return RuleResult.None;
        }

        var found = new Found(metric.Title, settings.MinimumAnswers, all?.Date, all?.Size ?? 0, segments?.Count ?? 0, Describe(segments));
        return context.Raise(WarningSeverity.Info, found, static f => f.Message(), static f => f.Evidence());
    }

    private static string Describe(List<Small>? segments)
    {
        if (segments is null)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < segments.Count && i < Listed; i++)
        {
            var s = segments[i];
            text.Append(i == 0 ? "" : "; ").Append(s.Segment).Append(" (").Append(Say.Count(s.Size, "answer", "answers")).Append(" on ").Append(Say.Date(s.Date)).Append(')');
        }

        if (segments.Count > Listed)
        {
            text.Append(Say.More(segments.Count - Listed, "segment"));
        }

        return text.ToString();
    }

    private readonly record struct Small(Segment Segment, LocalDate Date, int Size);

    /// <summary>What the rule found: everything its message and evidence say.</summary>
    private readonly record struct Found(string Title, int Minimum, LocalDate? AllDate, int AllSize, int SegmentCount, string Segments)
    {
        public string Message()
        {
            var limit = $"fewer than {Say.Count(Minimum, "answer", "answers")}";
            var all = AllDate is { } date ? $"{Title} on {Say.Date(date)} is based on {Say.Count(AllSize, "answer", "answers")}, {limit}" : null;
            var segments = SegmentCount == 0 ? null
                : $"{Say.Count(SegmentCount, "segment", "segments")} of {Title} {(SegmentCount == 1 ? "is" : "are")} based on {limit}: {Segments}";
            return (all, segments) switch
            {
                ({ } a, { } s) => $"{a}; {s}",
                ({ } a, null) => a,
                _ => segments!,
            };
        }

        public ValueList<WarningEvidence> Evidence()
        {
            var evidence = new List<WarningEvidence> { WarningEvidence.Of("metric", Title), WarningEvidence.Of("minimum answers", Minimum) };
            if (AllDate is { } date)
            {
                evidence.Add(WarningEvidence.Of("latest observation", date));
                evidence.Add(WarningEvidence.Of("answers", AllSize));
            }

            if (SegmentCount > 0)
            {
                evidence.Add(WarningEvidence.Of("small segments", SegmentCount));
                evidence.Add(WarningEvidence.Of("segments", Segments));
            }

            return ValueList<WarningEvidence>.From(evidence);
        }
    }
}
