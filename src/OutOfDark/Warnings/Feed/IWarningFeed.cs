using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Warnings;

/// <summary>
/// The durable warning feed: every warning change in the order it was committed, and a durable cursor per subscriber.
/// A store implements it beside <see cref="IJourneyCommitStore"/>, which writes the changes in the same transaction as
/// the journey events that caused them.
/// </summary>
/// <remarks>
/// The feed spans every workspace of the store; each change names its workspace. Implementations are thread-safe.
/// </remarks>
public interface IWarningFeed
{
    /// <summary>Reads the changes after a position, oldest first.</summary>
    /// <param name="afterPosition">The last position already seen; 0 to read from the start.</param>
    /// <param name="limit">At most this many changes (1 to 10,000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The changes with a position above <paramref name="afterPosition"/>, in position order; empty at the end.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="afterPosition"/> is negative or <paramref name="limit"/> is out of range.</exception>
    Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(long afterPosition, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a subscriber's cursor for this caller alone, creating it at position 0 the first time. While the claim
    /// is held no other caller — in this process or, for stores shared between machines, on another machine — can
    /// claim the same subscriber, so each change is delivered by one host.
    /// </summary>
    /// <param name="subscriber">The subscriber's name: 1 to 200 characters, no control characters. Names are compared exactly.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The claimed cursor, or <see langword="null"/> when another caller holds it now.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="subscriber"/> is blank, too long or holds a control character.</exception>
    Task<IWarningFeedCursor?> TryClaimAsync(string subscriber, CancellationToken cancellationToken = default);
}
