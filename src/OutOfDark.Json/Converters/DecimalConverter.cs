using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutOfDark.Json;

/// <summary>
/// Reads a JSON number as a <see cref="decimal"/> exactly, or refuses it: System.Text.Json's own reading rounds digits
/// beyond 28–29 and turns <c>1e-29</c> into 0.
/// </summary>
internal sealed class DecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadExact(ref reader, "The value");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);

    /// <summary>Reads the number the reader stands on, refusing anything a decimal cannot hold exactly.</summary>
    /// <exception cref="JsonException">The token is not a number, or not one a decimal holds exactly.</exception>
    public static decimal ReadExact(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"{what} must be a number; found {Tokens.Describe(reader.TokenType)}.");
        }

        // Fast path: up to 29 characters without an exponent is at most 28 decimal places and 29 digits, which a
        // decimal in range holds exactly; only longer numbers and exponents need the digit-by-digit comparison.
        if (!reader.HasValueSequence && reader.ValueSpan.Length <= 29 && reader.ValueSpan.IndexOfAny((byte)'e', (byte)'E') < 0)
        {
            if (reader.TryGetDecimal(out var quick))
            {
                return quick;
            }
        }

        var raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        if (reader.TryGetDecimal(out var value) && IsExact(raw, value))
        {
            return value;
        }

        var text = Encoding.ASCII.GetString(raw);
        throw new JsonException($"{what} {Tokens.Shorten(text)} cannot be held exactly by a decimal, which keeps at most 28 significant digits, 28 decimal places and magnitudes up to 79228162514264337593543950335; write a number within those limits (it is never rounded).");
    }

    /// <summary>Whether <paramref name="value"/> is the number written in <paramref name="json"/> (a valid JSON number).</summary>
    internal static bool IsExact(ReadOnlySpan<byte> json, decimal value)
    {
        var digits = new StringBuilder();
        long exponent = 0;
        var i = 0;
        if (i < json.Length && json[i] == '-')
        {
            i++;
        }

        for (; i < json.Length && json[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            digits.Append((char)json[i]);
        }

        if (i < json.Length && json[i] == '.')
        {
            for (i++; i < json.Length && json[i] is >= (byte)'0' and <= (byte)'9'; i++)
            {
                digits.Append((char)json[i]);
                exponent--;
            }
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            var negative = i < json.Length && json[i] == '-';
            if (i < json.Length && json[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            long e = 0;
            for (; i < json.Length; i++)
            {
                // Past 10^6 only zero could be exact; saturate rather than overflow.
                e = Math.Min((e * 10) + (json[i] - '0'), 1_000_000);
            }

            exponent += negative ? -e : e;
        }

        var (writtenDigits, writtenExponent) = Normalize(digits.ToString().TrimStart('0'), exponent);
        var bits = decimal.GetBits(value);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        var (heldDigits, heldExponent) = Normalize(mantissa == 0 ? "" : mantissa.ToString(CultureInfo.InvariantCulture), -scale);
        return writtenDigits == heldDigits && (writtenDigits.Length == 0 || writtenExponent == heldExponent);
    }

    private static (string Digits, long Exponent) Normalize(string digits, long exponent)
    {
        var trimmed = digits.TrimEnd('0');
        return (trimmed, exponent + (digits.Length - trimmed.Length));
    }
}
