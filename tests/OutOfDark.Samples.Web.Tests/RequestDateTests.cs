using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using OutOfDark.Samples.OnlineStore;
using OutOfDark.Samples.Web.Api;
using Xunit;
using static OutOfDark.Samples.Web.Tests.ApiClient;

namespace OutOfDark.Samples.Web.Tests;

/// <summary>
/// Dates and instants in requests are read whole (RequestDates): a control character anywhere is refused naming it
/// (NodaTime's patterns stop at U+0000), a sign or a year 0000 is not an ISO date, an RFC 3339 offset is taken as its
/// instant; and exact decimals (ExactDecimalConverter) keep every digit as written or are refused.
/// </summary>
public sealed class RequestDateTests : IDisposable
{
    private static readonly string Observations = $"{JourneyPath}/widgets/{SampleIds.Widget("Payment", "Payment failures")}/observations";
    private static readonly string CheckoutWidgets = $"{JourneyPath}/activities/{SampleIds.Activity("Checkout")}/widgets";
    private static readonly string SupportCall = "metric:" + SampleIds.Widget("Support call", "Average wait");

    private readonly WebSampleFactory _factory = new();
    private readonly HttpClient _client;

    public RequestDateTests() => _client = _factory.CreateClient();

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    /// <summary>The members of the finding that carry a date or an instant.</summary>
    public enum DateMember
    {
        /// <summary>An observation's date.</summary>
        ObservationDate,

        /// <summary>A new feedback widget's entries[0].date.</summary>
        FeedbackEntryDate,

        /// <summary>A snooze's until.</summary>
        SnoozeUntil,
    }

    [Property(MaxTest = 300)]
    public bool A_control_character_anywhere_in_a_date_or_instant_is_refused_naming_it_and_its_position(bool instant, byte which, byte at)
    {
        var text = instant ? "2026-04-10T00:00:00Z" : "2024-06-02";
        var control = Control(which);
        var cut = at % (text.Length + 1);
        var errors = new Dictionary<string, string[]>();

        var read = instant
            ? RequestDates.Instant(text[..cut] + control + text[cut..], "until", errors) is not null
            : RequestDates.Date(text[..cut] + control + text[cut..], "date", errors) is not null;

        var message = errors.Single().Value.Single();
        return !read && message.Contains(string.Create(CultureInfo.InvariantCulture, $"U+{(int)control:X4} at position {cut + 1};"), StringComparison.Ordinal);
    }

