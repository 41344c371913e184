namespace OutOfDark;

/// <summary>Whether a journey map describes how things are, how they should be, or what research found.</summary>
public enum JourneyState
{
    /// <summary>The journey as customers live it today (as-is).</summary>
    Current = 0,

    /// <summary>The journey the company wants to offer (to-be).</summary>
    Future = 1,

    /// <summary>A journey drawn from research (interviews, studies) to be validated.</summary>
    Research = 2,
}
