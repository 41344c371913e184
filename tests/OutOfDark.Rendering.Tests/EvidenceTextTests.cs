using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using OutOfDark.Rendering;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Rendering.Tests;

/// <summary>A warning's evidence in the report reads as words: units, signs, days, emotions and dates, not key names and raw values.</summary>
public class EvidenceTextTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly MetricWidget Wait = new(WidgetId.New(), "Wait") { Unit = "min", Direction = MetricDirection.LowerIsBetter };

    private static readonly MetricWidget Csat = new(WidgetId.New(), "CSAT") { Unit = "%", Direction = MetricDirection.HigherIsBetter };

    /// <summary>en-US's separators and percent format ("12.5%") on the invariant culture (the tests run in globalization-invariant mode).</summary>
    private static CultureInfo English()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.PercentPositivePattern = 1;
        return culture;
    }

    private static string Shown(string rule, MetricWidget? metric, CultureInfo culture, params WarningEvidence[] evidence)
    {
        var subject = metric is null ? WarningSubject.For(ActivityId.New()) : WarningSubject.For(metric.Id);
        var warning = new Warning(new WarningKey(new RuleId(rule), subject), WarningSeverity.Warning, "message") { Evidence = ValueList<WarningEvidence>.Of(evidence) };
        return string.Join("\n", EvidenceText.Lines(warning, metric, Berlin, culture, UserText.None).Select(l => l.Label + ": " + l.Value));
    }

    private static WarningEvidence[] Baseline() =>
    [
        WarningEvidence.Of("metric", "Wait"),
        WarningEvidence.Of("latest value", 13.0m),
        WarningEvidence.Of("observed on", new LocalDate(2026, 11, 29)),
        WarningEvidence.Of("baseline mean", 4.9033333333m),
        WarningEvidence.Of("baseline standard deviation", 1.2m),
        WarningEvidence.Of("baseline from", new LocalDate(2026, 11, 1)),
        WarningEvidence.Of("baseline to", new LocalDate(2026, 11, 28)),
        WarningEvidence.Of("baseline observations", 12),
        WarningEvidence.Of("window days", 28),
        WarningEvidence.Of("change percent", 165.3m),
        WarningEvidence.Of("change in standard deviations", 6.7m),
        WarningEvidence.Of("limit percent", 20),
        WarningEvidence.Of("limit standard deviations", 1),
    ];

    [Fact]
    public void Metric_baseline_in_en_US()
    {
        Assert.Equal(
            "metric: Wait\nlatest value: 13.0 min\nobserved on: 29 Nov 2026\nbaseline mean: 4.903 min\nbaseline standard deviation: 1.2 min\n"
            + "baseline from: 1 Nov 2026\nbaseline to: 28 Nov 2026\nbaseline observations: 12\nwindow: 28 days\nchange: +165.3%\n"
            + "change in standard deviations: +6.7\nlimit: 20%\nlimit standard deviations: 1",
            Shown("metric.baseline", Wait, English(), Baseline()));
    }

    [Fact]
    public void Metric_baseline_in_de_DE()
    {
        Assert.Equal(
            "metric: Wait\nlatest value: 13,0 min\nobserved on: 29 Nov. 2026\nbaseline mean: 4,903 min\nbaseline standard deviation: 1,2 min\n"
            + "baseline from: 1 Nov. 2026\nbaseline to: 28 Nov. 2026\nbaseline observations: 12\nwindow: 28 days\nchange: +165,3 %\n"
            + "change in standard deviations: +6,7\nlimit: 20 %\nlimit standard deviations: 1",
            Shown("metric.baseline", Wait, ReportFormatTests.German(), Baseline()));
    }

    [Fact]
    public void A_fall_below_the_baseline_is_a_negative_change_with_a_true_minus()
    {
        var shown = Shown("metric.baseline", Csat, ReportFormatTests.German(),
            WarningEvidence.Of("latest value", 61m), WarningEvidence.Of("baseline mean", 80m), WarningEvidence.Of("change percent", 23.8m));

        Assert.Equal("latest value: 61 %\nbaseline mean: 80 %\nchange: \u221223,8 %", shown);
    }

    [Fact]
    public void Two_different_numbers_never_read_the_same_a_derived_one_keeps_the_decimals_that_tell_them_apart()
    {
        var shown = Shown("metric.baseline", Wait, English(),
            WarningEvidence.Of("latest value", 13.0m), WarningEvidence.Of("baseline mean", 12.9996m), WarningEvidence.Of("baseline standard deviation", 0.40004m));

        Assert.Equal("latest value: 13.0 min\nbaseline mean: 12.9996 min\nbaseline standard deviation: 0.4 min", shown);
    }

    private static WarningEvidence[] Trend() =>
    [
        WarningEvidence.Of("metric", "CSAT"),
        WarningEvidence.Of("change percent", 12.7m),
        WarningEvidence.Of("from value", 1500m),
        WarningEvidence.Of("from date", new LocalDate(2026, 11, 2)),
        WarningEvidence.Of("to value", 1310m),
        WarningEvidence.Of("to date", new LocalDate(2026, 11, 23)),
        WarningEvidence.Of("limit percent", 10),
        WarningEvidence.Of("window days", 1),
    ];

    [Fact]
    public void Metric_trend_in_en_US_and_de_DE()
    {
        Assert.Equal(
            "metric: CSAT\nchange: \u221212.7%\nfrom value: 1,500 %\nfrom date: 2 Nov 2026\nto value: 1,310 %\nto date: 23 Nov 2026\nlimit: 10%\nwindow: 1 day",
            Shown("metric.trend", Csat, English(), Trend()));
        Assert.Equal(
            "metric: CSAT\nchange: \u221212,7 %\nfrom value: 1.500 %\nfrom date: 2 Nov. 2026\nto value: 1.310 %\nto date: 23 Nov. 2026\nlimit: 10 %\nwindow: 1 day",
            Shown("metric.trend", Csat, ReportFormatTests.German(), Trend()));
    }

    private static WarningEvidence[] Threshold() =>
    [
        WarningEvidence.Of("metric", "Wait"),
        WarningEvidence.Of("latest value", 9.5m),
        WarningEvidence.Of("observed on", new LocalDate(2026, 11, 29)),
        WarningEvidence.Of("warning threshold", 10m),
        WarningEvidence.Of("last value past it", 12.25m),
        WarningEvidence.Of("last past it on", new LocalDate(2026, 11, 22)),
        WarningEvidence.Of("observations back inside", 1),
        WarningEvidence.Of("clears after", 2),
        WarningEvidence.Of("clear band", 0.5m),
    ];

    [Fact]
    public void Metric_threshold_held_by_hysteresis_in_en_US_and_de_DE()
    {
        Assert.Equal(
            "metric: Wait\nlatest value: 9.5 min\nobserved on: 29 Nov 2026\nwarning threshold: 10 min\nlast value past it: 12.25 min\n"
            + "last past it on: 22 Nov 2026\nobservations back inside: 1\nclears after: 2\nclear band: 0.5 min",
            Shown("metric.threshold", Wait, English(), Threshold()));
        Assert.Equal(
            "metric: Wait\nlatest value: 9,5 min\nobserved on: 29 Nov. 2026\nwarning threshold: 10 min\nlast value past it: 12,25 min\n"
            + "last past it on: 22 Nov. 2026\nobservations back inside: 1\nclears after: 2\nclear band: 0,5 min",
            Shown("metric.threshold", Wait, ReportFormatTests.German(), Threshold()));
    }

    [Fact]
    public void Metric_threshold_past_now_in_de_DE()
    {
        Assert.Equal(
            "metric: Wait\nlatest value: 13,0 min\nobserved on: 29 Nov. 2026\ncritical threshold: 12 min\nobservations past it: 3\npast it since: 15 Nov. 2026",
            Shown("metric.threshold", Wait, ReportFormatTests.German(),
                WarningEvidence.Of("metric", "Wait"), WarningEvidence.Of("latest value", 13.0m), WarningEvidence.Of("observed on", new LocalDate(2026, 11, 29)),
                WarningEvidence.Of("critical threshold", 12m), WarningEvidence.Of("observations past it", 3), WarningEvidence.Of("past it since", new LocalDate(2026, 11, 15))));
    }

    [Fact]
    public void Stale_metric_and_small_sample_in_en_US_and_de_DE()
    {
        WarningEvidence[] stale = [WarningEvidence.Of("metric", "Wait"), WarningEvidence.Of("latest observation", new LocalDate(2026, 10, 1)), WarningEvidence.Of("limit days", 30)];
        Assert.Equal("metric: Wait\nlatest observation: 1 Oct 2026\nlimit: 30 days", Shown("metric.stale", Wait, English(), stale));
        Assert.Equal("metric: Wait\nlatest observation: 1 Okt. 2026\nlimit: 30 days", Shown("metric.stale", Wait, ReportFormatTests.German(), stale));

        WarningEvidence[] small =
        [
            WarningEvidence.Of("metric", "CSAT"), WarningEvidence.Of("minimum answers", 1000), WarningEvidence.Of("latest observation", new LocalDate(2026, 11, 29)),
            WarningEvidence.Of("answers", 12), WarningEvidence.Of("small segments", 2), WarningEvidence.Of("segments", "region=North (8), region=South (3)"),
        ];
        Assert.Equal(
            "metric: CSAT\nminimum answers: 1,000\nlatest observation: 29 Nov 2026\nanswers: 12\nsmall segments: 2\nsegments: region=North (8), region=South (3)",
            Shown("metric.small-sample", Csat, English(), small));
        Assert.Equal(
            "metric: CSAT\nminimum answers: 1.000\nlatest observation: 29 Nov. 2026\nanswers: 12\nsmall segments: 2\nsegments: region=North (8), region=South (3)",
            Shown("metric.small-sample", Csat, ReportFormatTests.German(), small));
    }

    [Fact]
    public void Funnel_drop_off_in_en_US_and_de_DE()
    {
        WarningEvidence[] funnel =
        [
            WarningEvidence.Of("previous step", "Basket 1.5"), WarningEvidence.Of("previous volume", 1500m), WarningEvidence.Of("volume", 820m),
            WarningEvidence.Of("drop-off percent", 45.3m), WarningEvidence.Of("limit percent", 30),
        ];
        Assert.Equal("previous step: Basket 1.5\nprevious volume: 1,500\nvolume: 820\ndrop-off: 45.3%\nlimit: 30%", Shown("funnel.drop-off", null, English(), funnel));
        Assert.Equal("previous step: Basket 1.5\nprevious volume: 1.500\nvolume: 820\ndrop-off: 45,3 %\nlimit: 30 %", Shown("funnel.drop-off", null, ReportFormatTests.German(), funnel));
    }

    [Fact]
    public void Emotion_rules_show_scores_in_words_with_a_true_minus()
    {
        WarningEvidence[] pain = [WarningEvidence.Of("persona", "Loyal-1"), WarningEvidence.Of("as-is emotion", -2), WarningEvidence.Of("threshold", -1), WarningEvidence.Of("personas in pain", 2)];
        const string painShown = "persona: Loyal-1\nas-is emotion: very negative (\u22122)\nthreshold: negative (\u22121)\npersonas in pain: 2";
        Assert.Equal(painShown, Shown("emotion.pain-point", null, English(), pain));
        Assert.Equal(painShown, Shown("emotion.pain-point", null, ReportFormatTests.German(), pain));

        WarningEvidence[] gap =
        [
            WarningEvidence.Of("persona", "Loyal"), WarningEvidence.Of("as-is emotion", -1), WarningEvidence.Of("to-be emotion", 2),
            WarningEvidence.Of("gap", 3), WarningEvidence.Of("limit", 2),
        ];
        const string gapShown = "persona: Loyal\nas-is emotion: negative (\u22121)\nto-be emotion: very positive (+2)\ngap: 3\nlimit: 2";
        Assert.Equal(gapShown, Shown("emotion.expectation-gap", null, English(), gap));
        Assert.Equal(gapShown, Shown("emotion.expectation-gap", null, ReportFormatTests.German(), gap));
    }

    [Fact]
    public void Activity_and_phase_rules_show_words_dates_and_days()
    {
        var lastChanged = Instant.FromUtc(2026, 11, 30, 4, 4, 57) + Duration.FromTicks(9068289);
        WarningEvidence[] notUpdated = [WarningEvidence.Of("last changed", lastChanged), WarningEvidence.Of("limit days", 90)];
        Assert.Equal("last changed: 30 Nov 2026 05:04 CET\nlimit: 90 days", Shown("activity.not-updated", null, English(), notUpdated));
        Assert.Equal("last changed: 30 Nov. 2026 05:04 CET\nlimit: 90 days", Shown("activity.not-updated", null, ReportFormatTests.German(), notUpdated));

        WarningEvidence[] overdue = [WarningEvidence.Of("planned end", new LocalDate(2026, 3, 1)), WarningEvidence.Of("status", nameof(ActivityStatus.Active)), WarningEvidence.Of("grace days", 7)];
        Assert.Equal("planned end: 1 Mar 2026\nstatus: active\ngrace period: 7 days", Shown("activity.overdue", null, English(), overdue));
        Assert.Equal("planned end: 1 März 2026\nstatus: active\ngrace period: 7 days", Shown("activity.overdue", null, ReportFormatTests.German(), overdue));

        foreach (var culture in new[] { English(), ReportFormatTests.German() })
        {
            Assert.Equal("status: planned", Shown("activity.no-owner", null, culture, WarningEvidence.Of("status", nameof(ActivityStatus.Planned))));
            Assert.Equal("kind: touchpoint", Shown("touchpoint.no-metric", null, culture, WarningEvidence.Of("kind", nameof(ActivityKind.Touchpoint))));
            Assert.Equal("activities: 0\nminimum: 1", Shown("phase.empty", null, culture, WarningEvidence.Of("activities", 0), WarningEvidence.Of("minimum", 1)));
        }
    }

    [Fact]
    public void A_custom_rules_evidence_shows_its_key_in_words_and_its_value_as_given()
    {
        var shown = Shown("custom.queue", Wait, ReportFormatTests.German(),
            WarningEvidence.Of("meanWait", "Queue 7 (west)"), WarningEvidence.Of("agents_on_shift", "4"), WarningEvidence.Of("source system", "ACD v2.1.3"));

        Assert.Equal("mean wait: Queue 7 (west)\nagents on shift: 4\nsource system: ACD v2.1.3", shown);
    }

    [Fact]
    public void The_report_shows_the_issue_s_de_DE_evidence_in_words()
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 4, 4, 0);
        var ana = new Actor("ana");
        var journey = Journey.Create(ana, WorkspaceId.New(), "Support", clock);
        var call = journey.AddActivity(ana, journey.AddPhase(ana, "Ask"), "Hotline");
        var wait = journey.AddWidget(ana, call, new MetricWidget(WidgetId.New(), "Wait") { Unit = "min", Direction = MetricDirection.LowerIsBetter });
        var warning = new Warning(new WarningKey(MetricBaselineRule.RuleId, WarningSubject.For(wait)), WarningSeverity.Warning, "Wait rose to 13 min")
        {
            Evidence = ValueList<WarningEvidence>.Of(Baseline()),
        };

        var html = HtmlReportRenderer.ToHtml(journey, new HtmlReportOptions { Warnings = [warning], TimeZone = Berlin, Culture = ReportFormatTests.German() });

        Assert.Contains("latest value: 13,0 min<br>", html, StringComparison.Ordinal);
        Assert.Contains("change: +165,3 %<br>", html, StringComparison.Ordinal);
        Assert.Contains("limit: 20 %<br>", html, StringComparison.Ordinal);
        Assert.Contains("window: 28 days<br>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("change percent", html, StringComparison.Ordinal);
    }

    /// <summary>Evidence shaped as each built-in rule writes it (names and value kinds), with arbitrary values.</summary>
    private static Gen<(string Rule, WarningEvidence[] Evidence)> BuiltInEvidence()
    {
        var amount = Gen.Choose(-5_000_000, 5_000_000).Zip(Gen.Choose(0, 12)).Select(t => new decimal(Math.Abs(t.Item1), 0, 0, t.Item1 < 0, (byte)Math.Min(t.Item2, 10)));
        var positive = amount.Select(Math.Abs);
        var count = Gen.Choose(0, 100_000);
        var day = Gen.Choose(-20_000, 40_000).Select(d => new LocalDate(1970, 1, 1).PlusDays(d));
        var instant = Gen.Choose(-2_000_000_000, 2_000_000_000).Zip(Gen.Choose(0, 9_999_999)).Select(t => Instant.FromUnixTimeSeconds(t.Item1 * 3L).PlusTicks(t.Item2));
        var score = Gen.Choose(-2, 2);
        var text = Gen.Elements("Wait", "Checkout 2026-11-02", "meanWait", "A_b");
        var status = Gen.Elements(Enum.GetNames<ActivityStatus>());
        var kind = Gen.Elements(Enum.GetNames<ActivityKind>());
        var limit = Gen.Elements("target", "warning threshold", "critical threshold");

        var baseline =
            from t in text from latest in amount from seen in day from mean in amount from spread in positive from a in day from b in day from n in count from w in count
            from p in positive from z in positive from lp in positive from lk in positive
            select ("metric.baseline", new[]
            {
                WarningEvidence.Of("metric", t), WarningEvidence.Of("latest value", latest), WarningEvidence.Of("observed on", seen), WarningEvidence.Of("baseline mean", mean),
                WarningEvidence.Of("baseline standard deviation", spread), WarningEvidence.Of("baseline from", a), WarningEvidence.Of("baseline to", b),
                WarningEvidence.Of("baseline observations", n), WarningEvidence.Of("window days", w), WarningEvidence.Of("change percent", p),
                WarningEvidence.Of("change in standard deviations", z), WarningEvidence.Of("limit percent", lp), WarningEvidence.Of("limit standard deviations", lk),
            });
        var trend =
            from t in text from p in positive from fv in amount from fd in day from tv in amount from td in day from lp in positive from w in count
            select ("metric.trend", new[]
            {
                WarningEvidence.Of("metric", t), WarningEvidence.Of("change percent", p), WarningEvidence.Of("from value", fv), WarningEvidence.Of("from date", fd),
                WarningEvidence.Of("to value", tv), WarningEvidence.Of("to date", td), WarningEvidence.Of("limit percent", lp), WarningEvidence.Of("window days", w),
            });
        var thresholdNow =
            from t in text from what in limit from latest in amount from seen in day from l in amount from run in count from since in day
            select ("metric.threshold", new[]
            {
                WarningEvidence.Of("metric", t), WarningEvidence.Of("latest value", latest), WarningEvidence.Of("observed on", seen), WarningEvidence.Of(what, l),
                WarningEvidence.Of("observations past it", run), WarningEvidence.Of("past it since", since),
            });
        var thresholdHeld =
            from t in text from what in limit from latest in amount from seen in day from l in amount from past in amount from pastOn in day
            from back in count from after in count from band in positive
            select ("metric.threshold", new[]
            {
                WarningEvidence.Of("metric", t), WarningEvidence.Of("latest value", latest), WarningEvidence.Of("observed on", seen), WarningEvidence.Of(what, l),
                WarningEvidence.Of("last value past it", past), WarningEvidence.Of("last past it on", pastOn), WarningEvidence.Of("observations back inside", back),
                WarningEvidence.Of("clears after", after), WarningEvidence.Of("clear band", band),
            });
        var stale = from t in text from d in day from n in count select ("metric.stale", new[] { WarningEvidence.Of("metric", t), WarningEvidence.Of("latest observation", d), WarningEvidence.Of("limit days", n) });
        var small = from t in text from m in count from d in day from n in count from s in count
                    select ("metric.small-sample", new[]
                    {
                        WarningEvidence.Of("metric", t), WarningEvidence.Of("minimum answers", m), WarningEvidence.Of("latest observation", d), WarningEvidence.Of("answers", n),
                        WarningEvidence.Of("small segments", s), WarningEvidence.Of("segments", "region=North (3)"),
                    });
        var funnel = from t in text from pv in positive from v in positive from drop in positive from lp in positive
                     select ("funnel.drop-off", new[]
                     {
                         WarningEvidence.Of("previous step", t), WarningEvidence.Of("previous volume", pv), WarningEvidence.Of("volume", v),
                         WarningEvidence.Of("drop-off percent", drop), WarningEvidence.Of("limit percent", lp),
                     });
        var pain = from t in text from a in score from th in score from n in count
                   select ("emotion.pain-point", new[] { WarningEvidence.Of("persona", t), WarningEvidence.Of("as-is emotion", a), WarningEvidence.Of("threshold", th), WarningEvidence.Of("personas in pain", n) });
        var gap = from t in text from a in score from b in score from g in count from l in count
                  select ("emotion.expectation-gap", new[]
                  {
                      WarningEvidence.Of("persona", t), WarningEvidence.Of("as-is emotion", a), WarningEvidence.Of("to-be emotion", b), WarningEvidence.Of("gap", g), WarningEvidence.Of("limit", l),
                  });
        var notUpdated = from i in instant from n in count select ("activity.not-updated", new[] { WarningEvidence.Of("last changed", i), WarningEvidence.Of("limit days", n) });
        var overdue = from end in Gen.Elements("planned end", "planned start") from d in day from s in status from n in count
                      select ("activity.overdue", new[] { WarningEvidence.Of(end, d), WarningEvidence.Of("status", s), WarningEvidence.Of("grace days", n) });
        var owner = from s in status select ("activity.no-owner", new[] { WarningEvidence.Of("status", s) });
        var noMetric = from k in kind select ("touchpoint.no-metric", new[] { WarningEvidence.Of("kind", k) });
        var empty = from a in count from m in count select ("phase.empty", new[] { WarningEvidence.Of("activities", a), WarningEvidence.Of("minimum", m) });
        return Gen.OneOf(baseline, trend, thresholdNow, thresholdHeld, stale, small, funnel, pain, gap, notUpdated, overdue, owner, noMetric, empty);
    }

    [Property(MaxTest = 300)]
    public Property Every_built_in_rules_evidence_renders_without_key_names_ISO_dates_or_hyphen_minus_signs() =>
        Prop.ForAll(BuiltInEvidence().ToArbitrary(), Gen.Elements(English(), ReportFormatTests.German()).ToArbitrary(), Gen.Elements(Wait, Csat).ToArbitrary(), (found, culture, metric) =>
        {
            var (rule, evidence) = found;
            var warning = new Warning(new WarningKey(new RuleId(rule), WarningSubject.For(metric.Id)), WarningSeverity.Warning, "m") { Evidence = ValueList<WarningEvidence>.Of(evidence) };
            var lines = EvidenceText.Lines(warning, rule.StartsWith("metric.", StringComparison.Ordinal) ? metric : null, Berlin, culture, UserText.None);
            Assert.Equal(evidence.Length, lines.Count);
            foreach (var ((label, value), e) in lines.Zip(evidence))
            {
                Assert.DoesNotMatch(new Regex("[a-z][A-Z]|_| percent$| days$"), label);
                Assert.DoesNotMatch(new Regex(@"\d{4}-\d{2}-\d{2}T"), value);
                if (e.Name is not ("metric" or "persona" or "previous step"))
                {
                    Assert.DoesNotMatch(new Regex(@"\d{4}-\d{2}-\d{2}|-\d|E[+-]\d"), value);
                }
                else
                {
                    Assert.Equal(e.Value, value);
                }
            }
        });
}
