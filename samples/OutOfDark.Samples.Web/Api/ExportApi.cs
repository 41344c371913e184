using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using OutOfDark.Json;
using OutOfDark.Rendering;
using OutOfDark.Samples.Web.Hosting;
using OutOfDark.Warnings;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// The export buttons: a journey as the HTML report, the SVG map, a Mermaid journey diagram, CSV (activities) or the
/// journey JSON document, each streamed as a download named after the journey.
/// </summary>
internal static partial class ExportApi
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void MapExportApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/journeys/{journeyId}/export/{format}", ExportAsync);

    // GET /api/journeys/{id}/export/{report|svg|mermaid|csv|json}
    private static async Task<IResult> ExportAsync(HttpContext context, string journeyId, string format)
    {
        var (contentType, extension) = format switch
        {
            "report" => ("text/html; charset=utf-8", "html"),
            "svg" => ("image/svg+xml; charset=utf-8", "svg"),
            "mermaid" => ("text/vnd.mermaid; charset=utf-8", "mmd"),
            "csv" => ("text/csv; charset=utf-8", "csv"),
            "json" => ("application/json; charset=utf-8", "json"),
            _ => (null, null),
        };
        if (contentType is null)
        {
            return HttpHelpers.NotFound($"There is no export '{format}': use report, svg, mermaid, csv or json.");
        }

        if (!JourneyId.TryParse(journeyId, null, out var id))
        {
            return HttpHelpers.Invalid("journeyId", JourneyApi.JourneyIdProblem);
        }

        // Each parameter at most once: "?tz=Europe/Berlin&tz=UTC" would otherwise read as one zone "Europe/Berlin,UTC".
        var once = new System.Collections.Generic.Dictionary<string, string[]>();
        var tz = QueryParameters.One(context.Request.Query["tz"], "tz", once);
        var tag = QueryParameters.One(context.Request.Query["culture"], "culture", once);
        if (once.Count > 0)
        {
            return HttpHelpers.Invalid(once);
        }

        if (ReportZone(tz) is not { } zone)
        {
            return HttpHelpers.Invalid("tz", $"'{tz}' is not a known time zone: use an IANA zone id such as Europe/Berlin, or leave tz out for UTC.");
        }

        if (ReportCulture(tag) is not { } culture)
        {
            return HttpHelpers.Invalid("culture", $"'{tag}' is not a language tag: use one such as de-DE, or leave culture out for English.");
        }

        var journeys = context.RequestServices.GetRequiredService<IJourneyAccess>();
        var clock = context.RequestServices.GetRequiredService<IClock>();
        var cancel = context.RequestAborted;
        Journey journey;
        System.Collections.Generic.IReadOnlyList<WarningViewItem> view;
        try
        {
            // A journey is immutable: the reading's journey can be rendered after the read returns.
            (journey, view) = await journeys.ReadAsync(id, r => (r.Journey, r.View(WarningQuery.NeedsAttention)), cancel).ConfigureAwait(false);
        }
        catch (JourneyNotFoundException e)
        {
            return HttpHelpers.NotFound(e);
        }

        var flagged = view.Select(w => w.Warning).ToList();
        var history = format == "report" ? new JourneyHistory(await journeys.ReadEventsAsync(id, cancel).ConfigureAwait(false), clock) : null;
        context.Response.Headers.CacheControl = "no-store";
        HttpHelpers.SetVersion(context.Response, journey.Version);
        return Results.Stream(
            body => format switch
            {
                "report" => HtmlReportRenderer.WriteAsync(journey, body, new HtmlReportOptions
                {
                    Warnings = flagged,
                    View = view,
                    History = history,
                    GeneratedAt = clock.GetCurrentInstant(),
                    TimeZone = zone,
                    Culture = culture,
                }, cancel),
                "svg" => SvgMapRenderer.WriteAsync(journey, body, new SvgMapOptions { Warnings = flagged, View = view }, cancel),
                "mermaid" => MermaidRenderer.WriteJourneyAsync(journey, body, cancellationToken: cancel),
                "csv" => WriteTextAsync(body, writer => JourneyCsv.ExportActivitiesAsync(journey, writer, cancellationToken: cancel)),
                _ => JourneyJsonSerializer.Default.SerializeDocumentAsync(body, journey.ToSnapshot(), cancel),
            },
            contentType,
            FileName(journey.Name) + "." + extension);
    }

    // ?tz=Europe/Berlin: the zone the report's times are shown in; absent or empty is UTC, an unknown id is null.
    private static DateTimeZone? ReportZone(string? id) =>
        string.IsNullOrEmpty(id) ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    // ?culture=de-DE: the culture of the report's month names and numbers; absent or empty is the invariant culture,
    // a malformed tag is null. A well-formed tag the runtime has no data for (the sample runs with invariant
    // globalization) falls back to the invariant culture, so a browser's language never makes the export fail.
    private static CultureInfo? ReportCulture(string? tag)
    {
        if (string.IsNullOrEmpty(tag))
        {
            return CultureInfo.InvariantCulture;
        }

        if (tag.Length > 35 || !LanguageTag().IsMatch(tag))
        {
            return null;
        }

        try
        {
            return CultureInfo.GetCultureInfo(tag);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    private static async Task WriteTextAsync(Stream stream, Func<TextWriter, Task> write)
    {
        var writer = new StreamWriter(stream, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await write(writer).ConfigureAwait(false);
        }
    }

    // "Online store — checkout" → "online-store-checkout": the letters and digits of the name (any script), lower
    // case, joined by hyphens; the download header carries a non-ASCII name as filename*.
    internal static string FileName(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "journey" : slug[..Math.Min(slug.Length, 80)].TrimEnd('-');
    }
}
