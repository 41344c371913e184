using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Warnings;

/// <summary>
/// A subscriber's durable cursor in the warning feed, claimed by one caller (<see cref="IWarningFeed.TryClaimAsync"/>).
/// Disposing it releases the claim; a process that dies releases it too (the store's lock dies with its connection or
/// file handle).
/// </summary>
/// <remarks>Not thread-safe: one caller uses a claimed cursor at a time.</remarks>
public interface IWarningFeedCursor : IAsyncDisposable
{
    /// <summary>The subscriber's name.</summary>
    string Subscriber { get; }

    /// <summary>The position of the last change the subscriber has been given successfully; 0 before the first.</summary>
    long Position { get; }

    /// <summary>Reads the changes after <see cref="Position"/>, oldest first.</summary>
    /// <param name="limit">At most this many changes (1 to 10,000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The next changes; empty when the subscriber has seen them all.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is out of range.</exception>
    /// <exception cref="ObjectDisposedException">The cursor was released.</exception>
    Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Moves the cursor forward; durable when the task completes.</summary>
    /// <param name="position">
    /// The position of the last change delivered; at least <see cref="Position"/> and at most the feed's last position
    /// (a cursor past the end would skip every later change).
    /// </param>
    /// <param name="cancellationToken">Cancels the move; the cursor then stays where it was.</param>
    /// <returns>A task.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="position"/> is negative, below <see cref="Position"/>, or beyond the feed's last position.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The cursor was released.</exception>
    Task AdvanceAsync(long position, CancellationToken cancellationToken = default);
}
