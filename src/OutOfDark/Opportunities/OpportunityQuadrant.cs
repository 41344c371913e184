namespace OutOfDark;

/// <summary>
/// Where an opportunity falls in the prioritisation matrix (value × effort). High value: <see cref="OpportunityScores.Value"/>
/// (the mean of customer and business value) of 3 or more; low effort: an effort of 1 or 2.
/// </summary>
public enum OpportunityQuadrant
{
    /// <summary>High value, low effort: do first.</summary>
    QuickWin = 0,

    /// <summary>High value, high effort: plan.</summary>
    BigBet = 1,

    /// <summary>Low value, low effort: fit in when convenient.</summary>
    FillIn = 2,

    /// <summary>Low value, high effort: avoid.</summary>
    MoneyPit = 3,
}
