using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace OutOfDark;

/// <summary>
/// The slice of customers an observation describes, as dimension values the integrator defines: for example
/// <c>Segment.Of(("customer", "first-time buyer"), ("region", "DE"))</c>. <see cref="All"/> (no dimensions) is every
/// customer, the metric's plain series. Immutable, compared by content (dimension order does not matter). Thread-safe.
/// </summary>
/// <remarks>
/// Limits: at most <see cref="MaxDimensions"/> dimensions, keys unique; each key and value 1 to 500 characters (Unicode
/// scalar values: an emoji counts as one), with a visible character (not only white space, U+200B or combining marks), valid UTF-16, without control characters (U+0000–U+001F, U+007F–U+009F: no tabs or line breaks). Keys and
/// values are compared ordinally: case-sensitive and without Unicode normalisation, so "DE" and "de", or "é" written as
/// one character and as e + combining accent, are different segments; normalise them before recording if they should
/// match. Dimensions are kept sorted by key (ordinal).
/// </remarks>
public sealed class Segment : IEquatable<Segment>
{
    /// <summary>The most dimensions a segment has: 8.</summary>
    public const int MaxDimensions = 8;

    private readonly KeyValuePair<string, string>[] _dimensions;

    private Segment(KeyValuePair<string, string>[] dimensions) => _dimensions = dimensions;

    /// <summary>Every customer: no dimensions. An observation in this segment is the metric's plain value.</summary>
    public static Segment All { get; } = new([]);

    /// <summary>The dimension values, sorted by key (ordinal).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions => _dimensions;

    /// <summary>Whether this is <see cref="All"/> (no dimensions).</summary>
    public bool IsAll => _dimensions.Length == 0;

    /// <summary>The value of a dimension, or <see langword="null"/> when the segment does not cut by it.</summary>
    /// <param name="key">The dimension's key, for example "region".</param>
    /// <returns>The value, for example "DE".</returns>
    public string? this[string key]
    {
        get
        {
            foreach (var (k, v) in _dimensions)
            {
                if (string.Equals(k, key, StringComparison.Ordinal))
                {
                    return v;
                }
            }

            return null;
        }
    }

    /// <summary>A segment from dimension values, for example <c>Segment.Of(("channel", "app"), ("region", "DE"))</c>.</summary>
    /// <param name="dimensions">The key and value of each dimension, in any order; none gives <see cref="All"/>.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentException">
    /// A key or value is null, empty, blank, longer than 500 characters or holds a lone surrogate; a key appears twice;
    /// or there are more than <see cref="MaxDimensions"/> dimensions. The message names the dimension.
    /// </exception>
    public static Segment Of(params ReadOnlySpan<(string Key, string Value)> dimensions)
    {
        var pairs = new KeyValuePair<string, string>[dimensions.Length];
        for (var i = 0; i < dimensions.Length; i++)
        {
            pairs[i] = new(dimensions[i].Key, dimensions[i].Value);
        }

        return Create(pairs, nameof(dimensions));
    }

    /// <summary>A segment from dimension values, as <see cref="Of"/>; for readers of stored segments.</summary>
    /// <param name="dimensions">The dimensions.</param>
    /// <returns>The segment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dimensions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As <see cref="Of"/>.</exception>
    public static Segment From(IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        return Create(dimensions.ToArray(), nameof(dimensions));
    }

    /// <summary>Whether this segment has every dimension value <paramref name="other"/> has (every segment contains <see cref="All"/>'s none).</summary>
    /// <param name="other">The other segment.</param>
    /// <returns><see langword="true"/> when this segment is <paramref name="other"/> or a finer cut of it.</returns>
    public bool IsWithin(Segment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (k, v) in other._dimensions)
        {
            if (!string.Equals(this[k], v, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The segment cut by only the given keys: for example (customer, region, channel) projected on (region) is (region).</summary>
    /// <param name="keys">The keys to keep.</param>
    /// <returns>The segment with those dimensions, or <see langword="null"/> when it lacks one of them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is <see langword="null"/>.</exception>
    public Segment? Project(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == _dimensions.Length)
        {
            foreach (var key in keys)
            {
                if (this[key] is null)
                {
                    return null;
                }
            }

            return this;
        }

        var kept = new List<KeyValuePair<string, string>>(keys.Count);
        foreach (var key in keys)
        {
            if (this[key] is not { } value)
            {
                return null;
            }

            kept.Add(new(key, value));
        }

        return Create(kept.ToArray(), nameof(keys));
    }

    /// <inheritdoc />
    public bool Equals(Segment? other)
    {
        if (other is null || other._dimensions.Length != _dimensions.Length)
        {
            return false;
        }

        for (var i = 0; i < _dimensions.Length; i++)
        {
            if (!string.Equals(_dimensions[i].Key, other._dimensions[i].Key, StringComparison.Ordinal)
                || !string.Equals(_dimensions[i].Value, other._dimensions[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Segment);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _dimensions)
        {
            hash.Add(k, StringComparer.Ordinal);
            hash.Add(v, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the dimensions as people read them, for example <c>customer first-time buyer, region DE</c>, or <c>all customers</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (IsAll)
        {
            return "all customers";
        }

        var text = new StringBuilder();
        foreach (var (k, v) in _dimensions)
        {
            text.Append(text.Length == 0 ? "" : ", ").Append(k).Append(' ').Append(v);
        }

        return text.ToString();
    }

    private static Segment Create(KeyValuePair<string, string>[] pairs, string parameter)
    {
        if (pairs.Length == 0)
        {
            return All;
        }

        if (pairs.Length > MaxDimensions)
        {
            throw new ArgumentException($"A segment has at most {MaxDimensions} dimensions; got {pairs.Length}.", parameter);
        }

        for (var i = 0; i < pairs.Length; i++)
        {
            Check(pairs[i].Key, $"The key of dimension {i + 1}", parameter);
            Check(pairs[i].Value, $"The value of dimension '{pairs[i].Key}'", parameter);
        }

        Array.Sort(pairs, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 1; i < pairs.Length; i++)
        {
            if (string.Equals(pairs[i].Key, pairs[i - 1].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Dimension '{pairs[i].Key}' appears twice; a segment has one value per dimension.", parameter);
            }
        }

        return new Segment(pairs);
    }

    private static void Check(string? text, string what, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{what} must not be empty or white space: name the dimension (for example \"region\") and its value (for example \"DE\").", parameter);
        }

        if (Internal.Text.CharacterCount(text) is var count && count > Internal.JourneyGuards.MaxNameLength)
        {
            throw new ArgumentException($"{what} has {count} characters; at most {Internal.JourneyGuards.MaxNameLength}.", parameter);
        }

        if (!Internal.Text.HasVisibleCharacter(text))
        {
            throw new ArgumentException($"{what} has no visible character (only white space, format characters such as U+200B or combining marks): name the dimension (for example \"region\") and its value (for example \"DE\").", parameter);
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                throw new ArgumentException($"{what} holds a lone surrogate at index {i}, which cannot be stored as UTF-8.", parameter);
            }
            else if (char.IsControl(text[i]))
            {
                throw new ArgumentException($"{what} holds the control character U+{(int)text[i]:X4} at index {i}; keys and values are one line of text without control characters (tabs, line breaks, NUL).", parameter);
            }
        }
    }
}
