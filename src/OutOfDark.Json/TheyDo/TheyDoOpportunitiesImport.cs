namespace OutOfDark.Json.TheyDo;

/// <summary>
/// What <see cref="TheyDoInterchange.ImportOpportunities"/> did. Prints as, for example,
/// <c>TheyDoOpportunitiesImport { Added = 2, Changed = 0, UnmappedStatuses = [$.opportunities[1].status: "Validated" is not a status OutOfDark knows …] }</c>.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Added">How many opportunities were added (0 or more).</param>
/// <param name="Changed">How many existing opportunities were changed (0 or more); one that did not differ is not counted.</param>
/// <param name="UnmappedStatuses">For each status OutOfDark does not know, a line naming its JSON path and text (for example
/// <c>$.opportunities[0].status: "Validated" is not a status OutOfDark knows …</c>), in file order; empty when every status mapped.</param>
public sealed record TheyDoOpportunitiesImport(int Added, int Changed, ValueList<string> UnmappedStatuses);
