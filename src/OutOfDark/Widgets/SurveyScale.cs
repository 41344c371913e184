namespace OutOfDark;

/// <summary>The survey question whose answers an <see cref="AnswerDistribution"/> counts, which fixes its answer range and its score.</summary>
public enum SurveyScale
{
    /// <summary>
    /// Net Promoter Score: "How likely are you to recommend …?" answered 0 to 10. Score: % promoters (9–10) − %
    /// detractors (0–6), from −100 to 100 (Reichheld, "The One Number You Need to Grow", Harvard Business Review,
    /// December 2003).
    /// </summary>
    Nps = 0,

    /// <summary>Customer satisfaction: answered 1 to 5. Score: % of answers that are 4 or 5, from 0 to 100.</summary>
    Csat = 1,

    /// <summary>Customer effort score: answered 1 to 7 (CES 2.0: "The company made it easy for me to handle my issue", 1 strongly disagree to 7 strongly agree). Score: the mean answer, from 1 to 7.</summary>
    Ces = 2,
}
