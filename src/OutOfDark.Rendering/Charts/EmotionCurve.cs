using System;
using System.Collections.Generic;
using OutOfDark;

namespace OutOfDark.Rendering;

/// <summary>How one persona feels, on average, in one phase.</summary>
/// <param name="Persona">The persona.</param>
/// <param name="Phase">The phase.</param>
/// <param name="AsIs">The average as-is emotion score, from −2 to +2.</param>
/// <param name="ToBe">The average to-be score over the emotions that have one, or <see langword="null"/> when none has.</param>
/// <param name="Samples">How many emotion widgets the averages come from.</param>
public sealed record EmotionCurvePoint(PersonaId Persona, PhaseId Phase, double AsIs, double? ToBe, int Samples);

/// <summary>Computes the emotion curve of a journey: per persona and phase, the average emotion over the phase's activities.</summary>
public static class EmotionCurve
{
    /// <summary>Averages the emotion widgets of every activity, per persona (in persona order) and phase (in phase order).</summary>
    /// <param name="journey">The journey.</param>
    /// <returns>One point per persona and phase that has at least one emotion; personas and phases without emotions are left out.</returns>
    public static ValueList<EmotionCurvePoint> Compute(Journey journey)
    {
        // The means come from the analytics, the one definition of the emotion curve; the chart keeps only points with data.
        var points = new List<EmotionCurvePoint>();
        foreach (var point in JourneyAnalytics.EmotionCurve(journey))
        {
            if (point is { Widgets: > 0, AsIs: { } asIs })
            {
                points.Add(new EmotionCurvePoint(point.Persona, point.Phase, (double)asIs, point.ToBe is { } toBe ? (double)toBe : null, point.Widgets));
            }
        }

        return ValueList<EmotionCurvePoint>.From(points);
    }
}
