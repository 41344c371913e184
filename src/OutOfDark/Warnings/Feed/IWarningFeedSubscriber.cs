using System.Threading;
using System.Threading.Tasks;

namespace OutOfDark.Warnings;

/// <summary>
/// Something that hears about warning changes through the durable feed: a webhook, a mailer, a ticket system. A
/// <see cref="WarningFeedDispatcher"/> gives it each change at least once, in feed order, and moves its cursor on only
/// after <see cref="DeliverAsync"/> succeeded.
/// </summary>
/// <remarks>
/// A change may come again after a crash or a failed delivery: apply each <see cref="WarningChange.Id"/> once (for
/// example by sending it as an idempotency key, or remembering the ids applied).
/// </remarks>
public interface IWarningFeedSubscriber
{
    /// <summary>The subscriber's name: the name of its cursor in the feed, so it must stay the same across restarts.</summary>
    string Name { get; }

    /// <summary>Delivers one change. Throwing leaves the change (and those after it) to be delivered again later.</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    /// <returns>A task that completes once the change is delivered.</returns>
    Task DeliverAsync(WarningChange change, CancellationToken cancellationToken);
}
