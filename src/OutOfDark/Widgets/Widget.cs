using System;
using System.Reflection;

namespace OutOfDark;

/// <summary>
/// A block of information in an activity's Detail view. The built-in kinds are <see cref="MetricWidget"/>,
/// <see cref="LinkWidget"/>, <see cref="DescriptionWidget"/>, <see cref="SolutionWidget"/>, <see cref="EmotionWidget"/>
/// and <see cref="FeedbackWidget"/>; integrators add kinds by deriving a sealed record from this one and marking it with
/// <see cref="WidgetKindAttribute"/>.
/// </summary>
/// <remarks>Widgets are immutable values compared by content. Thread-safe.</remarks>
/// <param name="Id">The widget's id, unique in the journey.</param>
/// <param name="Title">The widget's title in the Detail view.</param>
public abstract record Widget(WidgetId Id, string Title)
{
    /// <summary>Creates a widget with a new id, for a derived kind's constructor that takes no id.</summary>
    /// <param name="Title">The widget's title in the Detail view.</param>
    protected Widget(string Title)
        : this(WidgetId.New(), Title)
    {
    }

    /// <summary>The widget's kind name: the <see cref="WidgetKindAttribute"/> of its type, or the type's name when it has none.</summary>
    /// <returns>The kind name, for example <c>metric</c>.</returns>
    public virtual string KindName() => GetType().GetCustomAttribute<WidgetKindAttribute>()?.Name ?? GetType().Name;

    /// <summary>
    /// Checks the widget's own content. Override in a custom widget kind to refuse bad content; the journey calls it
    /// before adding or changing the widget and refuses the command when it returns a problem.
    /// </summary>
    /// <returns>What is wrong, in words a person can act on, or <see langword="null"/> when the content is valid.</returns>
    protected internal virtual string? Validate() => null;
}

/// <summary>Names a widget kind. The name identifies the kind in documents, event streams and history.</summary>
/// <param name="name">The kind name: lower-case letters, digits, '.', '-' or '_', for example <c>crm.case-stats</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WidgetKindAttribute(string name) : Attribute
{
    /// <summary>The kind name.</summary>
    public string Name { get; } = name;
}
