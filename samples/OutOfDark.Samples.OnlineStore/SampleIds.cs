using System;
using System.Security.Cryptography;
using System.Text;

namespace OutOfDark.Samples.OnlineStore;

/// <summary>
/// Ids derived from names, so that the sample journey has the same ids on every machine and every run: a re-run finds
/// the journey it stored before, and tests can name an activity by its id.
/// </summary>
public static class SampleIds
{
    /// <summary>A GUID derived from a kind and a name (the first 16 bytes of a SHA-256, marked as a name-based GUID).</summary>
    /// <param name="kind">What the id is for, for example "activity".</param>
    /// <param name="name">The thing's name.</param>
    /// <returns>The GUID.</returns>
    public static Guid For(string kind, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(name);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"outofdark-samples/{kind}/{name}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>The activity id for an activity name.</summary>
    /// <param name="name">The activity's name.</param>
    /// <returns>The id.</returns>
    public static ActivityId Activity(string name) => new(For("activity", name));

    /// <summary>The widget id for a widget of an activity.</summary>
    /// <param name="activity">The activity's name.</param>
    /// <param name="title">The widget's title.</param>
    /// <returns>The id.</returns>
    public static WidgetId Widget(string activity, string title) => new(For("widget", activity + "/" + title));

    /// <summary>The phase id for a phase name.</summary>
    /// <param name="name">The phase's name.</param>
    /// <returns>The id.</returns>
    public static PhaseId Phase(string name) => new(For("phase", name));

    /// <summary>The persona id for a persona name.</summary>
    /// <param name="name">The persona's name.</param>
    /// <returns>The id.</returns>
    public static PersonaId Persona(string name) => new(For("persona", name));

    /// <summary>The flow id for a flow between two activities.</summary>
    /// <param name="from">The name of the activity customers come from.</param>
    /// <param name="to">The name of the activity they go to.</param>
    /// <returns>The id.</returns>
    public static FlowId Flow(string from, string to) => new(For("flow", from + "->" + to));
}
