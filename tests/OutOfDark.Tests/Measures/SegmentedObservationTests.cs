using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using OutOfDark.Testing;
using OutOfDark.Tests.Warnings;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Tests.Measures;

/// <summary>Observations for segments of customers, with sample sizes and survey answers, and the small-sample rule.</summary>
public class SegmentedObservationTests
{
    private static readonly Actor Ana = new("ana");
    private static readonly Segment FirstTimeDe = Segment.Of(("region", "DE"), ("customer", "first-time buyer"));
    private static readonly Segment Fr = Segment.Of(("region", "FR"));
    private readonly RuleHarness _h = new(2026, 10, 10);

    private WidgetId Csat()
    {
        var checkout = _h.Activity("Checkout");
        return _h.Metric(checkout, "CSAT", target: 80, warning: 70, critical: 60, kind: MetricKind.Csat);
    }

    private MetricWidget MetricOf(WidgetId id) => (MetricWidget)_h.Journey.FindWidget(id, out _)!;

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property A_control_character_in_a_segment_key_or_value_is_refused_naming_the_dimension(char c, bool inKey, NonNegativeInt at)
    {
        var control = (char)(c % 2 == 0 ? c % 0x20 : 0x7F + (c % 0x21));
        var text = "region".Insert(at.Get % 7, control.ToString());

        var ex = Assert.Throws<ArgumentException>(() => inKey ? Segment.Of((text, "DE")) : Segment.Of(("region", text)));

        Assert.StartsWith(inKey ? "The key of dimension 1 holds the control character" : "The value of dimension 'region' holds the control character", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"U+{(int)control:X4} at index {at.Get % 7}", ex.Message, StringComparison.Ordinal);
        return true.ToProperty();
    }

    [Fact]
    public void Segment_keys_and_values_compare_ordinally_without_case_folding_or_normalisation()
    {
        Assert.NotEqual(Segment.Of(("region", "DE")), Segment.Of(("region", "de")));
        Assert.NotEqual(Segment.Of(("Region", "DE")), Segment.Of(("region", "DE")));
        Assert.NotEqual(Segment.Of(("city", "K\u00f6ln")), Segment.Of(("city", "Ko\u0308ln")));
    }

