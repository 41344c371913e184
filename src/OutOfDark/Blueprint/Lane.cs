using System.Collections.Generic;

namespace OutOfDark;

/// <summary>
/// A service-blueprint lane: a horizontal band of the map that says who acts and whether the customer sees it
/// (Shostack 1984; Bitner, Ostrom and Morgan 2008). Every activity sits in one lane.
/// </summary>
/// <remarks>
/// <para>
/// The four built-in lanes (<see cref="BuiltIns"/>) are always present and cannot be changed or removed: customer
/// actions (order 100), frontstage (200), backstage (300) and support processes (400). A journey adds its own lanes with
/// <see cref="Journey.AddLane"/>; lanes show from top to bottom by <see cref="Order"/>, then built-in before custom,
/// then by id.
/// </para>
/// <para>
/// The blueprint's three lines are drawn directly above a built-in lane: the line of interaction above frontstage, the
/// line of visibility above backstage, the line of internal interaction above support processes
/// (<see cref="BlueprintLine"/>). Immutable and thread-safe.
/// </para>
/// </remarks>
/// <param name="Id">The lane's id, unique in the journey.</param>
/// <param name="Name">The lane's name, 1–500 characters.</param>
/// <param name="Order">Where the lane shows, top to bottom: from −1,000,000 to 1,000,000.</param>
public sealed record Lane(LaneId Id, string Name, int Order)
{
    /// <summary>The lowest order a lane may have.</summary>
    public const int MinOrder = -1_000_000;

    /// <summary>The highest order a lane may have.</summary>
    public const int MaxOrder = 1_000_000;

    /// <summary>The customer actions lane (order 100).</summary>
    public static Lane CustomerAction { get; } = new(LaneId.CustomerAction, "Customer actions", 100);

    /// <summary>The frontstage lane (order 200): the default lane of an activity.</summary>
    public static Lane Frontstage { get; } = new(LaneId.Frontstage, "Frontstage", 200);

    /// <summary>The backstage lane (order 300).</summary>
    public static Lane Backstage { get; } = new(LaneId.Backstage, "Backstage", 300);

    /// <summary>The support processes lane (order 400).</summary>
    public static Lane SupportProcess { get; } = new(LaneId.SupportProcess, "Support processes", 400);

    /// <summary>The four built-in lanes, top to bottom.</summary>
    public static IReadOnlyList<Lane> BuiltIns { get; } = [CustomerAction, Frontstage, Backstage, SupportProcess];

    /// <summary>Whether this is one of the four built-in lanes.</summary>
    public bool IsBuiltIn => Id.IsBuiltIn;

    /// <summary>The line drawn directly above this lane, if it is the built-in lane that has one.</summary>
    public BlueprintLine? LineAbove =>
        Id == LaneId.Frontstage ? BlueprintLine.Interaction
        : Id == LaneId.Backstage ? BlueprintLine.Visibility
        : Id == LaneId.SupportProcess ? BlueprintLine.InternalInteraction
        : null;

    /// <summary>Orders lanes top to bottom: by <see cref="Order"/>, built-in before custom, then by id.</summary>
    public static IComparer<Lane> DisplayOrder { get; } = Comparer<Lane>.Create((a, b) =>
    {
        var order = a.Order.CompareTo(b.Order);
        if (order != 0)
        {
            return order;
        }

        var builtIn = b.IsBuiltIn.CompareTo(a.IsBuiltIn);
        return builtIn != 0 ? builtIn : string.CompareOrdinal(a.Id.Value, b.Id.Value);
    });
}
