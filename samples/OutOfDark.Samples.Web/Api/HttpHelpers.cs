using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutOfDark.Samples.Web.Hosting;

namespace OutOfDark.Samples.Web.Api;

/// <summary>Versions as ETags, request bodies, and problem-details answers.</summary>
internal static partial class HttpHelpers
{
    public static void SetVersion(HttpResponse response, long version) =>
        response.Headers.ETag = "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads <c>If-Match</c>: absent or <c>*</c> gives <see langword="null"/> (no check); otherwise the quoted version.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? version, out IResult? problem)
    {
        version = null;
        problem = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return true;
        }

        var text = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        problem = Invalid("If-Match", $"The If-Match header must be the journey's ETag, such as \"12\"; got {header}.");
        return false;
    }

    /// <summary>Reads a JSON body; a missing or malformed body becomes a 400 naming the field.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request)
        where T : class
    {
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var body = request.ContentLength == 0 ? null : await JsonSerializer.DeserializeAsync<T>(request.Body, options, request.HttpContext.RequestAborted).ConfigureAwait(false);
            return body is null ? (null, Invalid("body", "The request needs a JSON body.")) : (body, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(request.HttpContext));
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return (null, Invalid(field, $"The value of '{field}' is not valid JSON of the expected type."));
        }
    }

    /// <summary>413: the body is over the server's limit (<c>OutOfDark:MaxRequestBodySize</c>).</summary>
    public static IResult TooLarge(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        var size = limit is { } bytes ? $"{bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes" : "the server's limit";
        return Results.Problem(
            $"The request body is larger than this server accepts ({size}); send a smaller body. Nothing was changed.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.");
    }

    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request is not valid.");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    /// <summary>404 for a journey that does not exist (any more): the same words whatever the id, and no id quoted.</summary>
    public static IResult NotFound(JourneyNotFoundException e)
    {
        _ = e;
        return Gone("journey");
    }

    /// <summary>404 for an object of the journey that a request names in its path but that does not exist (any more).</summary>
    /// <param name="what">What it is, in words: activity, widget, flow, phase, persona, …</param>
    public static IResult Gone(string what) =>
        NotFound($"This {what} no longer exists (someone removed it?); reload.");

    /// <summary>412: someone changed what the command works on since the version it was sent against; names who, what and when.</summary>
    public static IResult Conflict(JourneyConflictException e) =>
        Results.Problem(
            $"{e.Message}. Reload the journey and try again. Nothing was changed.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Someone changed this part of the journey meanwhile.",
            extensions: new Dictionary<string, object?>
            {
                ["currentVersion"] = e.ActualVersion,
                ["changes"] = e.Conflicts.Select(c => c.Text).ToList(),
                // The same changes for a page to write in its visitor's words: who, what, and when as an ISO instant.
                ["conflicts"] = e.Conflicts.Select(c => new ConflictDto(string.IsNullOrWhiteSpace(c.Event.Actor) ? "Someone" : c.Event.Actor, c.What, Mapping.Text(c.Event.OccurredAt))).ToList(),
            });

    /// <summary>A domain message without the ids it quotes for developers: people see names, never GUIDs.</summary>
    public static string WithoutIds(string message) =>
        SpacesBeforePunctuation().Replace(BareId().Replace(QuotedId().Replace(message, ""), ""), "$1");

    [GeneratedRegex(@"\s*\(\s*[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\s*\)")]
    private static partial Regex QuotedId();

    [GeneratedRegex(@"\s*\b[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\b")]
    private static partial Regex BareId();

    [GeneratedRegex(@"\s+([.,;:])")]
    private static partial Regex SpacesBeforePunctuation();

    public static IResult Stale(JourneyConcurrencyException e) =>
        Results.Problem(
            $"The journey is at version {e.ActualVersion}, not {e.ExpectedVersion} as If-Match said; reload it and try again. Nothing was changed.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "The journey has changed.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = e.ActualVersion });
}
