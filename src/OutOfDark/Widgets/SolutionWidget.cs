namespace OutOfDark;

/// <summary>A problem found at this activity and the solution chosen for it.</summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The widget's title.</param>
/// <param name="Problem">The problem, as customers experience it.</param>
/// <param name="Solution">The proposed or chosen solution.</param>
/// <param name="Status">Where the solution stands.</param>
[WidgetKind("solution")]
public sealed record SolutionWidget(WidgetId Id, string Title, string Problem, string Solution, SolutionStatus Status) : Widget(Id, Title)
{
    /// <summary>Creates a solution widget with a new id.</summary>
    /// <param name="Title">The widget's title.</param>
    /// <param name="Problem">The problem, as customers experience it.</param>
    /// <param name="Solution">The proposed or chosen solution.</param>
    /// <param name="Status">Where the solution stands.</param>
    public SolutionWidget(string Title, string Problem, string Solution, SolutionStatus Status)
        : this(WidgetId.New(), Title, Problem, Solution, Status)
    {
    }

    /// <inheritdoc />
    protected internal override string? Validate() =>
        Problem is null || Solution is null ? "A solution widget needs both a problem and a solution text."
        : Internal.Text.CharacterCount(Problem) > Internal.JourneyGuards.MaxTextLength || Internal.Text.CharacterCount(Solution) > Internal.JourneyGuards.MaxTextLength ? "The problem or solution text is too long."
        : !System.Enum.IsDefined(Status) ? $"{Status} is not a valid solution status."
        : null;
}
