using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OutOfDark.Warnings;
using Polly;
using Polly.Retry;

namespace OutOfDark.Samples.Web.Warnings;

/// <summary>
/// Posts each warning change of the durable feed to a webhook as JSON, with the change id in the
/// <c>Idempotency-Key</c> header so the receiver applies a change it receives twice only once. Transient failures
/// (network errors, timeouts, 408, 429 and 5xx) are retried with exponential back-off and jitter (Polly); when the
/// retries run out the delivery fails, and the feed's dispatcher tries the same change again later.
/// </summary>
internal sealed class WebhookSubscriber : IWarningFeedSubscriber
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public WebhookSubscriber(HttpClient http, WebhookOptions options)
    {
        _http = http;
        _options = options;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
                Delay = options.FirstRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutException>()
                    .Handle<Polly.Timeout.TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            })
            .AddTimeout(options.Timeout)
            .Build();
        if (options.MaxRetries == 0)
        {
            _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.Timeout).Build();
        }
    }

    public string Name => _options.Subscriber;

    public async Task DeliverAsync(WarningChange change, CancellationToken cancellationToken)
    {
        var body = WebhookPayload.From(change);
        using var response = await _pipeline.ExecuteAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _options.Url) { Content = JsonContent.Create(body, options: Json) };
                request.Headers.Add(IdempotencyHeader, change.Id.ToString("D"));
                return await _http.SendAsync(request, token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook {_options.Url} answered {(int)response.StatusCode} {response.ReasonPhrase} to warning change {change.Id} after {_options.MaxRetries} retries; the feed will deliver it again.", null, response.StatusCode);
        }
    }
}

/// <summary>The JSON a webhook receives for one change: plain values, enums as camel-case text.</summary>
internal sealed record WebhookPayload(
    Guid Id,
    Guid Workspace,
    Guid Journey,
    long JourneyVersion,
    string Kind,
    string Rule,
    string Subject,
    string Severity,
    string? PreviousSeverity,
    string Message,
    string OccurredAt)
{
    public static WebhookPayload From(WarningChange change) => new(
        change.Id,
        change.WorkspaceId.Value,
        change.JourneyId.Value,
        change.JourneyVersion,
        JsonNamingPolicy.CamelCase.ConvertName(change.Kind.ToString()),
        change.Key.Rule.Value,
        change.Key.Subject.ToString(),
        JsonNamingPolicy.CamelCase.ConvertName(change.Severity.ToString()),
        change.PreviousSeverity is { } p ? JsonNamingPolicy.CamelCase.ConvertName(p.ToString()) : null,
        change.Message,
        NodaTime.Text.InstantPattern.ExtendedIso.Format(change.OccurredAt));
}
