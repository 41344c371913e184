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
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Api;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// What a breaker sent over HTTP: ill-formed text anywhere in a body, enum members in another spelling (a number, a
/// comma list, a padded name), a refused warning note, a null warning in a bulk list. Each is a 400 naming the member,
/// never a 500, and nothing changes.
/// </summary>
public sealed class RequestBreakerTests : IDisposable
{
    private static readonly string Checkout = JourneyPath + "/activities/" + SampleIds.Activity("Checkout");
    private static readonly string Subject = "activity:" + SampleIds.Activity("Checkout");

    // Text that has no .NET string: escaped lone surrogates, a high surrogate followed by something else, bytes that are
    // not UTF-8, a surrogate encoded as UTF-8, a multi-byte sequence cut short.
    private static readonly byte[][] IllFormed =
    [
        "\\ud800"u8.ToArray(),
        "\\udc00"u8.ToArray(),
        "\\uD83Dx"u8.ToArray(),
        "\\ud800\\u0041"u8.ToArray(),
        "\\udc00\\ud800"u8.ToArray(),
        [0xFF, 0xFE],
        [0xED, 0xA0, 0x80],
        [0xC3],
        [0x80],
    ];

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public RequestBreakerTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    /// <summary>The endpoints of the finding, each with its string members.</summary>
    public enum Endpoint
    {
        /// <summary>PUT an activity.</summary>
        Change,

        /// <summary>DELETE an activity with a reason.</summary>
        Remove,

        /// <summary>Acknowledge one warning.</summary>
        Acknowledge,

        /// <summary>A bulk warning request.</summary>
        Bulk,
    }

