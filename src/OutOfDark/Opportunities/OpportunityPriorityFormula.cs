namespace OutOfDark;

/// <summary>
/// Computes an opportunity's priority from its scores: higher means sooner. The integrator's own formula replaces
/// <see cref="OpportunityPriority.Default"/> wherever opportunities are ranked (<see cref="OpportunityPriority.Rank"/>,
/// the report's <c>HtmlReportOptions.OpportunityPriority</c>, the matrix layout).
/// </summary>
/// <param name="opportunity">The opportunity, for formulas that weigh its status or links too.</param>
/// <param name="scores">Its scores, each 1–5.</param>
/// <returns>The priority; any decimal.</returns>
public delegate decimal OpportunityPriorityFormula(Opportunity opportunity, OpportunityScores scores);
