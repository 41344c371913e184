using System.Collections.Generic;

namespace OutOfDark.Portfolio;

/// <summary>One journey as the roll-up reads it: its place in the portfolio, its health line and its KPIs.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Name">Its name.</param>
/// <param name="ParentJourneyId">Its parent, or <see langword="null"/> for a top-level journey.</param>
/// <param name="Health">Its health and open warning counts (from the workspace read model's health line), or <see langword="null"/> when no evaluation wrote one.</param>
/// <param name="Kpis">Its KPIs; empty when unknown or none.</param>
public sealed record PortfolioJourney(JourneyId JourneyId, string Name, JourneyId? ParentJourneyId, JourneyHealth? Health, IReadOnlyList<KpiReading> Kpis);
