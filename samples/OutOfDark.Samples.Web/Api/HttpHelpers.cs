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

        // RFC 9110 §13.1.1: If-Match compares strongly, so a weak tag never matches: 412, as for a version that is not
        // the journey's, and nothing is changed.
        if (header.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            problem = Results.Problem(
                $"If-Match takes the journey's ETag as sent, such as \"12\"; a weak tag ({header}) never matches a change (RFC 9110). Send the ETag without W/, or reload the journey. Nothing was changed.",
                statusCode: StatusCodes.Status412PreconditionFailed,
                title: "If-Match does not match.");
            return false;
        }

        var text = header;
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
        var (body, _, problem) = await ReadBodyWithMembersAsync<T>(request).ConfigureAwait(false);
        return (body, problem);
    }

    /// <summary>
    /// Reads a JSON body and the names of the members it holds (compared ignoring case), so that a change can tell a
    /// member left out (keep the value) from one sent as <c>null</c> (clear it). The body must be one JSON object, read
    /// strictly: a body that is not JSON (truncated, a lone surrogate, nested deeper than 64 levels) is a 400 under
    /// <c>body</c> with the line and position; a duplicate member, a member the endpoint does not know, or a number
    /// sent as a string is a 400 naming that member. Nothing is run in any of these cases.
    /// </summary>
    public static async Task<(T? Body, IReadOnlySet<string> Members, IResult? Problem)> ReadBodyWithMembersAsync<T>(HttpRequest request)
        where T : class
    {
        var options = Strict(request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        var none = new HashSet<string>();
        JsonDocument document;
        var tooLong = new Dictionary<string, string[]>();
        try
        {
            var parse = new JsonDocumentOptions { MaxDepth = options.MaxDepth is 0 ? 64 : options.MaxDepth };
            if (!HttpMethods.IsDelete(request.Method) && request.ContentLength == 0)
            {
                return (null, none, Invalid("body", "The request needs a JSON body."));
            }

            // Read whole (the server's body limit applies), so that its text can be checked before it becomes a document.
            using var buffer = new System.IO.MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (buffer.Length == 0 && HttpMethods.IsDelete(request.Method))
            {
                // A removal's body is optional ({reason?}): none, or an empty one, is the same as {}.
                document = JsonDocument.Parse("{}");
            }
            else
            {
                var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
                var findings = JsonTextCheck.Scan(bytes.Span, parse.MaxDepth);
                if (findings.IllFormed is { } bad)
                {
                    return (null, none, Invalid(bad.Field, bad.Message));
                }

                tooLong = findings.TooLong;

                document = JsonDocument.Parse(bytes, parse);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, none, TooLarge(request.HttpContext));
        }
        catch (JsonException e)
        {
            return (null, none, NotJson(e));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, none, Invalid("body", $"The body must be one JSON object ({{\"name\": …}}); it is {Article(root.ValueKind)}."));
            }

            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var member in root.EnumerateObject())
            {
                if (!members.Add(member.Name))
                {
                    return (null, none, Invalid(member.Name, $"The member '{member.Name}' is sent twice (ignoring case); send it once."));
                }
            }

            if (tooLong.Count > 0)
            {
                return (null, none, Invalid(tooLong));
            }

            try
            {
                var body = root.Deserialize<T>(options);
                return body is null ? (null, none, Invalid("body", "The request needs a JSON body.")) : (body, members, null);
            }
            catch (JsonException e)
            {
                return (null, none, MemberProblem(e, root));
            }
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = [];

    // The host's options, but refusing what a lenient reader would silently drop or convert.
    private static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        StrictOptions.GetValue(options, o => new JsonSerializerOptions(o)
        {
            UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            Converters = { new ExactDecimalConverter() },
        });

    private static IResult NotJson(JsonException e)
    {
        var where = e.LineNumber is { } line && e.BytePositionInLine is { } position ? At(line, position) : "";
        var why = e.InnerException?.Message ?? FirstSentence(e.Message);
        return Invalid("body", $"The body is not valid JSON{where}: {why} Send one JSON object encoded as UTF-8.");
    }

    /// <summary>
    /// Where in a body something is, in the words of every body message: " at line 3, position 14", both counted from 1
    /// (the position in bytes within the line), from the zero-based line and byte position a reader reports.
    /// </summary>
    public static string At(long line, long bytePositionInLine) =>
        string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, position {bytePositionInLine + 1}");

    // A member whose value is the wrong type, or that the endpoint does not know.
    private static IResult MemberProblem(JsonException e, JsonElement root)
    {
        var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if ((e as NumberNotExactException ?? e.InnerException as NumberNotExactException) is { } number)
        {
            return Invalid(path ?? "body", number.Message);
        }

        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var unknown = root.EnumerateObject().Select(m => m.Name).FirstOrDefault(n => e.Message.Contains($"'{n}'", StringComparison.Ordinal)) ?? path ?? "body";
            return Invalid(unknown, $"'{unknown}' is not a member this endpoint takes; check its spelling or leave it out.");
        }

        var field = path ?? "body";
        if (Duplicate(root, "") is { } twice)
        {
            // A member given twice inside a member (a segment's dimension): named with where it is, as at the top level.
            var where = twice.Where.Length == 0 ? "the body" : twice.Where;
            return Invalid(twice.Where.Length == 0 ? twice.Name : twice.Where, $"'{twice.Name}' is given twice in {where}; give it once.");
        }

        var value = path is null ? null : Find(root, path);
        if (value is { ValueKind: JsonValueKind.Number } sent && WholeNumbers.TryGetValue(field.Split('.')[^1], out var range))
        {
            // A number the member's whole-number type cannot hold: a fraction (1.5), an exponent (1e3), or beyond its range.
            var raw = sent.GetRawText();
            return Invalid(field, string.Create(CultureInfo.InvariantCulture, $"The value of '{field}' must be a whole number from {range.Min} to {range.Max}, written without a point or exponent (got {(raw.Length <= 24 ? raw : raw[..20] + "…")})."));
        }

        var got = value is { } found ? $" (got {Article(found.ValueKind)})" : "";
        return Invalid(field, $"The value of '{field}' is not of the expected type{got}: send text in quotes, numbers without quotes, lists in brackets.");
    }

    // The whole-number members of the request bodies and the values each takes.
    private static readonly Dictionary<string, (long Min, long Max)> WholeNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["days"] = (1, JourneyApi.MaxSnoozeDays),
        ["asIs"] = (-2, 2),
        ["toBe"] = (-2, 2),
        ["position"] = (0, int.MaxValue),
    };

    /// <summary>The first object, depth first, holding a member name twice (compared exactly): its JSON path and the name.</summary>
    private static (string Where, string Name)? Duplicate(JsonElement element, string where)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                if (!names.Add(member.Name))
                {
                    return (where, member.Name);
                }
            }

            foreach (var member in element.EnumerateObject())
            {
                if (Duplicate(member.Value, where.Length == 0 ? member.Name : where + "." + member.Name) is { } found)
                {
                    return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (Duplicate(item, string.Create(CultureInfo.InvariantCulture, $"{where}[{i++}]")) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The element at a reader's path without its "$." (<c>warnings[0].rule</c>), or <see langword="null"/>.</summary>
    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var indexes = new List<int>();
            while (name.EndsWith(']') && name.LastIndexOf('[') is var open and >= 0)
            {
                if (!int.TryParse(name.AsSpan(open + 1, name.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                indexes.Insert(0, index);
                name = name[..open];
            }

            if (name.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return null;
                }
            }

            foreach (var index in indexes)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
            }
        }

        return current;
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    // The reader's reason without its own "LineNumber: … | BytePositionInLine: …" and "Path: …" tails.
    private static string FirstSentence(string message)
    {
        foreach (var tail in new[] { " LineNumber:", " Path:" })
        {
            if (message.IndexOf(tail, StringComparison.Ordinal) is var at and > 0)
            {
                message = message[..at];
            }
        }

        return message.TrimEnd();
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
                ["conflicts"] = e.Conflicts.Select(c => new ConflictDto(string.IsNullOrWhiteSpace(c.Event.Actor) ? "Someone" : c.Event.Actor, c.What, Mapping.Text(c.Event.OccurredAt), c.Fields)).ToList(),
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