    [Property(MaxTest = 24)]
    public async Task A_control_character_in_any_date_member_is_a_400_under_it_and_changes_nothing(DateMember member, byte which, byte at)
    {
        var text = member == DateMember.SnoozeUntil ? "2026-04-10T00:00:00Z" : "2024-06-02";
        var control = Control(which);
        var cut = at % (text.Length + 1);
        var sent = text[..cut] + control + text[cut..];
        var before = await ETagAsync(_client);
        var (path, body, field) = member switch
        {
            DateMember.ObservationDate => (Observations, (object)new { date = sent, value = 7 }, "date"),
            DateMember.FeedbackEntryDate => (CheckoutWidgets, new { kind = "feedback", title = "Said", entries = new[] { new { source = "Ana", quote = "Slow", sentiment = "negative", date = sent } } }, "entries[0].date"),
            _ => (JourneyPath + "/warnings/snooze", new { rule = "metric.threshold", subject = SupportCall, until = sent }, "until"),
        };

        using var response = await SendAsync(_client, HttpMethod.Post, path, body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"U+{(int)control:X4} at position {cut + 1}"), message, StringComparison.Ordinal);
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Theory]
    [InlineData("-2026-04-05")]
    [InlineData("-0001-01-01")]
    [InlineData("0000-01-01")]
    [InlineData("+2026-04-05")]
    [InlineData("2026-4-5")]
    [InlineData("2026-02-30")]
    [InlineData("20260405")]
    public async Task A_text_that_is_not_exactly_an_iso_date_of_years_1_to_9999_is_quoted_as_sent(string date)
    {
        using var response = await SendAsync(_client, HttpMethod.Post, Observations, new { date, value = 3 }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The date must be an ISO date such as 2026-04-05 (years 0001 to 9999); got '{date}'.", (await response.JsonAsync()).GetProperty("errors").GetProperty("date")[0].GetString());
    }

    [Theory]
    [InlineData("1800-01-01")]
    [InlineData("2999-04-01")]
    [InlineData("2026-04-07")]
    public async Task A_feedback_entry_dated_outside_1900_to_tomorrow_is_refused_with_the_observations_range(string date)
    {
        var before = await ETagAsync(_client);
        var body = new { kind = "feedback", title = "Said", entries = new[] { new { source = "Ana", quote = "Slow", sentiment = "negative", date } } };

        using var response = await SendAsync(_client, HttpMethod.Post, CheckoutWidgets, body, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The date {date} is outside the range feedback entries take: from 1900-01-01 to 2026-04-06 (tomorrow in UTC, for time zones ahead of it). Date an entry on the day it was said.", (await response.JsonAsync()).GetProperty("errors").GetProperty("entries[0].date")[0].GetString());
        Assert.Equal(before, await ETagAsync(_client));
    }

    [Fact]
    public async Task A_feedback_entry_added_later_takes_the_same_range()
    {
        var body = new { kind = "feedback", title = "Said", entries = new[] { new { source = "Ana", quote = "Slow", sentiment = "negative", date = "2026-04-06" } } };
        using var added = await SendAsync(_client, HttpMethod.Post, CheckoutWidgets, body, null);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var (detail, _) = await GetAsync(_client, $"{JourneyPath}/activities/{SampleIds.Activity("Checkout")}");
        var id = detail.GetProperty("widgets").EnumerateArray().Single(w => w.GetProperty("title").GetString() == "Said").GetProperty("id").GetString();

        using var response = await SendAsync(_client, HttpMethod.Put, $"{JourneyPath}/widgets/{id}", new { addEntry = new { source = "Ben", quote = "Fine", sentiment = "positive", date = "1899-12-31" } }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The date 1899-12-31 is outside the range feedback entries take", (await response.JsonAsync()).GetProperty("errors").GetProperty("addEntry.date")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snooze_until_an_instant_with_an_offset_ends_at_that_instant()
    {
        var body = new { rule = "metric.threshold", subject = SupportCall, until = "2026-04-10T00:00:00+02:00" };

        using var response = await SendAsync(_client, HttpMethod.Post, JourneyPath + "/warnings/snooze", body, await ETagAsync(_client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (snoozed, _) = await GetAsync(_client, JourneyPath + "/warnings?state=snoozed");
        Assert.Equal("2026-04-09T22:00:00Z", Assert.Single(snoozed.EnumerateArray()).GetProperty("snoozedUntil").GetString());
    }

    [Theory]
    [InlineData("2026-04-10T00:00:00+02:00", "2026-04-09T22:00:00Z")]
    [InlineData("2026-04-10T00:00:00-05:30", "2026-04-10T05:30:00Z")]
    [InlineData("2026-04-10T09:00:00.123456789Z", "2026-04-10T09:00:00.123456789Z")]
    public void An_rfc_3339_instant_reads_as_its_instant(string text, string utc)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(utc, Mapping.Text(RequestDates.Instant(text, "until", errors)!.Value));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("2026-04-10")]
    [InlineData("2026-04-10T00:00Z")]
    [InlineData("2026-04-10 00:00:00Z")]
    [InlineData("2026-04-10T00:00:00")]
    [InlineData("-2026-04-10T00:00:00Z")]
    [InlineData("0000-04-10T00:00:00Z")]
    public void A_text_that_is_not_exactly_an_instant_is_refused_quoting_it(string text)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(RequestDates.Instant(text, "until", errors));
        Assert.Equal($"The time must be an ISO instant such as 2026-04-12T09:00:00Z or 2026-04-12T11:00:00+02:00 (years 0001 to 9999); got '{text}'.", errors["until"].Single());
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001", true)]
    [InlineData("0.00000000000000000000000000001", false)]
    [InlineData("0.00000000000000000000000000010", false)]
    [InlineData("1.0000000000000000000000000000", true)]
    [InlineData("1.000000000000000000000000000000", false)]
    [InlineData("50.00000000000000000000000000000000000000000", false)]
    [InlineData("0.000000000000000000000000000000", false)]
    [InlineData("1234567890123456789012345678", true)]
    [InlineData("12.345678901234567890123456789", true)]
    [InlineData("98.765432109876543210987654321", false)]
    [InlineData("7.9e28", true)]
    [InlineData("7.9228162514264337593543950335e28", true)]
    [InlineData("7.9228162514264337593543950336e28", false)]
    [InlineData("79228162514264337593543950335", true)]
    [InlineData("-79228162514264337593543950335", true)]
    [InlineData("79228162514264337593543950336", false)]
    [InlineData("79228162514264337593543950335.0", false)]
    [InlineData("1e-28", true)]
    [InlineData("1e-29", false)]
    [InlineData("1.0e-27", true)]
    [InlineData("1.00e-27", false)]
    public void A_number_is_taken_only_when_a_decimal_keeps_every_digit_as_written(string raw, bool taken)
    {
        Assert.Equal(taken, ExactDecimalConverter.Problem(raw) is null);
    }

    [Property(MaxTest = 500)]
    public bool A_plain_number_is_taken_exactly_when_a_decimal_writes_it_back_unchanged(decimal value, byte[] more)
    {
        var start = value.ToString(CultureInfo.InvariantCulture);
        var extra = new string(more.Take(40).Select(b => (char)('0' + (b % 10))).ToArray());
        var raw = extra.Length == 0 ? start : (start.Contains('.', StringComparison.Ordinal) ? start : start + ".") + extra;
        string? back;
        try
        {
            back = decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            back = null;
        }

        return (ExactDecimalConverter.Problem(raw) is null) == (back == raw);
    }

    // A control character: C0, DEL or C1.
    private static char Control(byte which) => which % 65 is var i && i < 32 ? (char)i : (char)(0x7F + (i - 32));
}
