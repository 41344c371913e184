using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Lets a command through only with a body declared as <c>application/json</c> (UTF-8, the only charset allowed):
/// anything else is 415 with problem details naming the expected content type, and the body is not read. An HTML form
/// can send only <c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c> or <c>text/plain</c>, so no form
/// on any site can reach a command. Reads (GET, HEAD, OPTIONS, TRACE) pass untouched; a DELETE may come with no body
/// and no Content-Type at all. A command's <c>X-Actor</c> header is checked here too (<see cref="TextLimits.ActorProblem"/>):
/// one the history cannot show, or the header given more than once, is a 400 naming <c>X-Actor</c>, never replaced by the default name.
/// </summary>
internal sealed class JsonCommandFilter : IEndpointFilter
{
    public const string ContentType = "application/json";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return next(context);
        }

        if (request.Headers["X-Actor"].Count > 1)
        {
            // Two names would otherwise be joined into one ("A,B") and recorded as the actor.
            return ValueTask.FromResult<object?>(HttpHelpers.Invalid("X-Actor", "The X-Actor header is given more than once: give X-Actor once, with the name of who makes the change. Nothing was changed."));
        }

        if (request.Headers["X-Actor"].Count == 1 && string.IsNullOrEmpty(request.Headers["X-Actor"][0]))
        {
            // Sent but empty (the server drops spaces around a header's value, so spaces alone arrive as empty): not
            // replaced by the default name, which is only for a request without the header.
            return ValueTask.FromResult<object?>(HttpHelpers.Invalid("X-Actor", "The X-Actor header is empty (or only spaces): send the name of who makes the change, or leave the header out to be recorded as 'web user'. Nothing was changed."));
        }

        if (TextLimits.ActorProblem(request.Headers["X-Actor"].ToString()) is { } actor)
        {
            return ValueTask.FromResult<object?>(HttpHelpers.Invalid("X-Actor", actor));
        }

        var declared = request.ContentType;
        if (HttpMethods.IsDelete(request.Method) && string.IsNullOrEmpty(declared) && IsEmpty(request))
        {
            // A removal needs no body: {reason?} is optional.
            return next(context);
        }

        if (MediaTypeHeaderValue.TryParse(declared, out var type)
            && type.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            && (type.Charset.Length == 0 || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        var got = string.IsNullOrEmpty(declared) ? "no Content-Type" : $"Content-Type: {declared}";
        return ValueTask.FromResult<object?>(Results.Problem(
            $"Commands take a JSON body: send it with Content-Type: {ContentType} (UTF-8); this request had {got}. Nothing was changed.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type.",
            extensions: new System.Collections.Generic.Dictionary<string, object?> { ["expectedContentType"] = ContentType }));
    }

    // No body at all: no length, or a length of 0, and no chunked transfer.
    private static bool IsEmpty(HttpRequest request) =>
        request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding"));
}
