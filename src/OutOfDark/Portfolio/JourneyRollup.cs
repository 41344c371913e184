namespace OutOfDark.Portfolio;

/// <summary>One journey's line in a portfolio roll-up: its place, its own totals and those of its whole subtree.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentJourneyId">
/// Its parent in the roll-up, or <see langword="null"/> at the top. A journey whose recorded parent is not in the
/// workspace, or whose ancestors loop, is rolled up at the top; see <see cref="Detached"/>.
/// </param>
/// <param name="Depth">0 at the top, 1 for a child of a top-level journey, and so on.</param>
/// <param name="Detached">
/// <see langword="true"/> when the journey records a parent but is rolled up at the top: the parent was deleted
/// outside <see cref="JourneyPortfolio"/>, or parent changes made around it closed a cycle.
/// </param>
/// <param name="Own">The journey's own totals.</param>
/// <param name="Subtree">The totals of the journey and every journey below it.</param>
public sealed record JourneyRollup(JourneyId JourneyId, string Name, JourneyId? ParentJourneyId, int Depth, bool Detached, RollupTotals Own, RollupTotals Subtree);
