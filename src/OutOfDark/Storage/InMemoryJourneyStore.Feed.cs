using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Warnings;

namespace OutOfDark;

/// <content>The warning feed kept in memory: changes in commit order, cursors claimed within the process.</content>
public sealed partial class InMemoryJourneyStore : IWarningFeed
{
    private readonly List<WarningFeedEntry> _feed = [];
    private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(long afterPosition, int limit, CancellationToken cancellationToken = default)
    {
        FeedLimits.CheckPosition(afterPosition, nameof(afterPosition));
        FeedLimits.CheckLimit(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Positions are 1, 2, 3…: the entry after position p is at index p.
            var start = (int)Math.Min(afterPosition, _feed.Count);
            var count = Math.Min(limit, _feed.Count - start);
            return Task.FromResult<IReadOnlyList<WarningFeedEntry>>(_feed.GetRange(start, count));
        }
    }

    /// <inheritdoc />
    public Task<IWarningFeedCursor?> TryClaimAsync(string subscriber, CancellationToken cancellationToken = default)
    {
        FeedLimits.CheckSubscriber(subscriber);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_claimed.Add(subscriber))
            {
                return Task.FromResult<IWarningFeedCursor?>(null);
            }

            return Task.FromResult<IWarningFeedCursor?>(new Cursor(this, subscriber, _cursors.GetValueOrDefault(subscriber)));
        }
    }

    // Called holding the gate, with the commit's events.
    private void AddToFeed(IReadOnlyList<WarningChange> changes)
    {
        foreach (var change in changes)
        {
            _feed.Add(new WarningFeedEntry(_feed.Count + 1, change));
        }
    }

    private sealed class Cursor(InMemoryJourneyStore store, string subscriber, long position) : IWarningFeedCursor
    {
        private bool _released;

        public string Subscriber => subscriber;

        public long Position { get; private set; } = position;

        public Task<IReadOnlyList<WarningFeedEntry>> ReadAsync(int limit, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            return store.ReadAsync(Position, limit, cancellationToken);
        }

        public Task AdvanceAsync(long position, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_released, this);
            FeedLimits.CheckPosition(position, nameof(position));
            if (position < Position)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, $"Subscriber '{subscriber}' is at position {Position}; a cursor only moves forward.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            lock (store._gate)
            {
                // A cursor past the end would skip every change committed later, for good.
                if (position > store._feed.Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(position), position, $"A cursor moves at most to the last position, {store._feed.Count}; {position} is beyond the end of the feed.");
                }

                store._cursors[subscriber] = position;
            }

            Position = position;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (!_released)
            {
                _released = true;
                lock (store._gate)
                {
                    store._claimed.Remove(subscriber);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
