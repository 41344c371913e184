namespace OutOfDark;

/// <summary>What an opportunity link points at.</summary>
public enum OpportunityLinkKind
{
    /// <summary>An activity (<see cref="OpportunityLink.Activity"/>).</summary>
    Activity = 0,

    /// <summary>A pain point: an emotion widget (<see cref="OpportunityLink.Widget"/>).</summary>
    PainPoint = 1,

    /// <summary>One feedback entry: a feedback widget and the entry's index in it (<see cref="OpportunityLink.Widget"/>, <see cref="OpportunityLink.Entry"/>).</summary>
    Feedback = 2,

    /// <summary>A warning, by its key (<see cref="OpportunityLink.Warning"/>).</summary>
    Warning = 3,
}
