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
internal sealed partial class CriticalWarningFeed(IClock clock, ILogger<CriticalWarningFeed> logger) : IWarningObserver
{
    private const int Capacity = 50;
    private readonly LinkedList<Notification> _feed = new();
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
    }

    public void OnCleared(Warning previous)
    {
    }

    private void Notify(Warning warning)
    {
        LogCritical(logger, warning.Key, warning.Message);
        lock (_gate)
        {
            _feed.AddFirst(new Notification(clock.GetCurrentInstant(), warning.Key, warning.Message));
            if (_feed.Count > Capacity)
            {
                _feed.RemoveLast();
            }
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "New critical warning {Key}: {Message}")]
    private static partial void LogCritical(ILogger logger, WarningKey key, string message);

    internal sealed record Notification(Instant At, WarningKey Key, string Message);
}
