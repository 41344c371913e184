using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace OutOfDark.Testing;

/// <summary>
/// FsCheck arbitrary providers for property tests: generated journeys as <see cref="JourneyScenario"/>s of up to 80 steps
/// (shrinking by dropping steps) and instants in 2026. Register the class with the test framework's FsCheck attribute,
/// for example <c>[Property(Arbitrary = new[] { typeof(JourneyArbitraries) })]</c> with FsCheck.Xunit, or merge it
/// into an arbitrary map with <c>ArbMap.Default.Merge&lt;JourneyArbitraries&gt;()</c>.
/// </summary>
/// <example>
/// <code>
/// [Property(Arbitrary = new[] { typeof(JourneyArbitraries) }, MaxTest = 150)]
/// public void Replaying_the_events_rebuilds_an_equal_journey(JourneyScenario scenario)
/// {
///     var (journey, clock) = scenario.Build();
///     Assert.Equal(journey.ToSnapshot(), Journey.Replay(journey.PendingEvents, clock).ToSnapshot());
/// }
/// </code>
/// </example>
/// <remarks>
/// <see cref="ShortJourneyArbitraries"/> and <see cref="LongJourneyArbitraries"/> give the same journeys with fewer or
/// more steps; list the one a property needs before this class, since FsCheck merges providers back to front.
/// </remarks>
public static class JourneyArbitraries
{
    /// <summary>Journeys of up to 80 steps after a few phases, as <see cref="JourneyGenerators.Scenarios(int)"/> makes them.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<JourneyScenario> Scenarios() => JourneyGenerators.Scenarios();

    /// <summary>Instants in 2026 to the minute, as <see cref="JourneyGenerators.Instants"/> makes them; not shrunk.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<Instant> Instants() => JourneyGenerators.Instants().ToArbitrary();
}

/// <summary>
/// FsCheck arbitrary provider for properties whose check is costly per step: generated journeys of up to 40 steps.
/// Register it as <see cref="JourneyArbitraries"/> is registered.
/// </summary>
public static class ShortJourneyArbitraries
{
    /// <summary>Journeys of up to 40 steps after a few phases.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<JourneyScenario> Scenarios() => JourneyGenerators.Scenarios(maxSteps: 40);
}

/// <summary>
/// FsCheck arbitrary provider for properties about large maps (layout, rendering): generated journeys of up to 120
/// steps. Register it as <see cref="JourneyArbitraries"/> is registered.
/// </summary>
public static class LongJourneyArbitraries
{
    /// <summary>Journeys of up to 120 steps after a few phases.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<JourneyScenario> Scenarios() => JourneyGenerators.Scenarios(maxSteps: 120);
}
