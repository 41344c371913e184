using Ardalis.GuardClauses;
using System;
using System.Diagnostics.CodeAnalysis;

namespace OutOfDark;

/// <summary>Identifies an opportunity on a journey.</summary>
/// <remarks>Ids are opaque: compare them, store them, print them; do not read meaning into the value.
/// This type is an immutable value and is thread-safe.</remarks>
/// <param name="Value">The underlying GUID.</param>
public readonly record struct OpportunityId(Guid Value) : IComparable<OpportunityId>, ISpanFormattable, IParsable<OpportunityId>
{
    /// <summary>Creates a new, random id.</summary>
    /// <returns>A fresh id.</returns>
    public static OpportunityId New() => new(Guid.NewGuid());

    /// <inheritdoc />
    public int CompareTo(OpportunityId other) => Value.CompareTo(other.Value);

    /// <summary>Returns the id as a lower-case GUID with hyphens, for example <c>0f8fad5b-d9cb-469f-a165-70867728950e</c>.</summary>
    /// <returns>The id's text.</returns>
    public override string ToString() => Value.ToString("D");

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format ?? "D", formatProvider);

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format.IsEmpty ? "D" : format);

    /// <summary>Parses an id from its text.</summary>
    /// <param name="s">The text of a GUID.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The parsed id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a GUID.</exception>
    public static OpportunityId Parse(string s, IFormatProvider? provider = null)
    {
        Guard.Against.Null(s);
        return Guid.TryParse(s, out var value)
            ? new OpportunityId(value)
            : throw new FormatException($"'{s}' is not a valid OpportunityId: expected a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e.");
    }

    /// <summary>Tries to parse an id from its text.</summary>
    /// <param name="s">The text of a GUID.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The parsed id, or the default id.</param>
    /// <returns><see langword="true"/> when <paramref name="s"/> is a GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OpportunityId result)
    {
        if (Guid.TryParse(s, out var value))
        {
            result = new OpportunityId(value);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>Compares two ids by their GUID values.</summary>
    public static bool operator <(OpportunityId left, OpportunityId right) => left.CompareTo(right) < 0;

    /// <summary>Compares two ids by their GUID values.</summary>
    public static bool operator <=(OpportunityId left, OpportunityId right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two ids by their GUID values.</summary>
    public static bool operator >(OpportunityId left, OpportunityId right) => left.CompareTo(right) > 0;

    /// <summary>Compares two ids by their GUID values.</summary>
    public static bool operator >=(OpportunityId left, OpportunityId right) => left.CompareTo(right) >= 0;
}
