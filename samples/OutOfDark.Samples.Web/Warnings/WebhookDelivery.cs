using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Warnings;

/// <summary>
/// Runs the library's <see cref="WarningFeedDispatcherService"/> for the webhook when <c>OutOfDark:Webhook:Url</c> is
/// set, and nothing otherwise. The settings are read at start, so tests can add them after the host is built.
/// </summary>
internal sealed class WebhookDelivery(IServiceProvider services, WebOptions options, IHttpClientFactory http, ILoggerFactory logs) : IHostedService, IDisposable
{
    private WarningFeedDispatcherService? _service;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Webhook.Url is null)
        {
            return Task.CompletedTask;
        }

        var feed = (IWarningFeed)services.GetService(typeof(IWarningFeed))!;
        var subscriber = new WebhookSubscriber(http.CreateClient("webhook"), options.Webhook);
        var feedOptions = (IOptions<WarningFeedOptions>)services.GetService(typeof(IOptions<WarningFeedOptions>))!;
        _service = new WarningFeedDispatcherService(feed, [subscriber], feedOptions, logs.CreateLogger<WarningFeedDispatcherService>());
        return _service.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _service?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _service?.Dispose();
}
