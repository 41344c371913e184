namespace OutOfDark;

/// <summary>The three lines of a service blueprint, each drawn directly above a built-in lane.</summary>
public enum BlueprintLine
{
    /// <summary>The line of interaction, between customer actions and the frontstage: where the customer meets the company.</summary>
    Interaction = 0,

    /// <summary>The line of visibility, between the frontstage and the backstage: what the customer sees above it, not below.</summary>
    Visibility = 1,

    /// <summary>The line of internal interaction, between the backstage and support processes.</summary>
    InternalInteraction = 2,
}
