using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace OutOfDark.Testing;

/// <summary>
/// The store contract's expectations, free of any test framework: each failure throws
/// <see cref="ExpectationFailedException"/> saying what was expected and what was found.
/// </summary>
internal static class Expect
{
    private const int ShownLength = 240;

    public static void Equal<T>(T expected, T actual, string what)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new ExpectationFailedException($"{what}: expected {Show(expected)}, found {Show(actual)}.");
        }
    }

    public static void SequenceEqual<T>(IEnumerable<T> expected, IEnumerable<T> actual, string what)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            if (!EqualityComparer<T>.Default.Equals(e[i], a[i]))
            {
                throw new ExpectationFailedException(
                    $"{what}: item {i} differs; expected {Show(e[i])}, found {Show(a[i])} ({e.Count} items expected, {a.Count} found).");
            }
        }

        if (e.Count != a.Count)
        {
            throw new ExpectationFailedException($"{what}: expected {e.Count} items, found {a.Count}.");
        }
    }

    public static void True(bool condition, string what)
    {
        if (!condition)
        {
            throw new ExpectationFailedException(what);
        }
    }

    public static void Empty<T>(IEnumerable<T> items, string what)
    {
        var list = items.ToList();
        if (list.Count != 0)
        {
            throw new ExpectationFailedException($"{what}: expected none, found {list.Count}, the first {Show(list[0])}.");
        }
    }

    public static T Single<T>(IEnumerable<T> items, string what)
    {
        var list = items.ToList();
        return list.Count == 1 ? list[0] : throw new ExpectationFailedException($"{what}: expected exactly one, found {list.Count}.");
    }

    public static T Single<T>(IEnumerable<T> items, Func<T, bool> predicate, string what) => Single(items.Where(predicate), what);

    public static T OfType<T>(object? value, string what) =>
        value is T typed ? typed : throw new ExpectationFailedException($"{what}: expected a {typeof(T).Name}, found {Show(value)}.");

    public static void Contains(string expectedPart, string actual, string what)
    {
        if (!actual.Contains(expectedPart, StringComparison.Ordinal))
        {
            throw new ExpectationFailedException($"{what}: expected it to contain {Show(expectedPart)}, found {Show(actual)}.");
        }
    }

    /// <summary>Expects <paramref name="action"/> to throw <typeparamref name="TException"/> or a type derived from it.</summary>
    public static async Task<TException> ThrowsAsync<TException>(Func<Task> action, string what)
        where TException : Exception
    {
        try
        {
            await action();
        }
        catch (TException expected)
        {
            return expected;
        }
        catch (Exception other)
        {
            throw new ExpectationFailedException(
                $"{what}: expected {typeof(TException).Name}, but the store threw {other.GetType().Name}: {other.Message}", other);
        }

        throw new ExpectationFailedException($"{what}: expected {typeof(TException).Name}, but nothing was thrown.");
    }

    private static string Show(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? value.GetType().Name,
        };
        return text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), $"… ({text.Length} characters)");
    }
}

/// <summary>An expectation of the store contract did not hold; the contract reports it as a failed check.</summary>
internal sealed class ExpectationFailedException(string message, Exception? innerException = null) : Exception(message, innerException);
