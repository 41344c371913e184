using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using OutOfDark.Extensions.DependencyInjection;
using OutOfDark.Samples.Web.Api;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Samples.Web.Warnings;

var builder = WebApplication.CreateBuilder(args);
var section = builder.Configuration.GetSection("OutOfDark");

// Read when first needed, not here: tests add their settings to the configuration after this line runs.
builder.Services.AddSingleton(_ => WebOptions.Read(section));
builder.Services.AddOutOfDark(section, outOfDark => outOfDark
    .UseClock(sp => sp.GetRequiredService<WebOptions>().CreateClock())
    .UseStore(sp => StoreFactory.Create(sp.GetRequiredService<WebOptions>(), sp.GetRequiredService<IClock>()))
    .AddRule<NegativeFeedbackRule>()
    .AddObserver<CriticalWarningFeed>());
builder.Services.AddSingleton<LiveJourneys>();
builder.Services.AddHostedService<Seeder>();
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json =>
{
    json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
});

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapJourneyApi();
app.Run();

/// <summary>The web sample's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
