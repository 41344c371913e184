using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Dates and instants read from a request (an observation's <c>date</c>, a feedback entry's <c>date</c>, a snooze's
/// <c>until</c>), read whole and strictly: the text must be exactly an ISO date (<c>2026-04-05</c>) or an RFC 3339
/// instant (<c>2026-04-10T09:00:00Z</c>, <c>2026-04-10T00:00:00+02:00</c>, seconds with up to nine decimals), years
/// 0001 to 9999, and nothing else: no sign, no space, no control or invisible character anywhere (such a character is named; a plain space is quoted with the text) (NodaTime's own
/// patterns stop at U+0000, so <c>"2024-06-02\u0000x"</c> would otherwise read as 2024-06-02). A problem adds one error
/// under the member's JSON path and gives <see langword="null"/>; the error names a control or invisible character by
/// its code point and its position in characters (Unicode scalar values, counted from 1), and otherwise quotes the text
/// as sent.
/// </summary>
internal static partial class RequestDates
{
    /// <summary>The longest text quoted back in a message, in UTF-16 units; a longer one is cut and ends with "…".</summary>
    private const int Quoted = 40;

    /// <summary>Reads an ISO calendar date, <c>yyyy-MM-dd</c>, years 0001 to 9999.</summary>
    /// <param name="text">The member's text as sent; <see langword="null"/> or empty is refused as missing.</param>
    /// <param name="field">The member's JSON path for the error (<c>date</c>, <c>entries[0].date</c>).</param>
    /// <param name="errors">Where a problem is added under <paramref name="field"/>.</param>
    /// <returns>The date, or <see langword="null"/> after adding an error.</returns>
    public static LocalDate? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        const string Expected = "The date must be an ISO date such as 2026-04-05 (years 0001 to 9999)";
        if (Problem(text, Expected) is { } problem)
        {
            errors[field] = [problem];
            return null;
        }

        if (!IsoDate().IsMatch(text!) || LocalDatePattern.Iso.Parse(text!) is not { Success: true } parsed || parsed.Value.Year < 1)
        {
            errors[field] = [$"{Expected}; got '{Quote(text!)}'."];
            return null;
        }

        return parsed.Value;
    }

    /// <summary>
    /// Reads an RFC 3339 instant: <c>yyyy-MM-ddTHH:mm:ss</c>, optionally a fraction of up to nine digits, then <c>Z</c>
    /// or an offset <c>±HH:mm</c> (the instant is that local time minus the offset: <c>2026-04-10T00:00:00+02:00</c> is
    /// 2026-04-09T22:00:00Z); years 0001 to 9999.
    /// </summary>
    /// <param name="text">The member's text as sent; <see langword="null"/> or empty is refused as missing.</param>
    /// <param name="field">The member's JSON path for the error (<c>until</c>).</param>
    /// <param name="errors">Where a problem is added under <paramref name="field"/>.</param>
    /// <returns>The instant, or <see langword="null"/> after adding an error.</returns>
    public static Instant? Instant(string? text, string field, Dictionary<string, string[]> errors)
    {
        const string Expected = "The time must be an ISO instant such as 2026-04-12T09:00:00Z or 2026-04-12T11:00:00+02:00 (years 0001 to 9999)";
        if (Problem(text, Expected) is { } problem)
        {
            errors[field] = [problem];
            return null;
        }

        if (!IsoInstant().IsMatch(text!) || OffsetDateTimePattern.ExtendedIso.Parse(text!) is not { Success: true } parsed || parsed.Value.Year < 1)
        {
            errors[field] = [$"{Expected}; got '{Quote(text!)}'."];
            return null;
        }

        return parsed.Value.ToInstant();
    }

    // Missing text, or a character no date holds that a quote would hide: named by code point and position.
    private static string? Problem(string? text, string expected)
    {
        if (string.IsNullOrEmpty(text))
        {
            return $"{expected}; it is missing.";
        }

        var position = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            position++;
            if (Rune.IsControl(rune) || (rune.Value != ' ' && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{expected}, with nothing else: it holds the character U+{rune.Value:X4} at position {position}; remove it. Nothing was changed.");
            }
        }

        return null;
    }

    private static string Quote(string text) =>
        text.Length <= Quoted ? text : text[..(char.IsHighSurrogate(text[Quoted - 1]) ? Quoted - 1 : Quoted)] + "…";

    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\A[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();
}
