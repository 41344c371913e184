using System.Linq;
using NodaTime;
using NodaTime.Testing;

namespace OutOfDark.Testing;

/// <summary>
/// Records, corrects or removes a segment's observation of a metric, with a sample size or survey answers; picks any
/// widget (a non-metric is refused). Answers of a scale other than the metric's kind, an empty distribution, or a
/// negative sample size are refused too: that is part of what the step tests.
/// </summary>
/// <param name="WidgetPick">Which widget.</param>
/// <param name="Day">The day, counted from <see cref="ObservationStep.Origin"/>.</param>
/// <param name="SegmentPick">Which of <see cref="Segments"/>.</param>
/// <param name="Value">The value, when no answers are recorded.</param>
/// <param name="SampleSize">The sample size, when no answers are recorded (may be negative: refused).</param>
/// <param name="Answers">0 no answers; 1 answers on the metric's own scale (NPS as groups every other time); 2 answers on another scale.</param>
/// <param name="Counts">Counts to build the answers from (cycled to the scale's length).</param>
/// <param name="Operation">0 record, 1 correct, 2 remove.</param>
public sealed record MeasurementStep(int WidgetPick, int Day, int SegmentPick, decimal Value, int? SampleSize, int Answers, ValueList<int> Counts, int Operation) : JourneyStep
{
    /// <summary>The segments steps record into: all customers, one or two dimensions, hostile text.</summary>
    public static readonly ValueList<Segment> Segments = ValueList<Segment>.Of(
        Segment.All,
        Segment.Of(("region", "DE")),
        Segment.Of(("region", "FR")),
        Segment.Of(("customer", "first-time buyer"), ("region", "DE")),
        Segment.Of(("channel", "app")),
        Segment.Of(("persona", "<script>alert(\"x\")</script> & \"Ünïcødé\" 🎉"), ("région", "Île-de-France")));

    /// <inheritdoc />
    public override bool Run(Journey journey, FakeClock clock)
    {
        var widgets = Widgets(journey);
        var metrics = widgets.OfType<MetricWidget>().ToList();
        if (Pick(metrics.Count > 0 && WidgetPick % 5 != 0 ? metrics.Cast<Widget>().ToList() : widgets, WidgetPick) is not { } widget)
        {
            return false;
        }

        var segment = Segments[(int)((uint)SegmentPick % (uint)Segments.Count)];
        // Days up to the clock's today (plus the one day of slack the journey allows), so most values land; dates ahead
        // of today are refused, which ObservationStep already covers.
        var today = clock.GetCurrentInstant().InUtc().Date;
        var days = Period.Between(ObservationStep.Origin, today, PeriodUnits.Days).Days + 2;
        var date = ObservationStep.Origin.PlusDays(days > 0 ? Day % days : Day);
        if (Operation == 2)
        {
            journey.RemoveObservation(Actor, widget.Id, segment, date);
            return true;
        }

        var observation = Answers == 0 || Distribution(widget as MetricWidget) is not { } answers
            ? new Observation(date, Value) { SampleSize = SampleSize }
            : new Observation(date, answers.Score ?? 0m) { Answers = answers };
        if (Operation == 1)
        {
            journey.CorrectObservation(Actor, widget.Id, segment, observation);
        }
        else
        {
            journey.RecordObservation(Actor, widget.Id, segment, observation);
        }

        return true;
    }

    private AnswerDistribution? Distribution(MetricWidget? metric)
    {
        var scale = metric?.Kind switch
        {
            MetricKind.Nps => SurveyScale.Nps,
            MetricKind.Csat => SurveyScale.Csat,
            MetricKind.Ces => SurveyScale.Ces,
            _ => (SurveyScale?)null,
        };
        if (Answers == 2 || scale is null)
        {
            scale = (SurveyScale)(((int)(scale ?? SurveyScale.Nps) + 1 + (Day % 2)) % 3);
        }

        int Count(int i) => Counts.Count == 0 ? 0 : Counts[i % Counts.Count];
        if (scale == SurveyScale.Nps && Day % 2 == 0)
        {
            return AnswerDistribution.NpsGroups(Count(0), Count(1), Count(2));
        }

        var length = scale switch { SurveyScale.Nps => 11, SurveyScale.Csat => 5, _ => 7 };
        return AnswerDistribution.Of(scale.Value, Enumerable.Range(0, length).Select(Count).ToArray());
    }
}
