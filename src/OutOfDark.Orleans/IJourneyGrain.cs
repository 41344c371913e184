using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Orleans;

namespace OutOfDark.Orleans;

/// <summary>
/// The grain of one journey of one workspace (key: <see cref="JourneyGrainKey"/>). It keeps the journey and its warning
/// engine in memory while active, runs commands one at a time, saves each with its warning changes in one transaction,
/// and answers queries from its live state. Get it with
/// <see cref="JourneyGrainFactoryExtensions.GetJourneyGrain"/>.
/// </summary>
/// <remarks>
/// Errors come back as exceptions: <see cref="JourneyNotFoundException"/> when the journey does not exist (in this
/// workspace), <see cref="JourneyRuleException"/> when the journey refuses a command (nothing is saved),
/// <see cref="JourneyConcurrencyException"/> when <see cref="ApplyChanges"/> was made on an older version (nothing is
/// saved), <see cref="ArgumentException"/> for a malformed command.
/// </remarks>
[Alias("outofdark.journey-grain")]
public interface IJourneyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs a command, saves its events and the warning changes they cause in one transaction (with the version the
    /// grain holds as the expected version), then keeps the new state. A command whose <see cref="JourneyCommand.CommandId"/>
    /// was applied before is not applied again: its first result comes back with <see cref="JourneyCommandResult.Repeated"/> set.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>The version saved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The command id is empty, the actor is empty, or a field is malformed.</exception>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace (and the command is not <see cref="CreateJourney"/>).</exception>
    /// <exception cref="JourneyRuleException">The journey refuses the command (for <see cref="ApplyChanges"/>: an event breaks a journey rule); nothing was saved.</exception>
    /// <exception cref="JourneyConcurrencyException">An <see cref="ApplyChanges"/> whose <see cref="ApplyChanges.BaseVersion"/> is not the journey's version (someone saved since the client read it); nothing was saved.</exception>
    [Alias("execute")]
    Task<JourneyCommandResult> ExecuteAsync(JourneyCommand command);

    /// <summary>The journey now.</summary>
    /// <returns>The journey document and its version.</returns>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace.</exception>
    [Alias("journey")]
    Task<JourneyDocument> GetJourneyAsync();

    /// <summary>The journey's Warnings view: every warning the engine holds, in the view's order (most severe first).</summary>
    /// <param name="includeResolved"><see langword="false"/> for the warnings that need attention (open and acknowledged), <see langword="true"/> for all.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace.</exception>
    [Alias("warnings")]
    Task<IReadOnlyList<WarningItem>> GetWarningsAsync(bool includeResolved);

    /// <summary>The journey's history: its events after <paramref name="fromVersion"/> up to <paramref name="toVersion"/>, as a JSON event stream (OutOfDark.Json's format).</summary>
    /// <param name="fromVersion">The version to start after: 0 for the whole history.</param>
    /// <param name="toVersion">The last version to include; <see langword="null"/> for the latest.</param>
    /// <returns>The event stream, UTF-8 JSON.</returns>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A version is negative, or <paramref name="toVersion"/> is below <paramref name="fromVersion"/>.</exception>
    [Alias("history")]
    Task<byte[]> GetHistoryAsync(long fromVersion, long? toVersion);

    /// <summary>The journey as it was at a version (time travel).</summary>
    /// <param name="version">The version, 1 to the current one.</param>
    /// <returns>The journey document at that version.</returns>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is outside 1 to the current version.</exception>
    [Alias("as-of-version")]
    Task<JourneyDocument> GetAsOfVersionAsync(long version);

    /// <summary>The journey as it was at an instant (time travel): the events that happened at or before it.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The journey document then.</returns>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace, or not yet at that instant.</exception>
    [Alias("as-of-instant")]
    Task<JourneyDocument> GetAsOfInstantAsync(DateTimeOffset instant);

    /// <summary>
    /// Re-checks the time-based rules now (what the grain's reminder does at the due instant) and saves the warning changes
    /// with no new event. Hosts rarely need it; tests and operators do.
    /// </summary>
    /// <returns>The journey's version (unchanged: a re-check adds no event).</returns>
    /// <exception cref="JourneyNotFoundException">The journey does not exist in the grain's workspace.</exception>
    [Alias("recheck")]
    Task<long> RecheckAsync();
}
