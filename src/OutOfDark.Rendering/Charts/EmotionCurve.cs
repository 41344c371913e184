using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using OutOfDark;

namespace OutOfDark.Rendering;

/// <summary>How one persona feels at one activity (touchpoint) of the map.</summary>
/// <param name="Persona">The persona.</param>
/// <param name="Phase">The phase the activity lives in.</param>
/// <param name="Activity">The activity.</param>
/// <param name="AsIs">The mean as-is emotion score of the persona's emotions on the activity, from −2 to +2.</param>
/// <param name="ToBe">The mean to-be score over those that have one, from −2 to +2, or <see langword="null"/> when none has.</param>
/// <param name="Samples">How many emotion widgets the means come from (1 or more).</param>
public sealed record EmotionCurvePoint(PersonaId Persona, PhaseId Phase, ActivityId Activity, double AsIs, double? ToBe, int Samples);

/// <summary>Computes the emotion curve of a journey: per persona, one point per activity that carries the persona's emotion.</summary>
public static class EmotionCurve
{
    /// <summary>
    /// Reads the emotion widgets of every activity: one point per persona and activity with at least one emotion of that
    /// persona, persona by persona (in persona order), activities in map order (phase by phase, each phase's activities
    /// in map order). An activity with two emotions of the same persona gives one point with their means.
    /// </summary>
    /// <param name="journey">The journey.</param>
    /// <returns>The points; personas and activities without emotions are left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="journey"/> is <see langword="null"/>.</exception>
    public static ValueList<EmotionCurvePoint> Compute(Journey journey)
    {
        Guard.Against.Null(journey);
        var points = new List<EmotionCurvePoint>();
        var ordered = new List<Activity>(journey.ActivityCount);
        foreach (var phase in journey.Phases)
        {
            ordered.AddRange(journey.ActivitiesIn(phase.Id));
        }

        foreach (var persona in journey.Personas)
        {
            foreach (var activity in ordered)
            {
                int asIs = 0, count = 0, toBe = 0, toBeCount = 0;
                foreach (var widget in activity.Widgets)
                {
                    if (widget is EmotionWidget e && e.Persona == persona.Id)
                    {
                        asIs += e.AsIs.Value;
                        count++;
                        if (e.ToBe is { } t)
                        {
                            toBe += t.Value;
                            toBeCount++;
                        }
                    }
                }

                if (count > 0)
                {
                    points.Add(new EmotionCurvePoint(persona.Id, activity.PhaseId, activity.Id, (double)asIs / count, toBeCount == 0 ? null : (double)toBe / toBeCount, count));
                }
            }
        }

        return ValueList<EmotionCurvePoint>.From(points);
    }
}
