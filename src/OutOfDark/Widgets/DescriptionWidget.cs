namespace OutOfDark;

/// <summary>Free text about the activity, in Markdown.</summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The widget's title.</param>
/// <param name="Markdown">The text, in Markdown.</param>
[WidgetKind("description")]
public sealed record DescriptionWidget(WidgetId Id, string Title, string Markdown) : Widget(Id, Title)
{
    /// <summary>Creates a description with a new id.</summary>
    /// <param name="Title">The widget's title.</param>
    /// <param name="Markdown">The text, in Markdown.</param>
    public DescriptionWidget(string Title, string Markdown)
        : this(WidgetId.New(), Title, Markdown)
    {
    }

    /// <inheritdoc />
    protected internal override string? Validate() =>
        Markdown is null ? "The description's text must not be missing."
        : Internal.Text.CharacterCount(Markdown) > Internal.JourneyGuards.MaxTextLength ? "The description's text is too long."
        : null;
}
