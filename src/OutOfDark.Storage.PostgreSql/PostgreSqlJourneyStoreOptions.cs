using System.Collections.Generic;
using OutOfDark.Storage.Relational;
using OutOfDark.Json;

namespace OutOfDark.Storage.PostgreSql;

/// <summary>Settings of a <see cref="PostgreSqlJourneyStore"/>.</summary>
public sealed record PostgreSqlJourneyStoreOptions
{
    /// <summary>
    /// How many events a load may replay on top of the newest snapshot before it stores a new one; 100 by default.
    /// Lower means faster loads and more snapshot rows.
    /// </summary>
    public int SnapshotInterval { get; init; } = 100;

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
