namespace OutOfDark;

/// <summary>
/// Where an opportunity stands. TheyDo keeps an opportunity's <c>status</c> as a free-text category title of the
/// workspace; <see cref="OpportunityStatuses.TryParse"/> maps the titles "Idea", "Planned", "In progress", "Done" and
/// "Dropped" (any case, spaces, hyphens or underscores) to these values, and nothing else.
/// </summary>
public enum OpportunityStatus
{
    /// <summary>Proposed, not yet decided on. The status of a new opportunity.</summary>
    Idea = 0,

    /// <summary>Decided on and scheduled.</summary>
    Planned = 1,

    /// <summary>Being worked on.</summary>
    InProgress = 2,

    /// <summary>Delivered.</summary>
    Done = 3,

    /// <summary>Decided against.</summary>
    Dropped = 4,
}
