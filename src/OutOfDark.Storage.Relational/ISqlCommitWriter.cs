using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Storage.Relational;

/// <summary>
/// Writes more of a <see cref="JourneyCommit"/> in the transaction of its events and warning changes — for example a
/// workspace-wide read model of warnings. Given to <see cref="SqlJourneyStore"/>; runs after the events and the feed's
/// changes are written and before the commit, so what it writes commits with them or not at all.
/// </summary>
/// <remarks>
/// Runs for every write of the store: for <see cref="IJourneyStore.AppendAsync"/> too, with a commit whose
/// <see cref="JourneyCommit.Journey"/> and <see cref="JourneyCommit.Warnings"/> are <see langword="null"/>. A writer that
/// throws fails the whole commit.
/// </remarks>
public interface ISqlCommitWriter
{
    /// <summary>Writes the writer's part of the commit.</summary>
    /// <param name="connection">The commit's connection.</param>
    /// <param name="transaction">The commit's transaction.</param>
    /// <param name="dialect">The store's dialect (id parameters, the database's name).</param>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the write, and with it the commit.</param>
    /// <returns>A task.</returns>
    Task WriteAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, JourneyCommit commit, CancellationToken cancellationToken);
}
