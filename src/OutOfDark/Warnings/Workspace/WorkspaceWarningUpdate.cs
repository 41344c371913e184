using System.Collections.Generic;

namespace OutOfDark.Warnings;

/// <summary>
/// What one evaluation of one journey changes in the workspace read model: rows to write, keys to remove and the
/// journey's health line. Made by <see cref="WorkspaceWarningProjector"/>; applied whole by <see cref="IWorkspaceWarnings.ApplyAsync"/>.
/// </summary>
/// <param name="Health">The journey's health line; names the workspace and journey the update is about.</param>
/// <param name="ReplacesAll">
/// <see langword="true"/> when <paramref name="Upserts"/> are every present warning of the journey, so rows of the
/// journey not among them are removed (the first projection of an engine); <see langword="false"/> for a difference.
/// </param>
/// <param name="Upserts">Rows that are new or changed; each of this update's journey.</param>
/// <param name="Removals">Warnings of the journey that are no longer present.</param>
public sealed record WorkspaceWarningUpdate(WorkspaceJourneyHealth Health, bool ReplacesAll, IReadOnlyList<WorkspaceWarning> Upserts, IReadOnlyList<WarningKey> Removals)
{
    /// <summary>The workspace.</summary>
    public WorkspaceId WorkspaceId => Health.WorkspaceId;

    /// <summary>The journey.</summary>
    public JourneyId JourneyId => Health.JourneyId;

    /// <summary>Whether the update changes no row (the health line is still written).</summary>
    public bool ChangesNoRow => !ReplacesAll && Upserts.Count == 0 && Removals.Count == 0;
}
