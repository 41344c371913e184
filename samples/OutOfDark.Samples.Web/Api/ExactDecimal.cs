using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Samples.Web.Api;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> (an observation's value, a target, a threshold) only when it fits
/// exactly: a number with more than 28 decimal places (<c>0.12345678901234567890123456789012</c>, <c>1e-40</c>) or more
/// significant digits than a decimal holds would be rounded silently, and one beyond ±79,228,162,514,264,337,593,543,950,335
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

    /// <summary>Why the JSON number <paramref name="raw"/> does not fit a decimal exactly, or <see langword="null"/> when it does.</summary>
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
        exponent -= point < 0 ? 0 : mantissa.Length - point - 1;
        var text = digits.ToString().TrimStart('0');
        if (text.Length == 0)
        {
            return null; // zero, however written
        }

        var trimmed = text.TrimEnd('0');
        exponent += text.Length - trimmed.Length;
        var shown = raw.Length <= 24 ? raw : raw[..20] + "…";
        if (exponent < -28)
        {
            return $"The number {shown} has more than 28 decimal places; a value holds at most 28 decimal places and 28 significant digits: round it. Nothing was changed.";
        }

        if (exponent > 29 || trimmed.Length + exponent > 29 || BigInteger.Parse(trimmed, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)Math.Max(exponent, 0)) > Largest)
        {
            return exponent >= 0 || trimmed.Length + exponent > 29
                ? $"The number {shown} is out of range: a value lies between -79,228,162,514,264,337,593,543,950,335 and 79,228,162,514,264,337,593,543,950,335. Nothing was changed."
                : $"The number {shown} has more significant digits than a value holds (at most 28): round it. Nothing was changed.";
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
