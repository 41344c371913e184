namespace OutOfDark;

/// <summary>A stage of a journey, such as See, Think, Do or Care, with the customer's goal in that stage.</summary>
/// <remarks>A phase's position is its index in <see cref="Journey.Phases"/>. Immutable and thread-safe.</remarks>
/// <param name="Id">The phase's id, unique in the journey.</param>
/// <param name="Name">The phase's name, for example "Think".</param>
/// <param name="CustomerGoal">What the customer wants to achieve in this stage, if stated.</param>
public sealed record Phase(PhaseId Id, string Name, string? CustomerGoal)
{
    /// <summary>
    /// The phase's own metrics (stage KPIs such as "conversion of Think"), in order; empty when it has none. Added with
    /// <see cref="Journey.AddPhaseMetric"/>; a phase that holds metrics cannot be removed.
    /// </summary>
    /// <remarks>Setting <see langword="null"/> (as a reader does for a document without metrics) gives the empty list; every empty list compares equal.</remarks>
    public ValueList<MetricWidget> Metrics
    {
        get => field ?? ValueList<MetricWidget>.Empty;
        init => field = value is { Count: > 0 } ? value : null;
    }
}
