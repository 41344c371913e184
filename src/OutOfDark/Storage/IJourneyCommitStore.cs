using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark;

/// <summary>
/// A journey store that writes a whole <see cref="JourneyCommit"/> — events and the warning changes they caused — in
/// one transaction, so a crash between saving events and notifying subscribers loses nothing: the changes wait in the
/// store's warning feed (<see cref="Warnings.IWarningFeed"/>).
/// </summary>
/// <remarks>
/// <see cref="InMemoryJourneyStore"/>, the SQLite store and the PostgreSQL store implement it. Save through
/// <see cref="JourneyCommitExtensions.CommitAsync"/>, which evaluates the warnings and builds the commit.
/// </remarks>
public interface IJourneyCommitStore : IJourneyStore
{
    /// <summary>Writes the commit's events and warning changes together, or nothing.</summary>
    /// <param name="commit">The commit.</param>
    /// <param name="cancellationToken">Cancels the commit before it is written; once writing, it completes whole or not at all.</param>
    /// <returns>The journey's version after the commit.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyConcurrencyException">The journey is not at the commit's expected version; nothing was written.</exception>
    /// <exception cref="JourneyRuleException">The events do not belong to the journey, or a new journey's first event does not create it; nothing was written.</exception>
    Task<long> CommitAsync(JourneyCommit commit, CancellationToken cancellationToken = default);
}
