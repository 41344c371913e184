using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Json;

/// <summary>An <see cref="Instant"/> as an ISO-8601 UTC string, for example <c>"2026-03-01T09:30:00Z"</c> (fractions of a second when present).</summary>
public sealed class InstantJsonConverter : JsonConverter<Instant>
{
    private static readonly InstantPattern Pattern = InstantPattern.ExtendedIso;

    /// <inheritdoc />
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length == 20
            && TryParseWholeSecond(reader.ValueSpan, out var fast))
        {
            return fast;
        }

        var text = Tokens.ReadString(ref reader, "An instant");
        var result = Pattern.Parse(text);
        return result.Success ? result.Value
            : throw new JsonException($"\"{Tokens.Shorten(text)}\" is not an instant: expected an ISO-8601 UTC date and time such as \"2026-03-01T09:30:00Z\".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // System.Text.Json writes a UTC DateTime as ISO-8601 with trailing zeros of the fraction trimmed: the same text
        // as the extended ISO pattern whenever the instant fits a DateTime exactly (years 1-9999, whole 100 ns ticks).
        if (value >= MinDateTime && value <= MaxDateTime && value.InUtc().NanosecondOfSecond % 100 == 0)
        {
            writer.WriteStringValue(value.ToDateTimeUtc());
        }
        else
        {
            writer.WriteStringValue(Pattern.Format(value));
        }
    }

    private static readonly Instant MinDateTime = Instant.FromUtc(1, 1, 1, 0, 0);
    private static readonly Instant MaxDateTime = Instant.FromUtc(9999, 12, 31, 23, 59, 59);

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ssZ</c>, the form almost every instant takes; anything else goes to the pattern.</summary>
    private static bool TryParseWholeSecond(ReadOnlySpan<byte> s, out Instant instant)
    {
        instant = default;
        if (s[4] != (byte)'-' || s[7] != (byte)'-' || s[10] != (byte)'T' || s[13] != (byte)':' || s[16] != (byte)':' || s[19] != (byte)'Z'
            || !LocalDateJsonConverter.TryDigits(s[..4], out var year) || !LocalDateJsonConverter.TryDigits(s.Slice(5, 2), out var month)
            || !LocalDateJsonConverter.TryDigits(s.Slice(8, 2), out var day) || !LocalDateJsonConverter.TryDigits(s.Slice(11, 2), out var hour)
            || !LocalDateJsonConverter.TryDigits(s.Slice(14, 2), out var minute) || !LocalDateJsonConverter.TryDigits(s.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        instant = Instant.FromUtc(year, month, day, hour, minute, second);
        return true;
    }
}

/// <summary>A <see cref="LocalDate"/> as an ISO-8601 date string, for example <c>"2026-03-01"</c>.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    private static readonly LocalDatePattern Pattern = LocalDatePattern.Iso;

    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadDate(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteDate(writer, value);
    }

    internal static LocalDate ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10
            && TryParseFast(reader.ValueSpan, out var fast))
        {
            return fast;
        }

        var text = Tokens.ReadString(ref reader, "A date");
        var result = Pattern.Parse(text);
        return result.Success ? result.Value
            : throw new JsonException($"\"{Tokens.Shorten(text)}\" is not a date: expected an ISO-8601 date such as \"2026-03-01\".");
    }

    internal static void WriteDate(Utf8JsonWriter writer, LocalDate value)
    {
        // yyyy-MM-dd for the years 1..9999 is the common case; NodaTime's pattern handles the rest.
        if (value.Year is >= 1 and <= 9999)
        {
            Span<byte> buffer = stackalloc byte[10];
            Digits(buffer[..4], value.Year);
            buffer[4] = (byte)'-';
            Digits(buffer.Slice(5, 2), value.Month);
            buffer[7] = (byte)'-';
            Digits(buffer.Slice(8, 2), value.Day);
            writer.WriteStringValue(buffer);
        }
        else
        {
            writer.WriteStringValue(Pattern.Format(value));
        }
    }

    private static bool TryParseFast(ReadOnlySpan<byte> s, out LocalDate date)
    {
        date = default;
        if (s[4] != (byte)'-' || s[7] != (byte)'-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    internal static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
