using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The emotion lane: how each persona feels at each activity that has an emotion widget (as-is, and to-be when set),
/// in the map's order (phase by phase, each phase's activities top to bottom).
/// </summary>
internal static class EmotionApi
{
    public static void MapEmotionApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/journeys/{journeyId}/emotions", (HttpContext context, string journeyId) =>
            JourneyApi.ReadAsync(context, journeyId, reading => Results.Ok(Lane(reading.Journey))));

    public static EmotionLaneDto Lane(Journey journey)
    {
        var points = new List<EmotionPointDto>();
        foreach (var phase in journey.Phases)
        {
            foreach (var activity in journey.Activities.Where(a => a.PhaseId == phase.Id))
            {
                foreach (var emotion in activity.Widgets.OfType<EmotionWidget>())
                {
                    points.Add(new EmotionPointDto(
                        activity.Id.ToString(),
                        activity.Name,
                        phase.Name,
                        Mapping.Camel(activity.Kind),
                        emotion.Persona.ToString(),
                        emotion.AsIs.Value,
                        emotion.ToBe?.Value,
                        emotion.Note));
                }
            }
        }

        return new EmotionLaneDto([.. journey.Personas.Select(p => new PersonaDto(p.Id.ToString(), p.Name, p.Description))], points);
    }
}

/// <summary>The journey's personas and every emotion point, in map order.</summary>
internal sealed record EmotionLaneDto(IReadOnlyList<PersonaDto> Personas, IReadOnlyList<EmotionPointDto> Points);

/// <summary>How one persona feels at one activity: scores from −2 (very negative) to +2 (very positive).</summary>
internal sealed record EmotionPointDto(string ActivityId, string ActivityName, string PhaseName, string ActivityKind, string PersonaId, int AsIs, int? ToBe, string? Note);
