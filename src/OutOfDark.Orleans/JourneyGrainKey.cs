using System;
using System.Globalization;

namespace OutOfDark.Orleans;

/// <summary>
/// The key of a journey grain: the workspace and the journey in one string, <c>{workspace}/{journey}</c>, each a GUID in
/// the "D" format (for example <c>0f8fad5b-d9cb-469f-a165-70867728950e/7c9e6679-7425-40de-944b-e07fc1f90ae7</c>).
/// </summary>
/// <remarks>
/// The workspace is part of the grain's identity, not an argument of its calls: the grain loads and saves only through
/// that workspace, so a caller holding another workspace's key reaches a different (empty) grain, never the journey of
/// another tenant. Journey ids are unique per workspace only; the same journey id in two workspaces is two grains.
/// </remarks>
public static class JourneyGrainKey
{
    /// <summary>Formats the key of a journey's grain.</summary>
    /// <param name="workspaceId">The workspace.</param>
    /// <param name="journeyId">The journey.</param>
    /// <returns>The key, 73 characters.</returns>
    public static string Format(WorkspaceId workspaceId, JourneyId journeyId) =>
        string.Create(CultureInfo.InvariantCulture, $"{workspaceId.Value:D}/{journeyId.Value:D}");

    /// <summary>Reads a key written by <see cref="Format"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The workspace and the journey.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The key is not two GUIDs in the "D" format joined by '/'.</exception>
    public static (WorkspaceId WorkspaceId, JourneyId JourneyId) Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !Guid.TryParseExact(key.AsSpan(0, slash), "D", out var workspace)
            || !Guid.TryParseExact(key.AsSpan(slash + 1), "D", out var journey))
        {
            throw new FormatException($"'{key}' is not a journey grain key: expected '{{workspace}}/{{journey}}', two GUIDs in the \"D\" format (use JourneyGrainKey.Format).");
        }

        return (new WorkspaceId(workspace), new JourneyId(journey));
    }
}
