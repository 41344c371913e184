using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Refuses a state-changing request (any method but GET, HEAD, OPTIONS and TRACE) that a browser sent on behalf of a
/// page of another origin: 403 with problem details, before anything reads the body.
/// </summary>
/// <remarks>
/// A browser says where a request comes from: <c>Sec-Fetch-Site</c> (anything but <c>same-origin</c> is refused; a page
/// on another port of the same host is <c>same-site</c>, and refused too) and <c>Origin</c> (refused unless it is this
/// host's own scheme, host and port, as the request's <c>Host</c> header names them). Callers that are not browsers
/// (curl, a server-side client) send neither header and are let through. This is the second of two defences: command
/// routes also take only <c>application/json</c>, which a cross-origin page can send only after a CORS preflight, and
/// the host answers no preflight.
/// </remarks>
internal sealed class CrossSiteGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return next(context);
        }

        var own = request.Scheme + "://" + request.Host.Value;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return RefuseAsync(context, own, $"Sec-Fetch-Site: {site}" + (origin.Length > 0 ? $", Origin: {origin}" : ""));
        }

        if (origin.Length > 0 && !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase))
        {
            return RefuseAsync(context, own, $"Origin: {origin}");
        }

        return next(context);
    }

    private static Task RefuseAsync(HttpContext context, string own, string from) =>
        Results.Problem(
            $"This host changes journeys only for pages of its own origin ({own}) and for callers that are not browsers; this request came from another site ({from}). Nothing was changed.",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Cross-site request refused.").ExecuteAsync(context);
}
