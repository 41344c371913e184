using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using OutOfDark;
using OutOfDark.Warnings;

namespace OutOfDark.Benchmarks.Warnings;

/// <summary>
/// The baseline: every built-in rule's check with default settings (metric rules once per metric), hand-written as one pass over the activities —
/// no registry, settings, contexts, virtual calls, kept results, diffing or recheck queue. Produces the same warnings
/// (key, severity, message, evidence) as the engine.
/// </summary>
public static class SinglePassChecks
{
    private static readonly RuleId Threshold = MetricThresholdRule.RuleId, Trend = MetricTrendRule.RuleId, Baseline = MetricBaselineRule.RuleId, Stale = StaleMetricRule.RuleId,
        NotUpdated = NotUpdatedRule.RuleId, NoOwner = NoOwnerRule.RuleId, NoMetric = NoMetricRule.RuleId, Funnel = FunnelDropOffRule.RuleId,
        Pain = PainPointRule.RuleId, Overdue = OverdueRule.RuleId, Gap = ExpectationGapRule.RuleId, Empty = EmptyPhaseRule.RuleId;

    /// <summary>
    /// Throws unless the engine's current warnings and the single pass's agree to the letter (key, severity, message,
    /// evidence), so that a benchmark compares the same work.
    /// </summary>
    /// <param name="engine">The engine, after a full evaluation.</param>
    /// <param name="now">The instant the single pass checks at.</param>
    /// <returns>How many warnings both raise.</returns>
    public static int AssertAgrees(WarningEngine engine, Instant now)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var fromEngine = engine.Warnings.Select(Describe).Order(StringComparer.Ordinal).ToArray();
        var fromLoop = Run(engine.Journey, now).Select(Describe).Order(StringComparer.Ordinal).ToArray();
        if (!fromEngine.SequenceEqual(fromLoop))
        {
            throw new InvalidOperationException($"The baseline and the engine disagree: {fromEngine.Length} vs {fromLoop.Length} warnings.");
        }

        return fromEngine.Length;

