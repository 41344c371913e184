namespace OutOfDark.Rendering;

/// <summary>A service-blueprint lane as a horizontal band across the map.</summary>
/// <param name="LaneId">The lane.</param>
/// <param name="Index">Its place, top to bottom, from 0.</param>
/// <param name="Bounds">The whole band, across every phase column.</param>
/// <param name="Label">The strip at its top where its name goes.</param>
public sealed record BlueprintBand(LaneId LaneId, int Index, Box Bounds, Box Label);

/// <summary>One of the blueprint's lines, drawn across the map at the top of the built-in lane it sits above.</summary>
/// <param name="Line">Which line.</param>
/// <param name="Start">Its left end.</param>
/// <param name="End">Its right end (same <see cref="Point.Y"/>).</param>
public sealed record BlueprintLineLayout(BlueprintLine Line, Point Start, Point End)
{
    /// <summary>The line's name as a service blueprint writes it: "line of interaction", "line of visibility", "line of internal interaction".</summary>
    public string Name => Line switch
    {
        BlueprintLine.Interaction => "line of interaction",
        BlueprintLine.Visibility => "line of visibility",
        _ => "line of internal interaction",
    };
}
