using System;
using System.Collections.Generic;
using NodaTime;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// Corrects the value a metric holds for a date (<see cref="Journey.CorrectObservation(Actor, WidgetId, LocalDate, decimal, string?)"/>):
/// the way to fix a wrongly recorded value, since a second value on the same day is refused.
/// </summary>
internal sealed record CorrectObservationCommand(Actor Actor, WidgetId Metric, LocalDate Date, decimal Value, string? Reason)
    : JourneyCommand(Actor)
{
    /// <inheritdoc />
    public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [CommandSubject.Of(Metric)];

    /// <inheritdoc />
    /// <exception cref="ObservationNotFoundException">The metric has no value on <see cref="Date"/>; the journey is unchanged.</exception>
    public override void ApplyTo(Journey journey)
    {
        try
        {
            journey.CorrectObservation(Actor, Metric, Date, Value, Reason);
        }
        catch (JourneyRuleException e) when (e.Rule == JourneyRules.ObservationDate)
        {
            // The only ObservationDate refusal of a correction: the date has no value to correct.
            throw new ObservationNotFoundException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The metric has no value on {Date:yyyy-MM-dd} to correct; record one instead."), e);
        }
    }
}

/// <summary>A correction named a date on which the metric has no value (the API answers 404).</summary>
internal sealed class ObservationNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and what to do, in words.</param>
    /// <param name="inner">The journey's refusal.</param>
    public ObservationNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ObservationNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing, in words.</param>
    public ObservationNotFoundException(string message)
        : base(message)
    {
    }
}
