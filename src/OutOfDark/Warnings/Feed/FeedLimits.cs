using System;

namespace OutOfDark.Warnings;

/// <summary>The argument checks every <see cref="IWarningFeed"/> shares.</summary>
internal static class FeedLimits
{
    /// <summary>The most changes one read returns.</summary>
    public const int MaxRead = 10_000;

    /// <summary>The longest subscriber name.</summary>
    public const int MaxSubscriber = 200;

    public static void CheckPosition(long position, string parameter)
    {
        if (position < 0)
        {
            throw new ArgumentOutOfRangeException(parameter, position, $"A feed position is 0 (before the first change) or more; {position} is negative.");
        }
    }

    public static void CheckLimit(int limit)
    {
        if (limit is < 1 or > MaxRead)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A feed read returns 1 to {MaxRead} changes; ask for a limit in that range.");
        }
    }

    public static void CheckSubscriber(string subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (string.IsNullOrWhiteSpace(subscriber) || subscriber.Length > MaxSubscriber)
        {
            throw new ArgumentException($"A subscriber name has 1 to {MaxSubscriber} characters and is not blank; '{subscriber}' has {subscriber.Length}.", nameof(subscriber));
        }

        for (var i = 0; i < subscriber.Length; i++)
        {
            var c = subscriber[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The subscriber name '{subscriber.Replace("\0", "\\0", StringComparison.Ordinal)}' holds a control character (U+{(int)c:X4}); use printable characters only.", nameof(subscriber));
            }

            // A lone surrogate is not text: stores would map different names to one cursor or lock.
            if (char.IsHighSurrogate(c) && i + 1 < subscriber.Length && char.IsLowSurrogate(subscriber[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"The subscriber name holds a lone surrogate (U+{(int)c:X4} at index {i}); use whole Unicode characters only.", nameof(subscriber));
            }
        }
    }
}
