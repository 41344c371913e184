using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutOfDark.Warnings;
using Xunit;

namespace OutOfDark.Samples.Web.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task The_webhook_posts_every_warning_change_with_its_idempotency_key_retrying_a_receiver_that_fails_its_first_calls()
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 3);
        await using var sample = new KestrelWebSample(new Dictionary<string, string?>
        {
            ["OutOfDark:Webhook:Url"] = new Uri(receiver.Address, "hooks/outofdark").ToString(),
            ["OutOfDark:Webhook:Subscriber"] = "crm-webhook",
            ["OutOfDark:Webhook:FirstRetryDelayMs"] = "20",
            ["OutOfDark:Feed:PollInterval"] = "00:00:00.050",
        });

        // The seeded journey's warnings are committed with it, so the feed has changes to deliver at once.
        var feed = await ((IWarningFeed)sample.Services.GetRequiredService<IWarningFeed>()).ReadAsync(0, 10_000);
        Assert.NotEmpty(feed);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (receiver.Applied.Count < feed.Count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.Equal(feed.Select(e => e.Change.Id), receiver.Applied);
        Assert.Equal(3, receiver.Refused);
        var first = receiver.Bodies[feed[0].Change.Id];
        Assert.Equal("/hooks/outofdark", receiver.Paths.Distinct().Single());
        Assert.Equal(feed[0].Change.Id, first.GetProperty("id").GetGuid());
        Assert.Equal("raised", first.GetProperty("kind").GetString());
        Assert.Equal(feed[0].Change.Key.Rule.Value, first.GetProperty("rule").GetString());
        Assert.Equal(feed[0].Change.Message, first.GetProperty("message").GetString());
    }

    /// <summary>A webhook receiver on 127.0.0.1 that answers 503 to its first calls, then applies each idempotency key once.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _calls;

        private Receiver(WebApplication app, int failFirst)
        {
            _app = app;
            _app.MapPost("/hooks/outofdark", async (HttpContext context) =>
            {
                if (System.Threading.Interlocked.Increment(ref _calls) <= failFirst)
                {
                    System.Threading.Interlocked.Increment(ref _refused);
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }

                Paths.Enqueue(context.Request.Path);
                var key = Guid.Parse(context.Request.Headers["Idempotency-Key"].Single()!);
                var body = await JsonDocument.ParseAsync(context.Request.Body);
                Assert.Equal(key, body.RootElement.GetProperty("id").GetGuid());
                lock (Applied)
                {
                    if (Bodies.TryAdd(key, body.RootElement.Clone()))
                    {
                        Applied.Add(key);
                    }
                }

                return Results.NoContent();
            });
        }

        private int _refused;

        public int Refused => _refused;

        public List<Guid> Applied { get; } = [];

        public ConcurrentDictionary<Guid, JsonElement> Bodies { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        public static async Task<Receiver> StartAsync(int failFirst)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var receiver = new Receiver(builder.Build(), failFirst);
            await receiver._app.StartAsync();
            return receiver;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
