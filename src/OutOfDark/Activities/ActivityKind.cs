namespace OutOfDark;

/// <summary>What sort of customer-facing action an activity is.</summary>
public enum ActivityKind
{
    /// <summary>A point where the customer meets the company: an email, a post, a page, a call.</summary>
    Touchpoint = 0,

    /// <summary>A moment that marks progress: a sale, a first use, a renewal.</summary>
    Milestone = 1,

    /// <summary>Another customer-facing action.</summary>
    Other = 2,
}
