using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace OutOfDark.Storage.Relational;

/// <summary>How the adapters write the few values they keep outside JSON.</summary>
internal static class StoredText
{
    /// <summary>
    /// Escapes a name for a text column: PostgreSQL's text refuses NUL, so NUL becomes <c>\0</c> and a backslash
    /// <c>\\</c>. Reversed exactly by <see cref="Unescape"/>.
    /// </summary>
    public static string Escape(string value) =>
        value.Contains('\\', StringComparison.Ordinal) || value.Contains('\0', StringComparison.Ordinal)
            ? value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)
            : value;

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    public static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] == '0' ? '\0' : value[i]);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>An instant as exact text (nanoseconds kept).</summary>
    public static string Write(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>Reads <see cref="Write(Instant)"/>'s text.</summary>
    public static Instant ReadInstant(string text) => InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow();

    /// <summary>An instant as 100 ns ticks for indexing; exact comparisons finish in code.</summary>
    public static long Ticks(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>The checksum of a stored snapshot: SHA-256 over its key and text, so a row copied elsewhere fails too.</summary>
    public static string Checksum(WorkspaceId workspaceId, JourneyId journeyId, long version, ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{workspaceId:D}|{journeyId:D}|{version}|")));
        hash.AppendData(data);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
