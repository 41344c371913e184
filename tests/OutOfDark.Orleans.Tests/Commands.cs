using System;
using System.Threading.Tasks;

namespace OutOfDark.Orleans.Tests;

/// <summary>Builds commands for the tests and sends them as a careful client does: same command id on every retry.</summary>
internal static class Commands
{
    public static CreateJourney Create(string name) => new() { CommandId = Guid.NewGuid(), Actor = "ana", Name = name };

    public static AddPhase Phase(Guid phase) => new() { CommandId = Guid.NewGuid(), Actor = "ana", PhaseId = phase, Name = "Do" };

    public static AddActivity Activity(Guid activity, Guid phase, string name, string? owner = null) =>
        new() { CommandId = Guid.NewGuid(), Actor = "ana", ActivityId = activity, PhaseId = phase, Name = name, Owner = owner };

    public static AddMetric Metric(Guid metric, Guid activity) => new()
    {
        CommandId = Guid.NewGuid(),
        Actor = "ana",
        MetricId = metric,
        ActivityId = activity,
        Title = "Conversion",
        Unit = "%",
        Target = 50m,
        WarningThreshold = 40m,
        CriticalThreshold = 30m,
    };

    public static RecordObservation Observation(Guid metric, DateOnly date, decimal value) =>
        new() { CommandId = Guid.NewGuid(), Actor = "ana", MetricId = metric, Date = date, Value = value };

    public static RenameActivity Rename(Guid activity, string name) => new() { CommandId = Guid.NewGuid(), Actor = "ana", ActivityId = activity, Name = name };

    /// <summary>
    /// Sends a command until a silo acknowledges it (a result comes back), retrying with the same command id after
    /// failures of the transport or of a dying silo. A refusal by the journey is not retried.
    /// </summary>
    /// <returns>The result, or null when every attempt failed.</returns>
    public static async Task<JourneyCommandResult?> SendAsync(IJourneyGrain grain, JourneyCommand command, int attempts = 40)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            try
            {
                return await grain.ExecuteAsync(command);
            }
            catch (Exception e) when (e is not JourneyRuleException and not JourneyNotFoundException and not ArgumentException)
            {
                await Task.Delay(250);
            }
        }

        return null;
    }
}
