namespace OutOfDark;

/// <summary>How many customers go on along one flow: the volumes of its two steps and the share that arrives.</summary>
/// <param name="Flow">The flow.</param>
/// <param name="FromVolume">The previous step's volume, if it has one (see <see cref="StepVolume"/>).</param>
/// <param name="ToVolume">The next step's volume, if it has one.</param>
public sealed record FlowConversion(Flow Flow, decimal? FromVolume, decimal? ToVolume)
{
    /// <summary>The next step's volume as a percentage of the previous step's, when both are known and the previous is positive.</summary>
    public decimal? ConversionPercent =>
        FromVolume is { } from && ToVolume is { } to && from > 0 ? to / from * 100m : null;

    /// <summary>100 minus <see cref="ConversionPercent"/>: the share of customers lost on the way (negative when more arrive than left).</summary>
    public decimal? DropOffPercent => ConversionPercent is { } c ? 100m - c : null;
}
