using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutOfDark.Warnings;

namespace OutOfDark.Extensions.DependencyInjection;

/// <summary>
/// The hosted service that delivers the durable warning feed: one loop per registered
/// <see cref="IWarningFeedSubscriber"/>, each running a <see cref="WarningFeedDispatcher"/> from the subscriber's own
/// cursor, waiting <see cref="WarningFeedOptions.PollInterval"/> when it has everything and backing off exponentially
/// after a failed delivery. Registered by <see cref="OutOfDarkBuilder.AddFeedSubscriber{TSubscriber}"/>.
/// </summary>
/// <remarks>
/// Several hosts may run it over one shared store: a subscriber's cursor is claimed by one host at a time, so each change
/// reaches the subscriber from one host. A failed delivery is logged (event id 20) and retried; the change is never
/// skipped.
/// </remarks>
public sealed partial class WarningFeedDispatcherService : BackgroundService
{
    private readonly IReadOnlyList<IWarningFeedSubscriber> _subscribers;
    private readonly IReadOnlyList<WarningFeedDispatcher> _dispatchers;
    private readonly WarningFeedOptions _options;
    private readonly ILogger<WarningFeedDispatcherService> _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="subscribers">The subscribers; names must differ.</param>
    /// <param name="options">The dispatch settings.</param>
    /// <param name="logger">Where failures and deliveries are logged.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// Two subscribers share a name, or a name is blank, longer than 200 characters, or holds a control character or a
    /// lone surrogate (refused here, at startup, rather than retried as a delivery failure forever).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public WarningFeedDispatcherService(IWarningFeed feed, IEnumerable<IWarningFeedSubscriber> subscribers, IOptions<WarningFeedOptions> options, ILogger<WarningFeedDispatcherService> logger)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(subscribers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _subscribers = [.. subscribers];
        _options = options.Value;
        _options.Validate();
        _logger = logger;
        if (_subscribers.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two warning-feed subscribers are named '{twice.Key}'; a name is a cursor, so each subscriber needs its own.", nameof(subscribers));
        }

        _dispatchers = [.. _subscribers.Select(s => new WarningFeedDispatcher(feed, s, _options.BatchSize))];
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_dispatchers.Select(d => RunAsync(d, stoppingToken)));

    private async Task RunAsync(WarningFeedDispatcher dispatcher, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var delivered = await dispatcher.DispatchAsync(stoppingToken).ConfigureAwait(false);
                if (delivered > 0)
                {
                    LogDelivered(_logger, delivered, dispatcher.Subscriber.Name);
                }

                failures = 0;
                wait = _options.PollInterval;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A delivery failure is logged and retried: one subscriber's outage must not stop the host.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                wait = TimeSpan.FromTicks(Math.Min(_options.MaxFailureDelay.Ticks, _options.FailureDelay.Ticks * (1L << Math.Min(failures - 1, 30))));
                LogFailed(_logger, e, dispatcher.Subscriber.Name, failures, wait.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Delivering the warning feed to subscriber '{Subscriber}' failed ({Failures} in a row); retrying in {WaitMs:0} ms from the change that failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string subscriber, int failures, double waitMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Delivered {Count} warning changes to subscriber '{Subscriber}'")]
    private static partial void LogDelivered(ILogger logger, int count, string subscriber);
}
