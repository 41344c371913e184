namespace OutOfDark.Warnings;

/// <summary>A warning change at its place in the feed.</summary>
/// <param name="Position">
/// The change's position: 1 for the feed's first change, each later change higher than every earlier one. A reader that
/// has seen position <c>p</c> has seen every change before it; positions of the same change never differ between reads.
/// </param>
/// <param name="Change">The change.</param>
public sealed record WarningFeedEntry(long Position, WarningChange Change);
