using System;

namespace OutOfDark.Orleans;

/// <summary>Options of the journey grains (<see cref="OutOfDarkSiloBuilderExtensions.AddOutOfDarkGrains"/>).</summary>
public sealed class OutOfDarkGrainOptions
{
    /// <summary>
    /// The period of a journey's due-recheck reminder: how often it fires again when a due re-check found nothing new to
    /// schedule. Orleans refuses reminder periods under its minimum (<c>ReminderOptions.MinimumReminderPeriod</c>, one
    /// minute by default), so this is at least that. Default one hour.
    /// </summary>
    /// <remarks>
    /// A due instant is mapped onto one reminder per journey: its first tick is at the engine's next due instant
    /// (<see cref="OutOfDark.Warnings.WarningEngine.NextDue"/>, read from the injected clock), and each tick re-checks and
    /// moves the reminder to the next due instant, or removes it when nothing is due. The period matters only when a tick
    /// is lost: the reminder fires again one period later.
    /// </remarks>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many times a command is retried when another writer saved the journey first (each retry reloads it). Default 3; at least 1.</summary>
    public int ConcurrencyRetries { get; set; } = 3;

    /// <summary>
    /// Lets the silo start with a journey store that has no command ledger (any store but
    /// <see cref="OutOfDarkOrleansBuilderExtensions.UseOrleansPostgreSql"/>: the SQLite or in-memory store, or one given
    /// with <c>UseStore</c>). Default <see langword="false"/>: <see cref="OutOfDarkSiloBuilderExtensions.AddOutOfDarkGrains"/>
    /// then refuses to start without the ledger.
    /// </summary>
    /// <remarks>
    /// Without the ledger, a journey grain remembers the command ids it applied only while it stays active: a command
    /// retried after the grain was deactivated or its silo restarted (a client's timeout, say) is applied a second time.
    /// Set this only where that is acceptable: development, tests, a single machine whose clients do not retry.
    /// </remarks>
    public bool AllowStoreWithoutCommandLedger { get; set; }
}
