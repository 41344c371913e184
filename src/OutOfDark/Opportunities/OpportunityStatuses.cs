using System;

namespace OutOfDark;

/// <summary>Reads an opportunity status from a tool's text, for example a TheyDo status category's title.</summary>
public static class OpportunityStatuses
{
    /// <summary>
    /// Maps "Idea", "Planned", "In progress", "Done" and "Dropped" — in any case, with or without spaces, hyphens or
    /// underscores ("in-progress", "IN_PROGRESS", "InProgress") — to the status. Any other text maps to nothing: the
    /// caller says which titles it could not map.
    /// </summary>
    /// <param name="text">The text, for example TheyDo's <c>status</c>.</param>
    /// <param name="status">The status, when the text names one; <see cref="OpportunityStatus.Idea"/> otherwise.</param>
    /// <returns><see langword="true"/> when the text names a status.</returns>
    public static bool TryParse(string? text, out OpportunityStatus status)
    {
        var key = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
        (var found, status) = key switch
        {
            "IDEA" => (true, OpportunityStatus.Idea),
            "PLANNED" => (true, OpportunityStatus.Planned),
            "INPROGRESS" => (true, OpportunityStatus.InProgress),
            "DONE" => (true, OpportunityStatus.Done),
            "DROPPED" => (true, OpportunityStatus.Dropped),
            _ => (false, OpportunityStatus.Idea),
        };
        return found;
    }
}
