using System.Collections.Generic;
using OutOfDark.Storage.Relational;
using OutOfDark.Json;

namespace OutOfDark.Storage.Sqlite;

/// <summary>Settings of a <see cref="SqliteJourneyStore"/>.</summary>
public sealed record SqliteJourneyStoreOptions
{
    /// <summary>
    /// How many events a load may replay on top of the newest snapshot before it stores a new one; 100 by default.
    /// Lower means faster loads and more snapshot rows.
    /// </summary>
    public int SnapshotInterval { get; init; } = 100;

    /// <summary>How long a writer waits for another process's write lock before failing; 30 seconds by default.</summary>
    public int BusyTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Whether every commit is flushed to disk before the call returns; <see langword="true"/> by default. When
    /// <see langword="false"/> (SQLite's <c>synchronous = NORMAL</c> in WAL mode), appends are several times faster and a
    /// crash of the process still loses nothing, but a power failure or OS crash may lose the last commits.
    /// </summary>
    public bool FlushEveryCommit { get; init; } = true;

    /// <summary>
    /// The JSON format for events and snapshots; <see cref="JourneyJsonSerializer.Default"/> when <see langword="null"/>.
    /// Give one whose registry knows your own widget kinds.
    /// </summary>
    public JourneyJsonSerializer? Serializer { get; init; }

    /// <summary>
    /// What else every commit writes in its transaction, in order (for example a read model); none when
    /// <see langword="null"/>. See <see cref="ISqlCommitWriter"/>.
    /// </summary>
    public IReadOnlyList<ISqlCommitWriter>? CommitWriters { get; init; }
}
