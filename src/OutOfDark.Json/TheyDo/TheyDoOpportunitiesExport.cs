namespace OutOfDark.Json.TheyDo;

/// <summary>
/// What <see cref="TheyDoInterchange.ExportOpportunities"/> produced: the file, and every part of an opportunity that
/// TheyDo's file cannot carry.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="File">The file, for <see cref="TheyDoJson.WriteOpportunities"/>.</param>
/// <param name="Losses">What was left out, in the journey's order of opportunities (an opportunity may have several
/// entries); empty when the file carries every opportunity exactly.</param>
public sealed record TheyDoOpportunitiesExport(TheyDoOpportunitiesFile File, ValueList<TheyDoOpportunityLoss> Losses);

/// <summary>One part of an opportunity that the exported file does not carry.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Opportunity">The opportunity (its id is the import key in the file, GUID "D" format).</param>
/// <param name="Title">Its title.</param>
/// <param name="Lost">What was left out.</param>
/// <param name="Explanation">The same, in a sentence for people, naming what was left out (the scores, the number of links, the owner).</param>
public sealed record TheyDoOpportunityLoss(OpportunityId Opportunity, string Title, TheyDoOpportunityPart Lost, string Explanation);

/// <summary>A part of an opportunity TheyDo's opportunities file has no member for.</summary>
public enum TheyDoOpportunityPart
{
    /// <summary>The scores (customer value, business value, effort): TheyDo's file has no scores.</summary>
    Scores = 0,

    /// <summary>The links to activities, pain points, feedback and warnings: TheyDo's file has no links to a journey's objects.</summary>
    Links = 1,

    /// <summary>The owner: OutOfDark's owner is free text and TheyDo's <c>ownerEmail</c> an e-mail address, so it is not written.</summary>
    Owner = 2,
}
