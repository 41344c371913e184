using Ardalis.GuardClauses;
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the same order.
/// The domain's records use it for every collection so that records compare by content.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>The list never changes after construction; "changes" return new lists. Thread-safe.</remarks>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;
    private int _hash;

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([], owned: true);

    private ValueList(T[] items, bool owned) => _items = owned ? items : (T[])items.Clone();

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ValueList<T> From(IEnumerable<T> items)
    {
        Guard.Against.Null(items);
        var array = items.ToArray();
        return array.Length == 0 ? Empty : new ValueList<T>(array, owned: true);
    }

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items, in order.</param>
    /// <returns>The list.</returns>
    public static ValueList<T> Of(params ReadOnlySpan<T> items) => items.IsEmpty ? Empty : new ValueList<T>(items.ToArray(), owned: true);

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>The items as a read-only span, for allocation-free iteration.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Returns a new list with <paramref name="item"/> appended.</summary>
    /// <param name="item">The item to append.</param>
    /// <returns>The new list.</returns>
    public ValueList<T> Add(T item)
    {
        var copy = new T[_items.Length + 1];
        Array.Copy(_items, copy, _items.Length);
        copy[^1] = item;
        return new ValueList<T>(copy, owned: true);
    }

    /// <summary>Returns a new list with the item at <paramref name="index"/> replaced.</summary>
    /// <param name="index">The position to replace.</param>
    /// <param name="item">The new item.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public ValueList<T> SetItem(int index, T item)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _items.Length);
        var copy = (T[])_items.Clone();
        copy[index] = item;
        return new ValueList<T>(copy, owned: true);
    }

    /// <summary>Returns a new list without the item at <paramref name="index"/>.</summary>
    /// <param name="index">The position to remove.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public ValueList<T> RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _items.Length);
        var list = _items.ToList();
        list.RemoveAt(index);
        return From(list);
    }

    /// <summary>Returns a new list with the item at <paramref name="from"/> moved to <paramref name="to"/>.</summary>
    /// <param name="from">The current position.</param>
    /// <param name="to">The new position.</param>
    /// <returns>The new list.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is outside the list.</exception>
    public ValueList<T> Move(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, _items.Length);
        ArgumentOutOfRangeException.ThrowIfNegative(to);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(to, _items.Length);
        var list = _items.ToList();
        var item = list[from];
        list.RemoveAt(from);
        list.Insert(to, item);
        return From(list);
    }

    /// <summary>Returns the position of the first item matching <paramref name="match"/>, or -1.</summary>
    /// <param name="match">The condition.</param>
    /// <returns>The position, or -1 when no item matches.</returns>
    public int FindIndex(Predicate<T> match) => Array.FindIndex(_items, match);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var item in _items)
            {
                hash.Add(item);
            }

            var value = hash.ToHashCode();
            _hash = value == 0 ? 1 : value;
        }

        return _hash;
    }

    /// <summary>Returns the items separated by commas, for diagnostics.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}
