using NodaTime;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>What re-checking a live journey (<see cref="ILiveJourneys.RecheckHeldAsync"/>) found. Immutable.</summary>
/// <param name="Version">The journey's version after catching up (its event count, 1 or more).</param>
/// <param name="Changed">Whether events saved elsewhere were applied or a warning was raised, changed or cleared.</param>
/// <param name="NextDue">The earliest instant at which a subject of the journey falls due again (<see cref="Warnings.WarningEngine.NextDue"/>), or <see langword="null"/> when none does.</param>
public readonly record struct LiveRecheck(long Version, bool Changed, Instant? NextDue);
