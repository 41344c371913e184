using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using NodaTime;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.Web.Api;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Samples.Web.Warnings;
// Kestrel's namespace has a BadHttpRequestException of its own; the one used here is Microsoft.AspNetCore.Http's.
using KestrelServerOptions = Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions;

var builder = WebApplication.CreateBuilder(args);
var section = builder.Configuration.GetSection("OutOfDark");

// Read when first needed, not here: tests add their settings to the configuration after this line runs.
builder.Services.AddSingleton(_ => WebOptions.Read(section));
// Registered before AddOutOfDark's due-recheck service: hosted services start in order, so the seeded journeys are
// stored before the service's first pass writes them to the workspace read model.
builder.Services.AddHostedService<Seeder>();
// In process (the default) or as a client of an Orleans cluster (samples/OutOfDark.Samples.Cluster): read now, because
// the Orleans client is part of the host. Only the command line, the environment and appsettings.json can set it.
ClusterClientOptions? cluster;
try
{
    cluster = ClusterClientOptions.Read(section);
}
catch (StartupException e)
{
    await Console.Error.WriteLineAsync("The OutOfDark web sample cannot start: " + e.Message);
    return 1;
}

builder.Services.AddOutOfDark(section, outOfDark =>
{
    outOfDark
        .UseClock(sp => sp.GetRequiredService<WebOptions>().CreateClock())
        .UseStore(sp => StoreFactory.Create(sp.GetRequiredService<WebOptions>(), sp.GetRequiredService<IClock>()))
        .AddRule<NegativeFeedbackRule>()
        .AddObserver<CriticalWarningFeed>();
    if (cluster is null)
    {
        // In a cluster the journey grains' reminders re-check due rules; this host evaluates nothing.
        outOfDark.AddDueRechecks();
    }
});
if (cluster is null)
{
    builder.Services.AddSingleton<LiveJourneys>();
    builder.Services.AddSingleton<IJourneyAccess>(sp => sp.GetRequiredService<LiveJourneys>());
    // The due-recheck service re-checks the journeys open here through their engines here, not a second copy.
    builder.Services.AddSingleton<ILiveJourneys>(sp => sp.GetRequiredService<LiveJourneys>());
}
else
{
    builder.UseOrleansClient(cluster.Configure);
    builder.Services.AddSingleton<IJourneyAccess, GrainJourneyAccess>();
}

builder.Services.AddOptions<KestrelServerOptions>().Configure<WebOptions>((kestrel, web) =>
{
    kestrel.Limits.MaxRequestBodySize = web.MaxRequestBodySize;
    // X-Actor bytes that are not UTF-8 become U+FFFD, so the request reaches the API and is refused with a problem body
    // naming X-Actor (TextLimits.ActorProblem), rather than by the server with an empty 400.
    kestrel.RequestHeaderEncodingSelector = TextLimits.HeaderEncoding;
});
builder.Services.AddHttpClient("webhook");
builder.Services.AddHostedService<WebhookDelivery>();
builder.Services.AddProblemDetails();
// A request the server itself finds bad (a body over the size limit, a malformed header) answers with its own status
// and problem details, wherever it is noticed, never 500.
builder.Services.Configure<ExceptionHandlerOptions>(handler =>
    handler.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
});

WebApplication app;
try
{
    // Building creates the server, whose limits come from the settings: a bad setting shows here already.
    app = builder.Build();
    await StoreCheck.EnsureReachableAsync(app.Services, CancellationToken.None);
}
catch (StartupException e)
{
    // One line that says what to do, not a stack trace: the cause is the configuration or the server, not this code.
    await Console.Error.WriteLineAsync("The OutOfDark web sample cannot start: " + e.Message);
    return 1;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<CrossSiteGuard>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapJourneyApi();
app.MapObservationApi();
app.MapWorkspaceApi();
app.MapBulkWarningApi();
app.MapExportApi();
app.MapHistoryApi();
app.MapEmotionApi();
app.MapReorderApi();
app.MapRulesApi();
await app.RunAsync();
return 0;

/// <summary>The web sample's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
