namespace OutOfDark;

/// <summary>A named phase with its customer goal, for adding a standard set of phases at once.</summary>
/// <param name="Name">The phase's name.</param>
/// <param name="CustomerGoal">The customer's goal in the phase.</param>
public sealed record PhaseTemplate(string Name, string? CustomerGoal)
{
    /// <summary>The See / Think / Do / Care template: awareness, consideration, purchase and loyalty.</summary>
    public static ValueList<PhaseTemplate> SeeThinkDoCare { get; } = ValueList<PhaseTemplate>.Of(
        new PhaseTemplate("See", "Become aware that a need can be met"),
        new PhaseTemplate("Think", "Compare options and decide"),
        new PhaseTemplate("Do", "Buy and start using"),
        new PhaseTemplate("Care", "Get value, get help, come back"));
}
