using System;
using System.Collections.Generic;
using System.Linq;

namespace OutOfDark.Samples.Web.Hosting;

/// <summary>
/// A command was sent against an older version of a journey and someone has since changed what it works on: nothing
/// was changed. <see cref="Conflicts"/> says who changed what and when, for the person to reload and decide.
/// </summary>
internal sealed class JourneyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="journeyId">The journey.</param>
    /// <param name="expectedVersion">The version the command was sent against.</param>
    /// <param name="actualVersion">The journey's version now.</param>
    /// <param name="conflicts">The changes since that touch the command's subjects; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="conflicts"/> is empty.</exception>
    public JourneyConflictException(JourneyId journeyId, long expectedVersion, long actualVersion, IReadOnlyList<JourneyConflict> conflicts)
        : base(Describe(conflicts))
    {
        JourneyId = journeyId;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
        Conflicts = conflicts;
    }

    /// <summary>The journey.</summary>
    public JourneyId JourneyId { get; }

    /// <summary>The version the command was sent against.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The journey's version now.</summary>
    public long ActualVersion { get; }

    /// <summary>The changes since <see cref="ExpectedVersion"/> that touch what the command works on, oldest first.</summary>
    public IReadOnlyList<JourneyConflict> Conflicts { get; }

    // "Ana changed activity 'Checkout' at 10:02 UTC on 5 Apr 2026 (and 2 more changes)".
    private static string Describe(IReadOnlyList<JourneyConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0)
        {
            throw new ArgumentException("A conflict needs at least one conflicting change.", nameof(conflicts));
        }

        var text = string.Join("; ", conflicts.Take(3).Select(c => c.Text));
        return conflicts.Count > 3 ? $"{text} (and {conflicts.Count - 3} more changes)" : text;
    }
}