        static string Describe(Warning w) => $"{w.Key} {w.Severity} {w.Message} {w.Evidence}";
    }

    public static List<Warning> Run(Journey journey, Instant now)
    {
        var warnings = new List<Warning>();
        var today = now.InUtc().Date;
        foreach (var a in journey.Activities)
        {
            var subject = WarningSubject.For(a.Id);
            var d = a.Details;
            var live = d.Status != ActivityStatus.Retired;
            var hasMetric = false;
            List<EmotionWidget>? pains = null;
            EmotionWidget? gap = null;
            var gaps = 0;
            foreach (var widget in a.Widgets.AsSpan())
            {
                if (widget is MetricWidget m)
                {
                    hasMetric = true;
                    Metric(m, WarningSubject.For(m.Id), live);
                }
                else if (widget is EmotionWidget e)
                {
                    if (e.AsIs.Value <= -1)
                    {
                        (pains ??= []).Add(e);
                    }

                    if (e.ToBe is not null && e.Gap > 1)
                    {
                        gaps++;
                        if (gap is null || e.Gap > gap.Gap)
                        {
                            gap = e;
                        }
                    }
                }
            }

            if (live && now >= a.LastChangedAt + Duration.FromDays(90))
            {
                Add(NotUpdated, WarningSeverity.Info, $"'{a.Name}' has not been updated since {Date(a.LastChangedAt.InUtc().Date)} — limit 90 days", WarningEvidence.Of("last changed", a.LastChangedAt), WarningEvidence.Of("limit days", 90));
            }

            if (live && d.Owner is null)
            {
                Add(NoOwner, WarningSeverity.Warning, $"'{a.Name}' has no owner", WarningEvidence.Of("status", d.Status.ToString()));
            }

            if (live && !hasMetric && a.Kind == ActivityKind.Touchpoint)
            {
                Add(NoMetric, WarningSeverity.Info, $"Touchpoint '{a.Name}' has no metric — there is no way to measure its success", WarningEvidence.Of("kind", a.Kind.ToString()));
            }

            if (StepVolume.Of(a) is { } volume && journey.FlowsTo(a.Id) is { Count: > 0 } incoming)
            {
                Activity? from = null;
                decimal fromVolume = 0, drop = 0;
                foreach (var flow in incoming)
                {
                    var previous = journey.GetActivity(flow.From);
                    if (StepVolume.Of(previous) is { } p && p > 0 && p >= 1m)
                    {
                        var x = (p - volume) / p * 100m;
                        if (x > 60m && (from is null || x > drop))
                        {
                            (from, fromVolume, drop) = (previous, p, x);
                        }
                    }
                }

                if (from is not null)
                {
                    Add(
                        Funnel,
                        WarningSeverity.Warning,
                        $"Only {Number(volume)} of {Number(fromVolume)} customers go on from '{from.Name}' to '{a.Name}' — drop-off {Percent(drop, 60m)}, limit 60 %",
                        WarningEvidence.Of("previous step", from.Name),
                        WarningEvidence.Of("previous volume", fromVolume),
                        WarningEvidence.Of("volume", volume),
                        WarningEvidence.Of("drop-off percent", Rounded(drop, 60m)),
                        WarningEvidence.Of("limit percent", 60m));
                }
            }

            if (pains is not null)
            {
                var worst = pains[0];
                foreach (var p in pains)
                {
                    worst = p.AsIs < worst.AsIs ? p : worst;
                }

                Add(
                    Pain,
                    WarningSeverity.Warning,
                    pains.Count == 1
                        ? $"Pain point for '{Persona(worst)}': feels {Emotion(worst.AsIs)} at '{a.Name}'"
                        : $"Pain point for {Count(pains.Count, "persona")} at '{a.Name}': " + string.Join(", ", pains.ConvertAll(p => $"'{Persona(p)}' {Emotion(p.AsIs)}")),
                    WarningEvidence.Of("persona", Persona(worst)),
                    WarningEvidence.Of("as-is emotion", worst.AsIs.Value),
                    WarningEvidence.Of("threshold", -1),
                    WarningEvidence.Of("personas in pain", pains.Count));
            }

            if (live)
            {
                if (d.PlannedEnd is { } end && today >= end.PlusDays(1))
                {
                    Add(Overdue, WarningSeverity.Warning, $"'{a.Name}' was planned to end on {Date(end)} and is still {d.Status.ToString().ToLowerInvariant()}", WarningEvidence.Of("planned end", end), WarningEvidence.Of("status", d.Status.ToString()), WarningEvidence.Of("grace days", 0));
                }
                else if (d.Status == ActivityStatus.Planned && d.PlannedStart is { } start && today >= start.PlusDays(1))
                {
                    Add(Overdue, WarningSeverity.Warning, $"'{a.Name}' was planned to start on {Date(start)} and is still planned", WarningEvidence.Of("planned start", start), WarningEvidence.Of("status", d.Status.ToString()), WarningEvidence.Of("grace days", 0));
                }
            }

            if (gap is not null)
            {
                Add(
                    Gap,
                    WarningSeverity.Warning,
                    $"Expectation gap of {gap.Gap} for '{Persona(gap)}' at '{a.Name}': feels {Emotion(gap.AsIs)}, should feel {Emotion(gap.ToBe!.Value)} — limit 1{More(gaps - 1, "persona")}",
                    WarningEvidence.Of("persona", Persona(gap)),
                    WarningEvidence.Of("as-is emotion", gap.AsIs.Value),
                    WarningEvidence.Of("to-be emotion", gap.ToBe.Value.Value),
                    WarningEvidence.Of("gap", gap.Gap),
                    WarningEvidence.Of("limit", 1));
            }

            void Add(RuleId rule, WarningSeverity severity, string message, params ReadOnlySpan<WarningEvidence> evidence) =>
                warnings.Add(new Warning(new WarningKey(rule, subject), severity, message) { Evidence = ValueList<WarningEvidence>.Of(evidence), RaisedAt = now });
        }

        // The metric rules, one warning per metric.
        void Metric(MetricWidget m, WarningSubject subject, bool live)
        {
            var series = m.Observations.AsSpan();
            if (series.Length == 0)
            {
                return;
            }

            var latest = series[^1];
            var higher = m.Direction == MetricDirection.HigherIsBetter;
            var (severity, limit, run) = Breach(m, series);
            if (run > 0)
            {
                var what = severity == WarningSeverity.Critical ? "critical threshold" : "warning threshold";
                Add(
                    Threshold,
                    severity,
                    $"{m.Title} {(higher ? "fell" : "rose")} to {Amount(latest.Value, m.Unit)} — {what} {Amount(limit, m.Unit)}, {Count(run, "observation")} {(higher ? "below" : "above")} since {Date(series[^run].Date)}",
                    WarningEvidence.Of("metric", m.Title),
                    WarningEvidence.Of("latest value", latest.Value),
                    WarningEvidence.Of("observed on", latest.Date),
                    WarningEvidence.Of(what, limit),
                    WarningEvidence.Of("observations past it", run),
                    WarningEvidence.Of("past it since", series[^run].Date));
            }

            if (series.Length >= 2)
            {
                var window = m.Observations.Between(latest.Date.PlusDays(-28), latest.Date);
                if (window.Length >= 2 && window[0].Value != 0)
                {
                    var change = (latest.Value - window[0].Value) / Math.Abs(window[0].Value) * 100m;
                    var worse = higher ? -change : change;
                    if (worse >= 20m)
                    {
                        var days = Period.Between(window[0].Date, latest.Date, PeriodUnits.Days).Days;
                        Add(
                            Trend,
                            WarningSeverity.Warning,
                            $"{m.Title} {(higher ? "fell" : "rose")} {Number(Rounded(worse, 20m))} % in {Count(days, "day")}, from {Amount(window[0].Value, m.Unit)} on {Date(window[0].Date)} to {Amount(latest.Value, m.Unit)} on {Date(latest.Date)} — limit 20 %",
                            WarningEvidence.Of("metric", m.Title),
                            WarningEvidence.Of("change percent", Rounded(worse, 20m)),
                            WarningEvidence.Of("from value", window[0].Value),
                            WarningEvidence.Of("from date", window[0].Date),
                            WarningEvidence.Of("to value", latest.Value),
                            WarningEvidence.Of("to date", latest.Date),
                            WarningEvidence.Of("limit percent", 20m),
                            WarningEvidence.Of("window days", 28));
                    }
                }
            }

            var baseline = m.Observations.Between(latest.Date.PlusDays(-28), latest.Date.PlusDays(-1));
            if (baseline.Length >= 7)
            {
                var sum = 0m;
                foreach (var o in baseline)
                {
                    sum += o.Value;
                }

                var mean = sum / baseline.Length;
                var squares = 0d;
                foreach (var o in baseline)
                {
                    var dev = (double)(o.Value - mean);
                    squares += dev * dev;
                }

                var spread = (decimal)Math.Sqrt(squares / (baseline.Length - 1));
                var worse = higher ? mean - latest.Value : latest.Value - mean;
                decimal? percent = mean == 0 ? null : worse / Math.Abs(mean) * 100m;
                decimal? deviations = spread == 0 ? null : worse / spread;
                if (worse > 0 && (percent >= 20m || deviations >= 3m))
                {
                    var shown = decimal.Round(mean, 10, MidpointRounding.AwayFromZero);
                    var change = percent is { } p ? $"{Number(Rounded(p, 20m))} % {(higher ? "below" : "above")}" : higher ? "below" : "above";
                    var sigma = deviations is { } z ? $", {Number(Rounded(z, 3m))} standard deviations" : "";
                    var evidence = new List<WarningEvidence>
                    {
                        WarningEvidence.Of("metric", m.Title),
                        WarningEvidence.Of("latest value", latest.Value),
                        WarningEvidence.Of("observed on", latest.Date),
                        WarningEvidence.Of("baseline mean", shown),
                        WarningEvidence.Of("baseline standard deviation", spread),
                        WarningEvidence.Of("baseline from", baseline[0].Date),
                        WarningEvidence.Of("baseline to", baseline[^1].Date),
                        WarningEvidence.Of("baseline observations", baseline.Length),
                        WarningEvidence.Of("window days", 28),
                    };
                    if (percent is { } pc)
                    {
                        evidence.Add(WarningEvidence.Of("change percent", Rounded(pc, 20m)));
                    }

                    if (deviations is { } dz)
                    {
                        evidence.Add(WarningEvidence.Of("change in standard deviations", Rounded(dz, 3m)));
                    }

                    evidence.Add(WarningEvidence.Of("limit percent", 20m));
                    evidence.Add(WarningEvidence.Of("limit standard deviations", 3m));
                    Add(
                        Baseline,
                        WarningSeverity.Warning,
                        $"{m.Title} {(higher ? "fell" : "rose")} to {Amount(latest.Value, m.Unit)} on {Date(latest.Date)}, {change} its 28-day mean of {Amount(shown, m.Unit)}{sigma} — limit 20 % or 3 standard deviations",
                        [.. evidence]);
                }
            }

            if (live && today >= latest.Date.PlusDays(31))
            {
                Add(
                    Stale,
                    WarningSeverity.Warning,
                    $"{m.Title} has had no observation since {Date(latest.Date)} — limit 30 days",
                    WarningEvidence.Of("metric", m.Title),
                    WarningEvidence.Of("latest observation", latest.Date),
                    WarningEvidence.Of("limit days", 30));
            }

            void Add(RuleId rule, WarningSeverity severity, string message, params ReadOnlySpan<WarningEvidence> evidence) =>
                warnings.Add(new Warning(new WarningKey(rule, subject), severity, message) { Evidence = ValueList<WarningEvidence>.Of(evidence), RaisedAt = now });
        }

        foreach (var phase in journey.Phases)
        {
            if (journey.ActivityCountIn(phase.Id) == 0)
            {
                var evidence = ValueList<WarningEvidence>.Of(WarningEvidence.Of("activities", 0), WarningEvidence.Of("minimum", 1));
                warnings.Add(new Warning(new WarningKey(Empty, WarningSubject.For(phase.Id)), WarningSeverity.Warning, $"Phase '{phase.Name}' has no activities") { Evidence = evidence, RaisedAt = now });
            }
        }

        return warnings;

        string Persona(EmotionWidget e) => journey.FindPersona(e.Persona)?.Name ?? e.Persona.ToString();
    }

    private static (WarningSeverity Severity, decimal Limit, int Run) Breach(MetricWidget m, ReadOnlySpan<Observation> series)
    {
        if (m.CriticalThreshold is { } c && Run(m, series, c) is > 0 and var rc)
        {
            return (WarningSeverity.Critical, c, rc);
        }

        if (m.WarningThreshold is { } w && Run(m, series, w) is > 0 and var rw)
        {
            return (WarningSeverity.Warning, w, rw);
        }

        return default;

        static int Run(MetricWidget m, ReadOnlySpan<Observation> series, decimal limit)
        {
            var run = 0;
            for (var i = series.Length - 1; i >= 0 && m.IsWorse(series[i].Value, limit); i--)
            {
                run++;
            }

            return run;
        }
    }

    private static string Number(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);

    private static string Amount(decimal value, string unit) => string.IsNullOrEmpty(unit) ? Number(value) : Number(value) + " " + unit;

    private static string Percent(decimal value) => Number(decimal.Round(value, 1, MidpointRounding.AwayFromZero)) + " %";

    // As the built-in rules show a percentage compared with a limit: one decimal, or the fewest more that tell it apart
    // from the limit (20.03 % against 20 % is not shown as 20 %).
    private static string Percent(decimal value, decimal against) => Number(Rounded(value, against)) + " %";

    private static decimal Rounded(decimal value, decimal against)
    {
        for (var decimals = 1; decimals < 28; decimals++)
        {
            var rounded = decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
            if (value == against || rounded != decimal.Round(against, decimals, MidpointRounding.AwayFromZero))
            {
                return rounded;
            }
        }

        return value;
    }

    private static string Date(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    private static string Count(int count, string singular) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");

    private static string More(int others, string what) => others == 0 ? "" : " (and " + Count(others, "more " + what) + ")";

    private static string Emotion(EmotionScore score) => score.Value switch
    {
        -2 => "very negative",
        -1 => "negative",
        0 => "neutral",
        1 => "positive",
        _ => "very positive",
    } + " (" + score + ")";
}
