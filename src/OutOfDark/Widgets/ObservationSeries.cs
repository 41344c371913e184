using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NodaTime;

namespace OutOfDark;

/// <summary>
/// A metric's time series: observations in date order, at most one per date. Immutable, compared by content.
/// </summary>
/// <remarks>
/// Appending an observation later than the last one costs amortised O(1): series derived from one another share
/// a buffer, and only the series that owns the buffer's end may write past it. Inserting in the middle copies.
/// Thread-safe.
/// </remarks>
public sealed class ObservationSeries : IReadOnlyList<Observation>, IEquatable<ObservationSeries>
{
    private readonly Buffer _buffer;
    private readonly int _count;

    /// <summary>The empty series.</summary>
    public static ObservationSeries Empty { get; } = new(new Buffer(0), 0);

    private ObservationSeries(Buffer buffer, int count)
    {
        _buffer = buffer;
        _count = count;
    }

    /// <summary>Creates a series from observations in any order.</summary>
    /// <param name="observations">The observations.</param>
    /// <returns>The series, in date order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is <see langword="null"/>.</exception>
    /// <exception cref="JourneyRuleException">Two observations share a date.</exception>
    public static ObservationSeries From(IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var items = observations.ToArray();
        if (items.Length == 0)
        {
            return Empty;
        }

        // Series read from documents and stores are already in date order: check in one pass, sort only when not.
        var ordered = true;
        for (var i = 1; i < items.Length && ordered; i++)
        {
            ordered = items[i - 1].Date < items[i].Date;
        }

        if (!ordered)
        {
            Array.Sort(items, static (a, b) => a.Date.CompareTo(b.Date));
            for (var i = 1; i < items.Length; i++)
            {
                if (items[i].Date == items[i - 1].Date)
                {
                    throw new JourneyRuleException(JourneyRules.ObservationDate, $"A metric holds at most one observation per date; {items[i].Date:yyyy-MM-dd} appears twice.", items[i].Date);
                }
            }
        }

        return new ObservationSeries(new Buffer(items) { Used = items.Length }, items.Length);
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public Observation this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            return _buffer.Items[index];
        }
    }

    /// <summary>The observations in date order, as a span.</summary>
    /// <returns>The span.</returns>
    public ReadOnlySpan<Observation> AsSpan() => new(_buffer.Items, 0, _count);

    /// <summary>The latest observation, or <see langword="null"/> when the series is empty.</summary>
    public Observation? Latest => _count == 0 ? null : _buffer.Items[_count - 1];

    /// <summary>Finds the index of the observation on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The index, or the bitwise complement of the index where it would be inserted.</returns>
    public int IndexOf(LocalDate date)
    {
        int lo = 0, hi = _count - 1;
        var items = _buffer.Items;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var c = items[mid].Date.CompareTo(date);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    /// <summary>Whether the series has an observation on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when it has one.</returns>
    public bool Contains(LocalDate date) => IndexOf(date) >= 0;

    /// <summary>Gets the value on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="value">The value, or zero.</param>
    /// <returns><see langword="true"/> when the series has an observation on that date.</returns>
    public bool TryGetValue(LocalDate date, out decimal value)
    {
        var index = IndexOf(date);
        value = index >= 0 ? _buffer.Items[index].Value : 0m;
        return index >= 0;
    }

    /// <summary>The observations on or after <paramref name="from"/> and on or before <paramref name="to"/>.</summary>
    /// <param name="from">The first date included.</param>
    /// <param name="to">The last date included.</param>
    /// <returns>The observations in the range, in date order.</returns>
    public ReadOnlySpan<Observation> Between(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            return [];
        }

        var start = IndexOf(from);
        if (start < 0)
        {
            start = ~start;
        }

        var end = IndexOf(to);
        end = end < 0 ? ~end : end + 1;
        return new ReadOnlySpan<Observation>(_buffer.Items, start, end - start);
    }

    /// <summary>Returns a series with <paramref name="observation"/> added.</summary>
    /// <param name="observation">The observation.</param>
    /// <returns>The new series.</returns>
    /// <exception cref="JourneyRuleException">The series already has an observation on that date.</exception>
    public ObservationSeries Add(Observation observation)
    {
        var index = IndexOf(observation.Date);
        if (index >= 0)
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"The metric already has an observation on {observation.Date:yyyy-MM-dd}; correct it instead of recording another.", observation.Date);
        }

        index = ~index;
        if (index == _count && _count < _buffer.Items.Length
            && Interlocked.CompareExchange(ref _buffer.Used, _count + 1, _count) == _count)
        {
            // This series owns the buffer's end: write past it; shorter series never read that far.
            _buffer.Items[_count] = observation;
            return new ObservationSeries(_buffer, _count + 1);
        }

        var grown = new Buffer(Math.Max(4, _count * 2));
        Array.Copy(_buffer.Items, grown.Items, index);
        grown.Items[index] = observation;
        Array.Copy(_buffer.Items, index, grown.Items, index + 1, _count - index);
        grown.Used = _count + 1;
        return new ObservationSeries(grown, _count + 1);
    }

    /// <summary>Returns a series with the value on <paramref name="observation"/>'s date replaced.</summary>
    /// <param name="observation">The corrected observation.</param>
    /// <returns>The new series.</returns>
    /// <exception cref="JourneyRuleException">The series has no observation on that date.</exception>
    public ObservationSeries Replace(Observation observation)
    {
        var index = IndexOf(observation.Date);
        if (index < 0)
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"The metric has no observation on {observation.Date:yyyy-MM-dd} to correct.", observation.Date);
        }

        var copy = new Buffer(_count);
        Array.Copy(_buffer.Items, copy.Items, _count);
        copy.Items[index] = observation;
        copy.Used = _count;
        return new ObservationSeries(copy, _count);
    }

    /// <summary>Returns a series without the observation on <paramref name="date"/>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The new series.</returns>
    /// <exception cref="JourneyRuleException">The series has no observation on that date.</exception>
    public ObservationSeries Remove(LocalDate date)
    {
        var index = IndexOf(date);
        if (index < 0)
        {
            throw new JourneyRuleException(JourneyRules.ObservationDate, $"The metric has no observation on {date:yyyy-MM-dd} to remove.", date);
        }

        if (_count == 1)
        {
            return Empty;
        }

        var copy = new Buffer(_count - 1);
        Array.Copy(_buffer.Items, copy.Items, index);
        Array.Copy(_buffer.Items, index + 1, copy.Items, index, _count - index - 1);
        copy.Used = _count - 1;
        return new ObservationSeries(copy, _count - 1);
    }

    /// <inheritdoc />
    public IEnumerator<Observation> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _buffer.Items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ObservationSeries? other) =>
        other is not null && (ReferenceEquals(this, other) || AsSpan().SequenceEqual(other.AsSpan()));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ObservationSeries);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_count);
        if (_count > 0)
        {
            hash.Add(_buffer.Items[0]);
            hash.Add(_buffer.Items[_count - 1]);
        }

        return hash.ToHashCode();
    }

    /// <summary>Describes the series' size and date range, for diagnostics.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        _count == 0 ? "(no observations)" : $"{Internal.Text.Count(_count, "observation", "observations")} {_buffer.Items[0].Date:yyyy-MM-dd}..{_buffer.Items[_count - 1].Date:yyyy-MM-dd}";

    /// <summary>Value equality.</summary>
    public static bool operator ==(ObservationSeries? left, ObservationSeries? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ObservationSeries? left, ObservationSeries? right) => !(left == right);

    private sealed class Buffer(Observation[] items)
    {
        public readonly Observation[] Items = items;
        public int Used;

        public Buffer(int capacity)
            : this(new Observation[capacity])
        {
        }
    }
}
