using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> (an observation's value, a target, a threshold) only when it fits
/// exactly as written (see <see cref="Problem"/>): a number with more than 28 decimal places, trailing zeros included
/// (<c>0.12345678901234567890123456789012</c>, <c>1e-40</c>, <c>1.</c> and 30 zeros), or more digits than a decimal
/// holds would be rounded or trimmed silently, and one beyond ±79,228,162,514,264,337,593,543,950,335
/// (<c>1e30</c>) cannot be held at all. Each is a 400 under the member saying which; nothing is changed. Text, lists and
/// other non-numbers keep the reader's "not of the expected type" answer.
/// </summary>
internal sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    private static readonly BigInteger Largest = new(decimal.MaxValue);

    /// <inheritdoc />
    /// <exception cref="NumberNotExactException">The number does not fit a decimal exactly.</exception>
    /// <exception cref="JsonException">The token is not a number.</exception>
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            // No message: the serializer adds the path and its own wording, as for any other wrong type.
            throw new JsonException();
        }

        var raw = Encoding.ASCII.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        if (Problem(raw) is { } problem)
        {
            throw new NumberNotExactException(problem);
        }

        return decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>
    /// Why the JSON number <paramref name="raw"/> does not fit a decimal exactly as written, or <see langword="null"/>
    /// when it does. As written means its digits, trailing zeros included, are what a decimal keeps (a decimal keeps
    /// <c>1.50</c> as 1.50): the decimal places (those after the point, less the exponent) are at most 28, and the
    /// digits read as a whole number without the point are at most 79,228,162,514,264,337,593,543,950,335 (so 28
    /// significant digits always fit, and 29 fit while they stay below that). Otherwise: more than 28 decimal places
    /// (<c>1e-29</c>, <c>1.</c> and 30 zeros), more digits than a value holds (<c>12.3456789012345678901234567891</c>),
    /// or, for a number whose whole part is beyond ±79,228,162,514,264,337,593,543,950,335, out of range.
    /// </summary>
    /// <param name="raw">A JSON number as sent: <c>-12.5e3</c>.</param>
    /// <returns>The sentence, or <see langword="null"/>.</returns>
    public static string? Problem(string raw)
    {
        // raw is a valid JSON number: -?int(.frac)?([eE][+-]?digits)?
        var e = raw.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? raw : raw[..e];
        var exponent = 0L;
        if (e >= 0 && !long.TryParse(raw.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            exponent = raw[e + 1] == '-' ? long.MinValue / 2 : long.MaxValue / 2;
        }

        var digits = new StringBuilder(mantissa.Length);
        foreach (var c in mantissa)
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
        }

        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var places = (point < 0 ? 0 : mantissa.Length - point - 1) - exponent;
        var text = digits.ToString().TrimStart('0');
        var shown = raw.Length <= 24 ? raw : raw[..20] + "…";
        if (places > 28)
        {
            return $"The number {shown} has more than 28 decimal places (trailing zeros count: a value keeps them as written); a value holds at most 28 decimal places: round it. Nothing was changed.";
        }

        if (text.Length == 0)
        {
            return null; // zero, with at most 28 places
        }

        // Whole part beyond the largest value: out of range, however many places follow.
        var magnitude = text.Length - places; // digits before the point (≤ 0 when the number is below 1)
        var wholeTooLarge = magnitude > 29
            || (magnitude > 0 && BigInteger.Parse(text.Length >= magnitude ? text[..(int)magnitude] : text + new string('0', (int)(magnitude - text.Length)), CultureInfo.InvariantCulture) > Largest);
        if (wholeTooLarge)
        {
            return $"The number {shown} is out of range: a value lies between -79,228,162,514,264,337,593,543,950,335 and 79,228,162,514,264,337,593,543,950,335. Nothing was changed.";
        }

        // The digits a decimal must keep: all of them, with zeros for a negative number of places (1e3 is 1000).
        var written = places >= 0 ? text : text + new string('0', (int)-places);
        if (written.Length > 29 || BigInteger.Parse(written, CultureInfo.InvariantCulture) > Largest)
        {
            return $"The number {shown} has more digits than a value holds: read without its point (trailing zeros included), they must not exceed 79,228,162,514,264,337,593,543,950,335, so at most 28 or 29 digits: round it. Nothing was changed.";
        }

        return null;
    }
}

/// <summary>A JSON number that a <see cref="decimal"/> cannot hold exactly; its message says why and what to do.</summary>
internal sealed class NumberNotExactException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The sentence for the person who sent the number.</param>
    public NumberNotExactException(string message)
        : base(message)
    {
    }
}
