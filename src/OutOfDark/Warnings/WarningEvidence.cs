using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Warnings;

/// <summary>A named value behind a warning, as text for people and, when numeric, as a number for programs.</summary>
/// <param name="Name">What the value is, for example "latest value" or "warning threshold".</param>
/// <param name="Value">The value as invariant text: numbers as written, dates as ISO <c>yyyy-MM-dd</c>, instants as ISO UTC.</param>
public sealed record WarningEvidence(string Name, string Value)
{
    /// <summary>The value as a number, when it is one.</summary>
    public decimal? Number { get; init; }

    /// <summary>Evidence holding a number.</summary>
    /// <param name="name">What the value is.</param>
    /// <param name="value">The number.</param>
    /// <returns>The evidence.</returns>
    public static WarningEvidence Of(string name, decimal value) =>
        new(name, value.ToString(CultureInfo.InvariantCulture)) { Number = value };

    /// <summary>Evidence holding a date.</summary>
    /// <param name="name">What the value is.</param>
    /// <param name="value">The date.</param>
    /// <returns>The evidence.</returns>
    public static WarningEvidence Of(string name, LocalDate value) =>
        new(name, LocalDatePattern.Iso.Format(value));

    /// <summary>Evidence holding an instant.</summary>
    /// <param name="name">What the value is.</param>
    /// <param name="value">The instant.</param>
    /// <returns>The evidence.</returns>
    public static WarningEvidence Of(string name, Instant value) =>
        new(name, InstantPattern.ExtendedIso.Format(value));

    /// <summary>Evidence holding text.</summary>
    /// <param name="name">What the value is.</param>
    /// <param name="value">The text.</param>
    /// <returns>The evidence.</returns>
    public static WarningEvidence Of(string name, string value) => new(name, value);
}
