using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace OutOfDark.Testing;

/// <summary>
/// A generated journey: its identity and a sequence of steps. Pure data, so FsCheck can shrink it; <see cref="Build"/>
/// runs it into a fresh journey every time, deterministically.
/// </summary>
/// <param name="JourneyId">The journey's id.</param>
/// <param name="WorkspaceId">Its workspace.</param>
/// <param name="Name">Its name.</param>
/// <param name="Steps">The steps, in order.</param>
public sealed record JourneyScenario(Guid JourneyId, Guid WorkspaceId, string Name, ValueList<JourneyStep> Steps)
{
    /// <summary>The instant the scenario's clock starts at.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 1, 9, 0);

    /// <summary>Runs the scenario, skipping refused steps.</summary>
    /// <returns>The journey (its events pending) and its clock.</returns>
    public (Journey Journey, FakeClock Clock) Build() => Run(null);

    /// <summary>Runs the scenario, telling <paramref name="observe"/> about every step.</summary>
    /// <param name="observe">Called after each step with the step, the journey and the refusal (or <see langword="null"/>).</param>
    /// <returns>The journey (its events pending) and its clock.</returns>
    public (Journey Journey, FakeClock Clock) Run(Action<JourneyStep, Journey, JourneyRuleException?>? observe)
    {
        var clock = new FakeClock(Start);
        var journey = Journey.Create(JourneyStep.Actor, new WorkspaceId(WorkspaceId), Name, clock, new JourneyId(JourneyId));
        foreach (var step in Steps)
        {
            JourneyRuleException? refusal = null;
            try
            {
                step.Run(journey, clock);
            }
            catch (JourneyRuleException ex)
            {
                refusal = ex;
            }

            clock.Advance(Duration.FromSeconds(1));
            observe?.Invoke(step, journey, refusal);
        }

        return (journey, clock);
    }

    /// <summary>Smaller scenarios for FsCheck's shrinking: halves, then one step removed at a time.</summary>
    /// <returns>The candidates, largest first.</returns>
    public IEnumerable<JourneyScenario> Shrink()
    {
        var steps = Steps;
        if (steps.Count == 0)
        {
            yield break;
        }

        if (steps.Count > 1)
        {
            yield return this with { Steps = ValueList<JourneyStep>.From(steps.Take(steps.Count / 2)) };
            yield return this with { Steps = ValueList<JourneyStep>.From(steps.Skip(steps.Count / 2)) };
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            yield return this with { Steps = steps.RemoveAt(i) };
        }
    }

    /// <summary>Lists the steps, one a line, for FsCheck's failure report.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"Scenario '{Name}' with {Steps.Count} steps:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", Steps);
}
