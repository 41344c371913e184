using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OutOfDark.Samples.OnlineStore;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>What a command request must be: JSON, from the host's own origin (or not from a browser), within the size limit.</summary>
public sealed class CommandRequestTests : IDisposable
{
    private static readonly string AddActivityJson = $$"""{"phaseId":"{{SampleIds.Phase("See")}}","name":"Injected"}""";

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public CommandRequestTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Every_command_route_answers_415_naming_application_json_to_a_text_plain_body()
    {
        var routes = _factory.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern)))
            .Where(r => r.Method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE"))
            .ToList();
        Assert.True(routes.Count >= 5, $"expected the sample's command routes, found {routes.Count}");
        var version = await ETagAsync(_client);

        foreach (var (method, pattern) in routes)
        {
            var path = "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "journeyId" } => OnlineStoreJourney.Id.ToString(),
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "action" } => "acknowledge",
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "activityId" } => SampleIds.Activity("Checkout").ToString(),
                _ => Guid.NewGuid().ToString(),
            }))));
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(AddActivityJson, Encoding.UTF8, "text/plain") };

            using var response = await _client.SendAsync(request);

            Assert.True(HttpStatusCode.UnsupportedMediaType == response.StatusCode, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.JsonAsync();
            Assert.Equal("Commands take a JSON body: send it with Content-Type: application/json (UTF-8); this request had Content-Type: text/plain; charset=utf-8. Nothing was changed.", problem.GetProperty("detail").GetString());
            Assert.Equal("application/json", problem.GetProperty("expectedContentType").GetString());
        }

        Assert.Equal(version, await ETagAsync(_client));
    }

    /// <summary>Content types a command is refused with: other media types with any charset, JSON in another charset, or none (null).</summary>
    public static class RefusedContentTypes
    {
        public static Arbitrary<string> ContentTypes()
        {
            var mediaTypes = Gen.Elements(
                "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/ld+json",
                "application/problem+json", "application/jsonp", "application/json-seq", "text/html", "application/xml", "application/octet-stream");
            var charsets = Gen.Elements("", "; charset=utf-8", "; charset=iso-8859-1", "; charset=utf-16");
            return Gen.OneOf(
                from type in mediaTypes from charset in charsets select type + charset,
                Gen.Elements("application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/json; charset=us-ascii"),
                Gen.Constant((string?)null!)).ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(RefusedContentTypes) }, MaxTest = 60)]
    public async Task Any_content_type_but_json_in_utf8_is_refused_and_changes_nothing(string? contentType)
    {
        var version = await ETagAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/activities") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(AddActivityJson)) };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Content-Type: application/json", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(version, await ETagAsync(_client));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task Json_in_utf8_is_accepted_however_the_header_is_spelled(string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/activities") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(AddActivityJson)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-site", "Sec-Fetch-Site: same-site")]
    [InlineData("Sec-Fetch-Site", "cross-site", "Sec-Fetch-Site: cross-site")]
    [InlineData("Origin", "http://127.0.0.1:9999", "Origin: http://127.0.0.1:9999")]
    [InlineData("Origin", "null", "Origin: null")]
    public async Task A_json_command_a_browser_sends_for_another_site_is_refused_with_403(string header, string value, string named)
    {
        var version = await ETagAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/activities") { Content = new StringContent(AddActivityJson, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Cross-site request refused.", problem.GetProperty("title").GetString());
        Assert.Equal($"This host changes journeys only for pages of its own origin (http://localhost) and for callers that are not browsers; this request came from another site ({named}). Nothing was changed.", problem.GetProperty("detail").GetString());
        Assert.Equal(version, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_json_command_from_the_hosts_own_page_is_accepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/activities") { Content = new StringContent(AddActivityJson, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        request.Headers.TryAddWithoutValidation("Origin", "http://localhost");

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_preflight_from_another_origin_gets_no_cors_permission()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, JourneyPath + "/activities");
        request.Headers.TryAddWithoutValidation("Origin", "http://127.0.0.1:9999");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "content-type");

        using var response = await _client.SendAsync(request);

        Assert.False(response.IsSuccessStatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_answers_413_with_problem_details_and_changes_nothing()
    {
        await using var sample = new KestrelWebSample(new Dictionary<string, string?> { ["OutOfDark:MaxRequestBodySize"] = "4096" });
        using var client = sample.CreateClient();
        var version = await ETagAsync(client);
        var name = new string('x', 64 * 1024);
        var body = $$"""{"phaseId":"{{SampleIds.Phase("See")}}","name":"{{name}}"}""";

        foreach (var chunked in new[] { false, true })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, JourneyPath + "/activities") { Content = content };
            request.Headers.TransferEncodingChunked = chunked;

            using var response = await client.SendAsync(request);

            Assert.True(HttpStatusCode.RequestEntityTooLarge == response.StatusCode, $"chunked: {chunked}, {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = await response.JsonAsync();
            Assert.Equal(413, problem.GetProperty("status").GetInt32());
            Assert.Equal("The request body is larger than this server accepts (4,096 bytes); send a smaller body. Nothing was changed.", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(version, await ETagAsync(client));
    }

    [Fact]
    public async Task A_body_the_server_cannot_read_answers_with_its_own_status_and_problem_details_not_500()
    {
        await using var sample = new KestrelWebSample();
        using var client = sample.CreateClient();
        var version = await ETagAsync(client);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(sample.BaseAddress.Host, sample.BaseAddress.Port);
        var stream = tcp.GetStream();
        // "zz" is not a chunk size: the server finds the body malformed while the command reads it.
        var request = $"POST {JourneyPath}/activities HTTP/1.1\r\nHost: {sample.BaseAddress.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{{}}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new System.IO.StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 400 ", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(version, await ETagAsync(client));
    }
}
