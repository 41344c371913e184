using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Hosting;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// The emotion lane in Chromium: its key sits outside the plot at desktop and phone width, and a persona's line breaks
/// where the persona has no emotion (the loyal customer is given emotions at Product page, Checkout and Support call,
/// so other personas' activities between them are gaps).
/// </summary>
public sealed class EmotionLaneBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Persona = "Loyal customer";

    [BrowserFact]
    public async Task The_key_sits_outside_the_plot_and_a_gap_breaks_the_line_at_desktop_and_phone_width()
    {
        await fixture.Services.GetRequiredService<IJourneyAccess>().ExecuteAsync(OnlineStoreJourney.Id, null, new GapCommand(new Actor("test")), CancellationToken.None);
        var expectedLines = await ExpectedAsIsLinesAsync();
        Assert.True(expectedLines >= 2, "the seeded gap splits the loyal customer's as-is line in two or more");

        foreach (var width in new[] { 1400, 390 })
        {
            var page = await WebPage.OpenAsync(fixture, "#/map", width: width, height: 900, locale: "en-GB", timeZone: "UTC");
            var lane = page.Locator("#emotion-lane");
            await lane.Locator("#persona").SelectOptionAsync(new SelectOptionValue { Label = Persona });
            await Expect(lane.Locator(".emotion-table summary")).ToHaveTextAsync($"{Persona}'s emotions as a table");
            await lane.ScrollIntoViewIfNeededAsync();

            var key = await lane.Locator(".emotion-legend").BoundingBoxAsync();
            var plot = await lane.Locator("svg.emotion-chart").BoundingBoxAsync();
            Assert.NotNull(key);
            Assert.NotNull(plot);
            Assert.False(Intersects(key, plot), $"At {width} px the key ({Box(key)}) overlaps the plot ({Box(plot)}).");
            Assert.True(key.X + key.Width <= width, $"At {width} px the key ({Box(key)}) runs off the page instead of wrapping.");
            await Expect(lane.Locator("svg.emotion-chart polyline.as-is")).ToHaveCountAsync(expectedLines);
            await Expect(lane.Locator(".emotion-legend li.as-is")).ToContainTextAsync("solid");
            await Expect(lane.Locator(".emotion-legend li.to-be")).ToContainTextAsync("dashed");
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "outofdark-emotion-lane"));
            await lane.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "outofdark-emotion-lane", $"lane-{width}.png") });
            await page.Context.CloseAsync();
        }
    }

    // The lane's columns are the activities with any persona's emotion, in map order; the persona's as-is line is one
    // polyline per run of two or more neighbouring columns it has an emotion in.
    private async Task<int> ExpectedAsIsLinesAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var (lane, _) = await ApiClient.GetAsync(http, ApiClient.JourneyPath + "/emotions");
        var persona = lane.GetProperty("personas").EnumerateArray().Single(p => p.GetProperty("name").GetString() == Persona).GetProperty("id").GetString();
        var points = lane.GetProperty("points").EnumerateArray().ToList();
        var columns = points.Select(p => p.GetProperty("activityId").GetString()).Distinct().ToList();
        var has = points.Where(p => p.GetProperty("personaId").GetString() == persona).Select(p => p.GetProperty("activityId").GetString()).ToHashSet();
        int lines = 0, run = 0;
        foreach (var column in columns.Append(null))
        {
            if (column is not null && has.Contains(column))
            {
                run++;
                continue;
            }

            lines += run > 1 ? 1 : 0;
            run = 0;
        }

        return lines;
    }

    private static bool Intersects(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static string Box(LocatorBoundingBoxResult b) => $"{b.X:0},{b.Y:0} {b.Width:0}×{b.Height:0}";

    private sealed record GapCommand(Actor Actor) : JourneyCommand(Actor)
    {
        public override IReadOnlyCollection<CommandSubject> SubjectsIn(Journey seen) => [];

        public override void ApplyTo(Journey journey)
        {
            var loyal = SampleIds.Persona(Persona);
            journey.AddWidget(Actor, SampleIds.Activity("Product page"), new EmotionWidget(Persona, loyal, EmotionScore.Positive, EmotionScore.VeryPositive));
            journey.AddWidget(Actor, SampleIds.Activity("Checkout"), new EmotionWidget(Persona, loyal, EmotionScore.Neutral, EmotionScore.Positive));
            journey.AddWidget(Actor, SampleIds.Activity("Support call"), new EmotionWidget(Persona, loyal, EmotionScore.Negative));
        }
    }
}
