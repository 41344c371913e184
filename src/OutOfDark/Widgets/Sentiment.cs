namespace OutOfDark;

/// <summary>The tone of a piece of customer feedback.</summary>
public enum Sentiment
{
    /// <summary>Very negative.</summary>
    VeryNegative = -2,

    /// <summary>Negative.</summary>
    Negative = -1,

    /// <summary>Neutral.</summary>
    Neutral = 0,

    /// <summary>Positive.</summary>
    Positive = 1,

    /// <summary>Very positive.</summary>
    VeryPositive = 2,
}