    [Property(MaxTest = 40)]
    public async Task Ill_formed_text_in_any_member_name_or_value_is_a_400_naming_it_and_changes_nothing(Endpoint endpoint, byte member, bool inName, byte fragment, byte at)
    {
        var (method, path, members) = Body(endpoint);
        var (name, value) = members[member % members.Count];
        var bad = IllFormed[fragment % IllFormed.Length];
        var text = inName ? name : value;
        var cut = at % (text.Length + 1);
        var spoilt = Encoding.UTF8.GetBytes(text[..cut]).Concat(bad).Concat(Encoding.UTF8.GetBytes(text[cut..])).ToArray();
        var before = await ETagAsync(_client);

        using var response = await SendRawAsync(method, path, Json(members, name, spoilt, inName));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        var field = errors.EnumerateObject().Single();
        Assert.Equal(inName ? "body" : name, field.Name);
        Assert.Contains("is not valid UTF-8/UTF-16 text", field.Value[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_value_names_the_member_line_and_position()
    {
        using var response = await SendRawAsync(HttpMethod.Put, Checkout, "{\"name\":\"a\\ud800b\"}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "The text of 'name' is not valid UTF-8/UTF-16 text: a lone surrogate or a byte that is not UTF-8 at line 1, position 11. Send text encoded as UTF-8, with each \\ud800–\\udbff escape followed by a \\udc00–\\udfff one. Nothing was changed.",
            (await response.JsonAsync()).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Ill_formed_text_in_a_member_name_or_deep_in_a_list_is_filed_under_body_or_its_path()
    {
        using (var name = await SendRawAsync(HttpMethod.Put, Checkout, "{\n  \"n\\udc00ame\": \"x\"}"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
            Assert.Contains("A member name is not valid UTF-8/UTF-16 text: a lone surrogate or a byte that is not UTF-8 at line 2, position 5.", (await name.JsonAsync()).GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        }

        var body = Encoding.UTF8.GetBytes("{\"action\":\"acknowledge\",\"warnings\":[{\"rule\":\"activity.no-owner\",\"subject\":\"x").Concat(new byte[] { 0xFF }).Concat("\"}]}"u8.ToArray()).ToArray();
        using var nested = await SendRawAsync(HttpMethod.Post, JourneyPath + "/warnings/bulk", body);
        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
        Assert.Equal("warnings[0].subject", (await nested.JsonAsync()).GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Property]
    public bool Only_an_exact_name_in_any_case_reads_as_an_enum_value(int number, byte first, byte second, bool before, bool upper)
    {
        var names = Enum.GetNames<ActivityStatus>();
        var a = names[first % names.Length];
        var b = names[second % names.Length];
        var exact = EnumNames.TryParse<ActivityStatus>(upper ? a.ToUpperInvariant() : a.ToLowerInvariant(), out var value) && value == Enum.Parse<ActivityStatus>(a);
        return exact
            && !EnumNames.TryParse<ActivityStatus>(number.ToString(System.Globalization.CultureInfo.InvariantCulture), out _)
            && !EnumNames.TryParse<ActivityStatus>("\"" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"", out _)
            && !EnumNames.TryParse<ActivityStatus>(a + "," + b, out _)
            && !EnumNames.TryParse<ActivityStatus>(a + ", " + b, out _)
            && !EnumNames.TryParse<ActivityStatus>(before ? " " + a : a + " ", out _)
            && !EnumNames.TryParse<ActivityStatus>("", out _);
    }

    [Theory]
    [InlineData("PUT", "kind", "1")]
    [InlineData("PUT", "kind", "touchpoint, milestone")]
    [InlineData("PUT", "kind", " touchpoint")]
    [InlineData("PUT", "status", "2")]
    [InlineData("PUT", "status", "active,paused")]
    [InlineData("POST", "kind", "1")]
    [InlineData("POST", "kind", "milestone ")]
    [InlineData("ACK", "subject", "1:00000000-0000-0000-0000-000000000001")]
    [InlineData("ACK", "subject", "activity,phase:00000000-0000-0000-0000-000000000001")]
    [InlineData("WIDGET", "direction", "1")]
    [InlineData("WIDGET", "metricKind", "rate, count")]
    public async Task Every_enum_member_refuses_a_number_a_comma_list_or_a_padded_name_and_changes_nothing(string where, string member, string value)
    {
        var before = await ETagAsync(_client);
        using var response = where switch
        {
            "PUT" => await SendAsync(_client, HttpMethod.Put, Checkout, new Dictionary<string, string> { [member] = value }, null),
            "POST" => await SendAsync(_client, HttpMethod.Post, JourneyPath + "/activities", new Dictionary<string, string> { ["phaseId"] = SampleIds.Phase("Do").ToString(), ["name"] = "New", [member] = value }, null),
            "ACK" => await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", new { rule = "activity.no-owner", subject = value }, null),
            _ => await SendAsync(_client, HttpMethod.Post, Checkout + "/widgets", new Dictionary<string, string> { ["kind"] = "metric", ["title"] = "Rate", [member] = value }, null),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(member, out _), $"the refusal names {member}");
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_warning_note_is_filed_under_note(bool bulk)
    {
        var (open, before) = await GetAsync(_client, JourneyPath + "/warnings?state=open");
        var first = open.EnumerateArray().First();
        var rule = first.GetProperty("rule").GetString();
        var subject = first.GetProperty("subjectKind").GetString() + ":" + first.GetProperty("subjectId").GetString();
        before = await ETagAsync(_client);

        using var response = bulk
            ? await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/bulk", new { action = "acknowledge", warnings = new[] { new { rule, subject } }, note = "bell\u0007" }, null)
            : await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/acknowledge", new { rule, subject, note = "bell\u0007" }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("note", errors.EnumerateObject().Single().Name);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_null_warning_in_a_bulk_list_says_what_each_warning_is()
    {
        using var response = await SendRawAsync(HttpMethod.Post, JourneyPath + "/warnings/bulk", "{\"action\":\"acknowledge\",\"warnings\":[null]}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Each warning is {rule, subject}; this one is null.", errors.GetProperty("warnings[0]")[0].GetString());
    }

    [Theory]
    [InlineData("snooze", false, "{\"until\":\"9999-12-31T00:00:00Z\"}", "until", "A snooze ends at most 365 days from now")]
    [InlineData("snooze", false, "{\"days\":400}", "days", "Snooze for 1 to 365 days; 400 is outside that.")]
    [InlineData("snooze", false, "{\"days\":7,\"until\":\"2030-01-01T00:00:00Z\"}", "until", "Give one of until or days, not both.")]
    [InlineData("acknowledge", false, "{\"days\":7}", "days", "'days' applies to snooze only, not to acknowledge; leave it out.")]
    [InlineData("resolve", false, "{\"until\":\"2030-01-01T00:00:00Z\"}", "until", "'until' applies to snooze only, not to resolve; leave it out.")]
    [InlineData("snooze", true, "{\"until\":\"9999-12-31T00:00:00Z\"}", "until", "A snooze ends at most 365 days from now")]
    [InlineData("reopen", true, "{\"days\":1}", "days", "'days' applies to snooze only, not to reopen; leave it out.")]
    public async Task Snooze_members_are_checked_each_under_its_own_name_and_refused_where_they_do_not_apply(string action, bool bulk, string extra, string field, string message)
    {
        var (open, _) = await GetAsync(_client, JourneyPath + "/warnings?state=open");
        var first = open.EnumerateArray().First();
        var item = $"\"rule\":\"{first.GetProperty("rule").GetString()}\",\"subject\":\"{first.GetProperty("subjectKind").GetString()}:{first.GetProperty("subjectId").GetString()}\"";
        var members = extra[1..^1];
        var body = bulk
            ? $"{{\"action\":\"{action}\",\"warnings\":[{{{item}}}],{members}}}"
            : $"{{{item},{members}}}";
        var before = await ETagAsync(_client);

        using var response = await SendRawAsync(HttpMethod.Post, JourneyPath + "/warnings/" + (bulk ? "bulk" : action), Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(field, errors.EnumerateObject().Single().Name);
        Assert.StartsWith(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Fact]
    public async Task X_actor_given_twice_is_refused_not_joined()
    {
        var before = await ETagAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Put, Checkout) { Content = new StringContent("{\"name\":\"Checkout\"}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("X-Actor", ["Ana", "Ben"]);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("give X-Actor once", (await response.JsonAsync()).GetProperty("errors").GetProperty("X-Actor")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Theory]
    [InlineData("tz=Europe/Berlin&tz=UTC", "tz")]
    [InlineData("culture=de-DE&culture=en", "culture")]
    public async Task A_report_parameter_given_twice_is_refused_naming_it(string query, string field)
    {
        using var response = await _client.GetAsync(JourneyPath + "/export/report?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"'{field}' takes one value but was given 2; give it once.", (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString());
    }

    private static (HttpMethod Method, string Path, List<(string Name, string Value)> Members) Body(Endpoint endpoint) => endpoint switch
    {
        Endpoint.Change => (HttpMethod.Put, Checkout, [("name", "Checkout"), ("owner", "Ops"), ("description", "Pay and confirm")]),
        Endpoint.Remove => (HttpMethod.Delete, Checkout, [("reason", "no longer offered")]),
        Endpoint.Acknowledge => (HttpMethod.Post, JourneyPath + "/warnings/acknowledge", [("rule", "activity.no-owner"), ("subject", Subject), ("note", "seen")]),
        _ => (HttpMethod.Post, JourneyPath + "/warnings/bulk", [("action", "acknowledge"), ("note", "seen")]),
    };

    // The members as a JSON object, with the spoilt text (raw bytes) as the chosen member's name or value.
    private static byte[] Json(List<(string Name, string Value)> members, string chosen, byte[] spoilt, bool inName)
    {
        var bytes = new List<byte>();
        bytes.AddRange("{"u8.ToArray());
        var first = true;
        foreach (var (name, value) in members)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(first ? "\"" : ",\""));
            first = false;
            bytes.AddRange(name == chosen && inName ? spoilt : Encoding.UTF8.GetBytes(name));
            bytes.AddRange("\":\""u8.ToArray());
            bytes.AddRange(name == chosen && !inName ? spoilt : Encoding.UTF8.GetBytes(value));
            bytes.AddRange("\""u8.ToArray());
        }

        bytes.AddRange("}"u8.ToArray());
        return [.. bytes];
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, byte[] body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _client.SendAsync(request);
    }
}
