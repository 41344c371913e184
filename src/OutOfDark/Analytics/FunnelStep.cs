namespace OutOfDark;

/// <summary>One step of a funnel path with its volume and how it compares with the step before and the first step.</summary>
/// <param name="Activity">The step's activity.</param>
/// <param name="Volume">Its volume, if it has one (see <see cref="StepVolume"/>).</param>
/// <param name="FromPreviousPercent">Its volume as a percentage of the previous step's; <see langword="null"/> for the first step or when unknown.</param>
/// <param name="FromFirstPercent">Its volume as a percentage of the first step's, when known.</param>
public sealed record FunnelStep(ActivityId Activity, decimal? Volume, decimal? FromPreviousPercent, decimal? FromFirstPercent);
