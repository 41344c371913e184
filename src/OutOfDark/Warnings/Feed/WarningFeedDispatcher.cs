using System;
using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Warnings;

/// <summary>
/// Delivers the warning feed to one subscriber from its durable cursor: claims the cursor, gives the subscriber each
/// change after it in feed order, and moves the cursor past what was delivered.
/// </summary>
/// <remarks>
/// <para>
/// At least once: the cursor moves after a batch is delivered (and, when a delivery throws, past the changes delivered
/// before it), so a crash re-delivers at most the batch in flight. Each change carries its
/// <see cref="WarningChange.Id"/> as the idempotency key.
/// </para>
/// <para>
/// One host at a time: the cursor is claimed for the whole run, so two hosts dispatching the same subscriber over one
/// shared store deliver each change once — the second finds the cursor claimed and delivers nothing.
/// </para>
/// <para>Not thread-safe: run one <see cref="DispatchAsync"/> at a time per instance.</para>
/// </remarks>
public sealed class WarningFeedDispatcher
{
    private readonly IWarningFeed _feed;
    private readonly IWarningFeedSubscriber _subscriber;
    private readonly int _batchSize;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="subscriber">The subscriber; its <see cref="IWarningFeedSubscriber.Name"/> names the cursor.</param>
    /// <param name="batchSize">Changes read and delivered between cursor moves: 1 to 10,000 (default 100).</param>
    /// <exception cref="ArgumentNullException"><paramref name="feed"/> or <paramref name="subscriber"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The subscriber's name is blank, longer than 200 characters, or holds a control character or a lone surrogate;
    /// checked here so that a host fails at startup instead of retrying a delivery that can never run.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is out of range.</exception>
    public WarningFeedDispatcher(IWarningFeed feed, IWarningFeedSubscriber subscriber, int batchSize = 100)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(subscriber);
        FeedLimits.CheckSubscriber(subscriber.Name);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, 10_000);
        _feed = feed;
        _subscriber = subscriber;
        _batchSize = batchSize;
    }

    /// <summary>The subscriber.</summary>
    public IWarningFeedSubscriber Subscriber => _subscriber;

    /// <summary>
    /// Delivers every change after the subscriber's cursor, until the feed has no more, then releases the cursor.
    /// </summary>
    /// <param name="cancellationToken">Stops between deliveries; the cursor keeps what was delivered.</param>
    /// <returns>How many changes were delivered; 0 when there were none or another host holds the cursor.</returns>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    /// <remarks>
    /// When the subscriber throws, the cursor moves past the changes delivered before, and the subscriber's exception
    /// propagates unchanged; the failed change is delivered first on the next run.
    /// </remarks>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var cursor = await _feed.TryClaimAsync(_subscriber.Name, cancellationToken).ConfigureAwait(false);
        if (cursor is null)
        {
            return 0;
        }

        await using (cursor.ConfigureAwait(false))
        {
            var delivered = 0;
            while (true)
            {
                var batch = await cursor.ReadAsync(_batchSize, cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    return delivered;
                }

                var last = cursor.Position;
                try
                {
                    foreach (var entry in batch)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await _subscriber.DeliverAsync(entry.Change, cancellationToken).ConfigureAwait(false);
                        last = entry.Position;
                        delivered++;
                    }
                }
                finally
                {
                    if (last > cursor.Position)
                    {
                        // Not the caller's token: what was delivered must be recorded even when the run is cancelled.
                        await cursor.AdvanceAsync(last, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
        }
    }
}
