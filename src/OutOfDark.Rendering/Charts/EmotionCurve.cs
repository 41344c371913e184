using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Rendering.Charts;

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
        ArgumentNullException.ThrowIfNull(journey);
        var sums = new Dictionary<(PersonaId, PhaseId), (int AsIs, int ToBe, int ToBeCount, int Count)>();
        foreach (var activity in journey.Activities)
        {
            foreach (var emotion in activity.Widgets.OfType<EmotionWidget>())
            {
                var key = (emotion.Persona, activity.PhaseId);
                var s = sums.GetValueOrDefault(key);
                sums[key] = (s.AsIs + emotion.AsIs.Value, s.ToBe + (emotion.ToBe?.Value ?? 0), s.ToBeCount + (emotion.ToBe is null ? 0 : 1), s.Count + 1);
            }
        }

        var points = new List<EmotionCurvePoint>();
        foreach (var persona in journey.Personas)
        {
            foreach (var phase in journey.Phases)
            {
                if (sums.TryGetValue((persona.Id, phase.Id), out var s))
                {
                    points.Add(new EmotionCurvePoint(persona.Id, phase.Id, (double)s.AsIs / s.Count, s.ToBeCount == 0 ? null : (double)s.ToBe / s.ToBeCount, s.Count));
                }
            }
        }

        return ValueList<EmotionCurvePoint>.From(points);
    }
}
