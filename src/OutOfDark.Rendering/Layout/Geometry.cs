namespace OutOfDark.Rendering;

/// <summary>A point in layout units (SVG user units: one unit is one CSS pixel at 100 %).</summary>
/// <param name="X">Distance from the left edge.</param>
/// <param name="Y">Distance from the top edge.</param>
public readonly record struct Point(double X, double Y);

/// <summary>An axis-aligned box in layout units.</summary>
/// <param name="X">The left edge.</param>
/// <param name="Y">The top edge.</param>
/// <param name="Width">The width, not negative.</param>
/// <param name="Height">The height, not negative.</param>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    /// <summary>The right edge.</summary>
    public double Right => X + Width;

    /// <summary>The bottom edge.</summary>
    public double Bottom => Y + Height;

    /// <summary>Whether the two boxes share any area (touching edges do not count).</summary>
    /// <param name="other">The other box.</param>
    /// <returns><see langword="true"/> when they overlap.</returns>
    public bool Overlaps(Box other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}
