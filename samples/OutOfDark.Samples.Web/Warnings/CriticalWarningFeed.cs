using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using NodaTime;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Warnings;

/// <summary>
/// The host's notification hook: every new critical warning (raised critical, or escalated to critical) is logged
/// and kept in a short feed that <c>GET /api/notifications</c> returns, newest first. A real host would send a mail or
/// open a ticket here.
/// </summary>
/// <remarks>
/// A warning still critical since it was last notified is not notified again: when the host drops a journey from memory
/// and loads it later, its fresh engine raises the same warnings anew, and nobody should hear of them twice. Once the
/// warning clears or drops below critical, a new critical episode is notified. The keys remembered are those in the
/// feed, so memory stays bounded.
/// </remarks>
internal sealed partial class CriticalWarningFeed(IClock clock, ILogger<CriticalWarningFeed> logger) : IWarningObserver
{
    private const int Capacity = 50;
    private readonly LinkedList<Notification> _feed = new();
    private readonly HashSet<WarningKey> _stillCritical = [];
    private readonly System.Threading.Lock _gate = new();

    public IReadOnlyList<Notification> Newest()
    {
        lock (_gate)
        {
            return [.. _feed];
        }
    }

    public void OnRaised(Warning warning)
    {
        if (warning.Severity == WarningSeverity.Critical)
        {
            Notify(warning);
        }
    }

    public void OnChanged(Warning previous, Warning current)
    {
        if (current.Severity == WarningSeverity.Critical && previous.Severity != WarningSeverity.Critical)
        {
            Notify(current);
        }
        else if (current.Severity != WarningSeverity.Critical)
        {
            Forget(current.Key);
        }
    }

    public void OnCleared(Warning previous) => Forget(previous.Key);

    private void Forget(WarningKey key)
    {
        lock (_gate)
        {
            _stillCritical.Remove(key);
        }
    }

    private void Notify(Warning warning)
    {
        lock (_gate)
        {
            if (!_stillCritical.Add(warning.Key))
            {
                return;
            }

            _feed.AddFirst(new Notification(clock.GetCurrentInstant(), warning.Key, warning.Message));
            if (_feed.Count > Capacity)
            {
                var oldest = _feed.Last!.Value;
                _feed.RemoveLast();
                if (!_feed.Any(n => n.Key == oldest.Key))
                {
                    _stillCritical.Remove(oldest.Key);
                }
            }
        }

        LogCritical(logger, warning.Key, warning.Message);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "New critical warning {Key}: {Message}")]
    private static partial void LogCritical(ILogger logger, WarningKey key, string message);

    internal sealed record Notification(Instant At, WarningKey Key, string Message);
}
