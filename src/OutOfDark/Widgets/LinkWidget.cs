using System;

namespace OutOfDark;

/// <summary>A link to something outside the map: the email in the marketing tool, the page, the dashboard.</summary>
/// <remarks>The address must be absolute. Renderers show only http, https and mailto addresses as links.</remarks>
/// <param name="Id">The widget's id.</param>
/// <param name="Title">The link's text.</param>
/// <param name="Url">The absolute address.</param>
[WidgetKind("link")]
public sealed record LinkWidget(WidgetId Id, string Title, Uri Url) : Widget(Id, Title)
{
    /// <summary>Creates a link with a new id.</summary>
    /// <param name="Title">The link's text.</param>
    /// <param name="Url">The absolute address.</param>
    public LinkWidget(string Title, Uri Url)
        : this(WidgetId.New(), Title, Url)
    {
    }

    /// <inheritdoc />
    protected internal override string? Validate() =>
        Url is null ? "The link's address must not be missing."
        : !Url.IsAbsoluteUri ? $"The link's address '{Url}' must be absolute, for example https://example.com/page."
        : Internal.Text.CharacterCount(Url.OriginalString) > Internal.JourneyGuards.MaxTextLength ? "The link's address is too long."
        : null;
}
