namespace OutOfDark;

/// <summary>
/// A widget of a kind this program does not know, typically written by a newer version or another integrator.
/// It keeps the widget's content verbatim so that loading and saving a document loses nothing.
/// </summary>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The widget's title, if the content had one; otherwise empty.</param>
/// <param name="Kind">The kind name found in the document.</param>
/// <param name="Content">The widget's content, verbatim, in the format it was read from (JSON for OutOfDark.Json).</param>
public sealed record UnknownWidget(WidgetId Id, string Title, string Kind, string Content) : Widget(Id, Title)
{
    /// <inheritdoc />
    public override string KindName() => Kind;
}
