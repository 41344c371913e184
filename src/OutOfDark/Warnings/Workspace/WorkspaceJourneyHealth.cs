using NodaTime;

namespace OutOfDark.Warnings;

/// <summary>One journey's line in the workspace view's health list: its counts per severity and health score.</summary>
/// <param name="WorkspaceId">The workspace.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="JourneyName">The journey's name when the line was written.</param>
/// <param name="Health">
/// The health score and its parts as <see cref="JourneyAnalytics.Health"/> computes them from the journey and its
/// Warnings view at the evaluation that wrote the line.
/// </param>
/// <param name="Version">The journey version the line reflects.</param>
/// <param name="EvaluatedAt">When the evaluation that wrote the line ran, by the writer's clock.</param>
public sealed record WorkspaceJourneyHealth(WorkspaceId WorkspaceId, JourneyId JourneyId, string JourneyName, JourneyHealth Health, long Version, Instant EvaluatedAt);