    [Fact]
    public void Answers_recorded_for_a_segment_become_its_score_and_sample_size()
    {
        var csat = Csat();

        _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 2, 3, 10, 40, 45), FirstTimeDe);

        var metric = MetricOf(csat);
        Assert.Empty(metric.Observations);
        var series = Assert.Single(metric.Segments);
        Assert.Equal(FirstTimeDe, series.Segment);
        var observation = Assert.Single(series.Observations);
        Assert.Equal(85m, observation.Value);
        Assert.Equal(100, observation.SampleSize);
        Assert.Equal(observation, metric.SeriesOf(Segment.Of(("customer", "first-time buyer"), ("region", "DE"))).Single());
    }

    [Fact]
    public void Segment_all_is_the_metrics_own_series_and_carries_a_sample_size()
    {
        var csat = Csat();

        _h.Journey.RecordObservation(Ana, csat, Segment.All, new Observation(_h.Today, 82m) { SampleSize = 140 });

        var metric = MetricOf(csat);
        Assert.Empty(metric.Segments);
        Assert.Equal(140, metric.Observations.Single().SampleSize);
    }

    [Fact]
    public void Correcting_and_removing_act_on_the_segment_only_and_an_empty_segment_is_dropped()
    {
        var csat = Csat();
        _h.Observe(csat, _h.Today, 75m);
        _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 60m) { SampleSize = 12 });

        _h.Journey.CorrectObservation(Ana, csat, Fr, new Observation(_h.Today, 64m) { SampleSize = 13 });
        Assert.Equal(64m, MetricOf(csat).SeriesOf(Fr).Single().Value);
        Assert.Equal(75m, MetricOf(csat).Observations.Single().Value);

        var version = _h.Journey.Version;
        _h.Journey.CorrectObservation(Ana, csat, Fr, new Observation(_h.Today, 64m) { SampleSize = 13 });
        Assert.Equal(version, _h.Journey.Version);

        _h.Journey.RemoveObservation(Ana, csat, Fr, _h.Today);
        Assert.Empty(MetricOf(csat).Segments);
        Assert.Single(MetricOf(csat).Observations);
    }

    [Fact]
    public void History_names_the_segment_and_the_answers()
    {
        var csat = Csat();
        _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 0, 1, 0, 1, 2), Fr, "survey export");

        var entry = new JourneyHistory(_h.Journey.PendingEvents).Entries[^1];

        Assert.Equal("v8 2026-10-10T09:00:00Z ana: Recorded 75 % from 4 answers for metric \"CSAT\" for \"region FR\" on 2026-10-10 (survey export)", entry.ToString());
    }

    [Fact]
    public void A_second_value_for_the_same_segment_and_date_is_refused()
    {
        var csat = Csat();
        _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 60m));

        var ex = _h.Journey.Refused(() => _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 61m)));

        Assert.Equal(JourneyRules.ObservationDate, ex.Rule);
        Assert.Equal($"Metric 'CSAT' ({csat}) already has an observation for region FR on 2026-10-10; correct it instead of recording another.", ex.Message);
    }

    [Fact]
    public void Correcting_or_removing_a_segment_value_that_does_not_exist_is_refused()
    {
        var csat = Csat();
        _h.Observe(csat, _h.Today, 75m);

        var correct = _h.Journey.Refused(() => _h.Journey.CorrectObservation(Ana, csat, Fr, new Observation(_h.Today, 61m)));
        var remove = _h.Journey.Refused(() => _h.Journey.RemoveObservation(Ana, csat, Fr, _h.Today));

        Assert.Equal($"Metric 'CSAT' ({csat}) has no observation for region FR on 2026-10-10.", correct.Message);
        Assert.Equal(correct.Message, remove.Message);
    }

    [Fact]
    public void Answers_on_another_scale_than_the_metric_are_refused()
    {
        var csat = Csat();

        var ex = _h.Journey.Refused(() => _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.NpsGroups(1, 2, 3)));

        Assert.Equal(JourneyRules.InvalidWidget, ex.Rule);
        Assert.Equal($"Metric 'CSAT' ({csat}), all customers on 2026-10-10: NPS answers can only be recorded on a metric of kind Nps; this metric's kind is Csat.", ex.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Answers_on_another_scale_are_refused_as_such_even_on_a_date_that_already_has_a_value(bool segmented)
    {
        var csat = Csat();
        var segment = segmented ? Fr : Segment.All;
        _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 0, 1, 0, 1, 2), segment);
        var before = _h.Journey.Version;

        var ex = _h.Journey.Refused(() => _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.NpsGroups(1, 2, 3), segment));

        Assert.Equal(JourneyRules.InvalidWidget, ex.Rule);
        Assert.Equal($"Metric 'CSAT' ({csat}), {segment} on 2026-10-10: NPS answers can only be recorded on a metric of kind Nps; this metric's kind is Csat.", ex.Message);
        Assert.Equal(before, _h.Journey.Version);
    }

    [Fact]
    public void Answers_of_the_right_scale_on_a_taken_date_are_told_to_correct_it()
    {
        var csat = Csat();
        _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 0, 1, 0, 1, 2), Fr);

        var ex = _h.Journey.Refused(() => _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 1, 1, 0, 1, 2), Fr));

        Assert.Equal(JourneyRules.ObservationDate, ex.Rule);
        Assert.EndsWith("correct it instead of recording another.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_with_no_answer_are_refused()
    {
        var csat = Csat();

        var ex = _h.Journey.Refused(() => _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 0, 0, 0, 0, 0), Fr));

        Assert.Equal($"Metric 'CSAT' ({csat}), region FR on 2026-10-10: The answers hold no answer, so they have no score; record answers once someone has answered.", ex.Message);
    }

    [Fact]
    public void A_value_that_is_not_the_answers_score_is_refused()
    {
        var csat = Csat();
        var answers = AnswerDistribution.Of(SurveyScale.Csat, 0, 0, 0, 1, 1);

        var ex = _h.Journey.Refused(() => _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 90m) { Answers = answers }));
        var size = _h.Journey.Refused(() => _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 100m) { SampleSize = 5, Answers = answers }));

        Assert.EndsWith("The value 90 is not the answers' score 100; record the answers alone and the score is computed.", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("The sample size 5 is not the number of answers 2.", size.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_sample_size_is_refused()
    {
        var csat = Csat();

        var ex = _h.Journey.Refused(() => _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 60m) { SampleSize = -3 }));

        Assert.EndsWith("A sample size is a number of respondents from 0 to 1,000,000,000; got -3.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_the_kind_is_refused_for_a_segment_too()
    {
        var checkout = _h.Activity("Checkout");
        var rate = _h.Metric(checkout);

        var ex = _h.Journey.Refused(() => _h.Journey.RecordObservation(Ana, rate, Fr, new Observation(_h.Today, 140m)));

        Assert.EndsWith("A percentage must be between 0 and 100; got 140.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_needs_keys_and_values_that_are_not_blank()
    {
        var blankKey = Assert.Throws<ArgumentException>(() => Segment.Of(("  ", "DE")));
        var emptyValue = Assert.Throws<ArgumentException>(() => Segment.Of(("region", "")));
        var twice = Assert.Throws<ArgumentException>(() => Segment.Of(("region", "DE"), ("region", "FR")));
        var many = Assert.Throws<ArgumentException>(() => Segment.Of(Enumerable.Range(0, 9).Select(i => ($"k{i}", "v")).ToArray()));
        var lone = Assert.Throws<ArgumentException>(() => Segment.Of(("region", "D\uD800E")));

        Assert.StartsWith("The key of dimension 1 must not be empty or white space: name the dimension (for example \"region\") and its value (for example \"DE\").", blankKey.Message, StringComparison.Ordinal);
        Assert.StartsWith("The value of dimension 'region' must not be empty or white space", emptyValue.Message, StringComparison.Ordinal);
        Assert.StartsWith("Dimension 'region' appears twice; a segment has one value per dimension.", twice.Message, StringComparison.Ordinal);
        Assert.StartsWith("A segment has at most 8 dimensions; got 9.", many.Message, StringComparison.Ordinal);
        Assert.StartsWith("The value of dimension 'region' holds a lone surrogate at index 1, which cannot be stored as UTF-8.", lone.Message, StringComparison.Ordinal);
        Assert.Equal("dimensions", blankKey.ParamName);
    }

    [Fact]
    public void Segments_compare_by_content_whatever_the_order_of_their_dimensions()
    {
        var a = Segment.Of(("region", "DE"), ("customer", "first-time buyer"));
        var b = Segment.Of(("customer", "first-time buyer"), ("region", "DE"));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("customer first-time buyer, region DE", a.ToString());
        Assert.Equal("DE", a["region"]);
        Assert.Null(a["channel"]);
        Assert.True(a.IsWithin(Segment.Of(("region", "DE"))));
        Assert.False(a.IsWithin(Fr));
        Assert.Equal(Segment.Of(("region", "DE")), a.Project(["region"]));
        Assert.Null(Fr.Project(["customer"]));
        Assert.Same(Segment.All, Segment.Of());
    }

    [Fact]
    public void A_small_sample_is_flagged_for_the_metric_and_its_segments()
    {
        var csat = Csat();
        _h.Journey.RecordObservation(Ana, csat, Segment.All, new Observation(_h.Today, 82m) { SampleSize = 12 });
        _h.Journey.RecordAnswers(Ana, csat, _h.Today, AnswerDistribution.Of(SurveyScale.Csat, 0, 1, 0, 1, 2), Fr);
        _h.Journey.RecordObservation(Ana, csat, FirstTimeDe, new Observation(_h.Today, 90m) { SampleSize = 400 });

        var warning = _h.Run(SmallSampleRule.RuleId == BuiltInRules.SmallSample.Id ? BuiltInRules.SmallSample : throw new InvalidOperationException(), csat).Warning!;

        Assert.Equal(WarningSeverity.Info, warning.Severity);
        Assert.Equal("CSAT on 2026-10-10 is based on 12 answers, fewer than 30 answers; 1 segment of CSAT is based on fewer than 30 answers: region FR (4 answers on 2026-10-10)", warning.Message);
        Assert.Equal(
            ["metric=CSAT", "minimum answers=30", "latest observation=2026-10-10", "answers=12", "small segments=1", "segments=region FR (4 answers on 2026-10-10)"],
            RuleHarness.Evidence(warning));
    }

    [Fact]
    public void A_sample_at_the_minimum_or_of_unknown_size_is_not_flagged()
    {
        var csat = Csat();
        _h.Journey.RecordObservation(Ana, csat, Segment.All, new Observation(_h.Today, 82m) { SampleSize = 30 });
        _h.Journey.RecordObservation(Ana, csat, Fr, new Observation(_h.Today, 70m));

        Assert.Null(_h.Run(BuiltInRules.SmallSample, csat).Warning);
        _h.Journey.RecordObservation(Ana, csat, FirstTimeDe, new Observation(_h.Today, 70m) { SampleSize = 3 });
        Assert.Null(_h.Run(BuiltInRules.SmallSample, csat, new SmallSampleSettings { IncludeSegments = false }).Warning);
        Assert.Equal(
            "1 segment of CSAT is based on fewer than 30 answers: customer first-time buyer, region DE (3 answers on 2026-10-10)",
            _h.Run(BuiltInRules.SmallSample, csat).Warning!.Message);
    }

    [Fact]
    public void The_small_sample_minimum_must_be_at_least_one()
    {
        var csat = Csat();

        var ex = _h.Journey.Refused(() => _h.Journey.SetMetricRuleSettings(Ana, csat, SmallSampleRule.RuleId, new SmallSampleSettings { MinimumAnswers = 0 }));

        Assert.Equal(JourneyRules.InvalidSettings, ex.Rule);
        Assert.Contains("MinimumAnswers is 0; it must be from 1 to 1000000000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_scenarios_record_segmented_observations_and_answers()
    {
        // The generator step must reach the new objects, or the round-trip and invariant properties would not cover them.
        var journeys = JourneyGenerators.Journeys(120).Sample(250, 100).ToList();
        var metrics = journeys.SelectMany(j => j.Activities).SelectMany(a => a.Widgets).OfType<MetricWidget>().ToList();

        Assert.Contains(metrics, m => m.Segments.Count > 0);
        Assert.Contains(metrics, m => m.Segments.Any(s => s.Observations.Any(o => o.Answers is { IsGrouped: true })));
        Assert.Contains(metrics, m => m.Observations.Any(o => o.Answers is { IsGrouped: false }));
        Assert.Contains(metrics, m => m.Observations.Any(o => o.SampleSize is not null && o.Answers is null));
    }
}
