namespace OutOfDark;

/// <summary>
/// An improvement idea on the journey: what it is, who owns it, where it stands, how it scores, and the activities,
/// pain points, feedback and warnings it addresses.
/// </summary>
/// <remarks>
/// Opportunities belong to the journey, not to one activity. Add and change them with the journey's commands
/// (<see cref="Journey.AddOpportunity"/>, <see cref="Journey.ScoreOpportunity"/>, <see cref="Journey.LinkOpportunity"/>, …);
/// rank them with <see cref="OpportunityPriority"/>. Immutable and thread-safe.
/// </remarks>
public sealed record Opportunity
{
    /// <summary>The opportunity's id, unique in the journey.</summary>
    public required OpportunityId Id { get; init; }

    /// <summary>Its title, 1–500 characters.</summary>
    public required string Title { get; init; }

    /// <summary>What it is, if described (markdown, as TheyDo's descriptions).</summary>
    public string? Description { get; init; }

    /// <summary>Who owns it, if anyone.</summary>
    public string? Owner { get; init; }

    /// <summary>Where it stands.</summary>
    public OpportunityStatus Status { get; init; }

    /// <summary>Its scores, or <see langword="null"/> while unscored.</summary>
    public OpportunityScores? Scores { get; init; }

    /// <summary>What it addresses, in the order linked; no link twice.</summary>
    public ValueList<OpportunityLink> Links { get; init; } = ValueList<OpportunityLink>.Empty;
}
