using System;
using System.Globalization;
using System.Text;

namespace OutOfDark.Rendering;

/// <summary>
/// How a CSV file separates its fields and writes its numbers. The caller states it; nothing is detected from the file,
/// so a file in another format gives row errors instead of other numbers.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> is comma separated with a decimal point and no thousands separators (<c>1234.5</c>), as
/// spreadsheets write in English locales. <see cref="European"/> is semicolon separated with a decimal comma
/// (<c>1234,5</c>), as Excel writes in German, French and most other European locales.
/// </para>
/// <para>
/// Import reads a number exactly or refuses the row: an optional sign, digits, optionally the
/// <see cref="DecimalSeparator"/> and more digits; no exponent, no currency or percent sign, no spaces inside. Thousands
/// separators are read only when <see cref="GroupSeparator"/> is set, and then only in groups of exactly three digits
/// (<c>1.234.567,5</c>). A value with more digits than <see cref="decimal"/> holds (28–29 significant digits) is refused,
/// never rounded. Export writes numbers with the <see cref="DecimalSeparator"/> and never with group separators, so any
/// format reads back what it wrote. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record CsvFormat
{
    private readonly char _delimiter = ',';
    private readonly char _decimalSeparator = '.';
    private readonly char? _groupSeparator;

    /// <summary>Comma separated, decimal point, no thousands separators: <c>id,value</c> / <c>…,1234.5</c>.</summary>
    public static CsvFormat Default { get; } = new();

    /// <summary>Semicolon separated, decimal comma, no thousands separators: <c>id;value</c> / <c>…;1234,5</c>.</summary>
    public static CsvFormat European { get; } = new() { Delimiter = ';', DecimalSeparator = ',' };

    /// <summary>The field separator: a tab or a visible ASCII character other than a letter, a digit or a quote. Defaults to <c>,</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The character cannot separate fields.</exception>
    public char Delimiter
    {
        get => _delimiter;
        init => _delimiter = value == '\t' || (value is > ' ' and < '\u007F' and not '"' && !char.IsLetterOrDigit(value))
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Delimiter), value, "The delimiter must be a tab or a visible ASCII character other than a letter, a digit or a quote, such as ',' ';' or '|'.");
    }

    /// <summary>The character between the whole and the fractional digits of a number: <c>.</c> (the default) or <c>,</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The character is neither <c>.</c> nor <c>,</c>.</exception>
    public char DecimalSeparator
    {
        get => _decimalSeparator;
        init => _decimalSeparator = value is '.' or ','
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DecimalSeparator), value, "The decimal separator must be '.' or ','.");
    }

    /// <summary>
    /// The thousands separator import accepts between groups of three digits (<c>.</c>, <c>,</c>, <c>'</c>, a space or a
    /// no-break space), or <see langword="null"/> (the default) to refuse any thousands separator. Export never writes one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The character is not one of those listed.</exception>
    public char? GroupSeparator
    {
        get => _groupSeparator;
        init => _groupSeparator = value is null or '.' or ',' or '\'' or ' ' or '\u00A0' or '\u202F'
            ? value
            : throw new ArgumentOutOfRangeException(nameof(GroupSeparator), value, "The thousands separator must be '.', ',', an apostrophe, a space or a no-break space, or null for none.");
    }

    /// <summary>Checks that the three characters can be told apart.</summary>
    /// <exception cref="ArgumentException">The decimal or thousands separator equals another separator of the format.</exception>
    internal void Check()
    {
        if (GroupSeparator == DecimalSeparator)
        {
            throw new ArgumentException($"The thousands separator and the decimal separator are both '{DecimalSeparator}'; they must differ.", "format");
        }

        if (Delimiter == DecimalSeparator || Delimiter == GroupSeparator)
        {
            throw new ArgumentException($"The delimiter '{Delimiter}' is also a separator inside numbers; numbers would then have to be quoted, so pick another delimiter or number format.", "format");
        }
    }

    /// <summary>Writes <paramref name="value"/> with its own digits and scale and the <see cref="DecimalSeparator"/>.</summary>
    internal string Format(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return DecimalSeparator == '.' ? text : text.Replace('.', DecimalSeparator);
    }

    /// <summary>Reads a number exactly as written, or returns <see langword="false"/> with what is wrong.</summary>
    internal bool TryParse(string text, out decimal value, out string problem)
    {
        value = 0;
        var invariant = new StringBuilder(text.Length);
        var i = 0;
        if (i < text.Length && text[i] is '-' or '+')
        {
            if (text[i] == '-')
            {
                invariant.Append('-');
            }

            i++;
        }

        var wholeStart = i;
        var digitsInGroup = 0;
        var grouped = false;
        while (i < text.Length && text[i] != DecimalSeparator)
        {
            var c = text[i];
            if (c is >= '0' and <= '9')
            {
                invariant.Append(c);
                digitsInGroup++;
            }
            else if (GroupSeparator is { } group && c == group)
            {
                if ((grouped && digitsInGroup != 3) || (!grouped && digitsInGroup is < 1 or > 3))
                {
                    problem = $"its thousands separators '{group}' do not split it into groups of three digits";
                    return false;
                }

                grouped = true;
                digitsInGroup = 0;
            }
            else
            {
                problem = Unexpected(c);
                return false;
            }

            i++;
        }

        if (i == wholeStart || digitsInGroup == 0)
        {
            problem = i == wholeStart ? "it has no digits before the decimal separator" : "it ends a group of digits with a thousands separator";
            return false;
        }

        if (grouped && digitsInGroup != 3)
        {
            problem = $"its thousands separators '{GroupSeparator}' do not split it into groups of three digits";
            return false;
        }

        if (i < text.Length)
        {
            invariant.Append('.');
            i++;
            var fractionStart = i;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c is < '0' or > '9')
                {
                    problem = c == GroupSeparator ? "it has a thousands separator after the decimal separator" : Unexpected(c);
                    return false;
                }

                invariant.Append(c);
            }

            if (i == fractionStart)
            {
                problem = "it has no digits after the decimal separator";
                return false;
            }
        }

        var canonical = invariant.ToString();
        if (!decimal.TryParse(canonical, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            || !SameNumber(canonical, value))
        {
            problem = "it has more digits or is larger than a decimal holds (28 significant digits, at most 79228162514264337593543950335)";
            return false;
        }

        problem = "";
        return true;
    }

    private string Unexpected(char c) =>
        c == (DecimalSeparator == '.' ? ',' : '.')
            ? $"it contains '{c}', which this format reads neither as the decimal separator ('{DecimalSeparator}') nor as a thousands separator ({(GroupSeparator is { } g ? "'" + g + "'" : "none")})"
            : char.IsDigit(c) ? $"it contains the digit '{c}', which is not an ASCII digit"
            : $"it contains '{c}'; write only an optional sign, digits and '{DecimalSeparator}' (no exponent, unit or spaces)";

    /// <summary>Whether <paramref name="value"/> is exactly the number written (decimal parsing rounds beyond 28 digits).</summary>
    private static bool SameNumber(string canonical, decimal value)
    {
        var written = canonical.TrimStart('-');
        var dot = written.IndexOf('.', StringComparison.Ordinal);
        var whole = (dot < 0 ? written : written[..dot]).TrimStart('0');
        var fraction = dot < 0 ? "" : written[(dot + 1)..];
        var back = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var backDot = back.IndexOf('.', StringComparison.Ordinal);
        var backWhole = (backDot < 0 ? back : back[..backDot]).TrimStart('0');
        var backFraction = backDot < 0 ? "" : back[(backDot + 1)..];
        return whole == backWhole && fraction.TrimEnd('0') == backFraction.TrimEnd('0');
    }
}
