using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using NodaTime;

namespace OutOfDark.Testing;

/// <summary>The generated description of a widget, built into a real widget against the journey when a step runs.</summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Kind">0 metric, 1 link, 2 description, 3 solution, 4 emotion, 5 feedback, 6 unknown kind.</param>
/// <param name="Title">The widget's title.</param>
/// <param name="Text">Free text: description, problem, quote, note, link path.</param>
/// <param name="Metric">For a metric: kind, direction, target, warning and critical thresholds and first observations.</param>
/// <param name="PersonaPick">For an emotion, which persona (none in the journey: a fresh id, refused).</param>
/// <param name="AsIs">For an emotion, the as-is score.</param>
/// <param name="ToBe">For an emotion, the to-be score, if any.</param>
public sealed record WidgetSeed(Guid Id, int Kind, string Title, string Text, MetricSeed Metric, int PersonaPick, int AsIs, int? ToBe)
{
    /// <summary>Builds the widget.</summary>
    /// <param name="journey">The journey it will be added to.</param>
    /// <returns>The widget.</returns>
    public Widget Build(Journey journey)
    {
        Guard.Against.Null(journey);
        var id = new WidgetId(Id);
        return Kind switch
        {
            0 => Metric.Build(id, Title),
            1 => new LinkWidget(id, Title, new Uri("https://example.com/" + Uri.EscapeDataString(Text.Length > 200 ? Text[..200] : Text))),
            2 => new DescriptionWidget(id, Title, Text),
            3 => new SolutionWidget(id, Title, Text, "Fix: " + Text, (SolutionStatus)(Math.Abs(PersonaPick) % 5)),
            4 => new EmotionWidget(
                id,
                Title,
                journey.Personas.Count == 0 ? PersonaId.New() : journey.Personas[(int)((uint)PersonaPick % (uint)journey.Personas.Count)].Id,
                new EmotionScore(AsIs),
                ToBe is { } toBe ? new EmotionScore(toBe) : null,
                Text.Length == 0 ? null : Text),
            5 => new FeedbackWidget(id, Title, ValueList<FeedbackEntry>.Of(new FeedbackEntry("survey", Text, (Sentiment)(AsIs), new LocalDate(2026, 3, 1)))),
            _ => new UnknownWidget(id, Title, "vendor.future-kind", "{\"payload\":" + System.Text.Json.JsonSerializer.Serialize(Text) + "}"),
        };
    }
}

/// <summary>The generated shape of a metric.</summary>
/// <param name="Kind">The metric kind.</param>
/// <param name="Direction">The direction.</param>
/// <param name="Target">The target.</param>
/// <param name="Warning">The warning threshold.</param>
/// <param name="Critical">The critical threshold.</param>
/// <param name="Values">First observations, one per day from 2026-01-01.</param>
public sealed record MetricSeed(MetricKind Kind, MetricDirection Direction, decimal? Target, decimal? Warning, decimal? Critical, ValueList<decimal> Values)
{
    /// <summary>Builds the metric widget (its content may be invalid: thresholds against the direction, values out of range).</summary>
    /// <param name="id">The widget's id.</param>
    /// <param name="title">The title.</param>
    /// <returns>The widget.</returns>
    public MetricWidget Build(WidgetId id, string title)
    {
        var observations = new List<Observation>();
        for (var i = 0; i < Values.Count; i++)
        {
            observations.Add(new Observation(ObservationStep.Origin.PlusDays(i), Values[i]));
        }

        return new MetricWidget(id, title)
        {
            Unit = Kind == MetricKind.Percentage ? "%" : Kind == MetricKind.Currency ? "EUR" : "",
            Kind = Kind,
            Direction = Direction,
            Target = Target,
            WarningThreshold = Warning,
            CriticalThreshold = Critical,
            Observations = ObservationSeries.From(observations),
        };
    }
}
