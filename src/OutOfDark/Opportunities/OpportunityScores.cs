namespace OutOfDark;

/// <summary>
/// How an opportunity is scored: customer value, business value and effort, each a whole number from 1 to 5.
/// </summary>
/// <remarks>
/// <para>The scales (the same for the three scores, read in their own direction):</para>
/// <list type="table">
/// <item><term>1</term><description>value: negligible; effort: hours, one person</description></item>
/// <item><term>2</term><description>value: minor; effort: days, one team</description></item>
/// <item><term>3</term><description>value: noticeable; effort: weeks, one team</description></item>
/// <item><term>4</term><description>value: major; effort: a quarter, or several teams</description></item>
/// <item><term>5</term><description>value: transformative; effort: several quarters, or a programme</description></item>
/// </list>
/// <para>A score outside 1–5 is refused by the journey (<c>invalid-value</c>). Immutable and thread-safe.</para>
/// </remarks>
/// <param name="CustomerValue">What it is worth to customers, 1 (negligible) to 5 (transformative).</param>
/// <param name="BusinessValue">What it is worth to the business, 1 (negligible) to 5 (transformative).</param>
/// <param name="Effort">What it costs to deliver, 1 (hours) to 5 (several quarters).</param>
public sealed record OpportunityScores(int CustomerValue, int BusinessValue, int Effort)
{
    /// <summary>The lowest score.</summary>
    public const int Min = 1;

    /// <summary>The highest score.</summary>
    public const int Max = 5;

    /// <summary>The value axis of the prioritisation matrix: the mean of customer and business value, 1 to 5 in steps of 0.5.</summary>
    public decimal Value => (CustomerValue + BusinessValue) / 2m;

    /// <summary>Says which score is out of range, or nothing when all are in 1–5.</summary>
    /// <returns>The sentence, or <see langword="null"/>.</returns>
    public string? Problem()
    {
        foreach (var (score, name) in new[] { (CustomerValue, "customer value"), (BusinessValue, "business value"), (Effort, "effort") })
        {
            if (score is < Min or > Max)
            {
                return $"The {name} score is {score}; scores are whole numbers from {Min} to {Max} (see OpportunityScores for what each means).";
            }
        }

        return null;
    }
}
