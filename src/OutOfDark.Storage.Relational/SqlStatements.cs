namespace OutOfDark.Storage.Relational;

/// <summary>
/// The statements <see cref="SqlJourneyStore"/> runs. Every value is a parameter: <c>@w</c> the workspace id, <c>@j</c>
/// the journey id, and the others as named in each statement. A dialect builds one instance with every statement in its
/// database's syntax.
/// </summary>
public sealed record SqlStatements
{
    /// <summary>The journey's version: one row or none.</summary>
    public required string SelectVersion { get; init; }

    /// <summary>Inserts a journey row (@v, @name, @state, @changed, @parent the parent journey's id or null) unless one exists; affects 0 rows then.</summary>
    public required string InsertJourney { get; init; }

    /// <summary>Moves a journey from @expected to @v, setting @changed, when not null @name and @state, and when @parentset is 1 the parent journey @parent (an id or null).</summary>
    public required string UpdateJourney { get; init; }

    /// <summary>Inserts an event (@v, @at ticks, @format the JSON schema version, @data).</summary>
    public required string InsertEvent { get; init; }

    /// <summary>Events (format, data) with @from &lt; version ≤ @to, oldest first.</summary>
    public required string SelectEvents { get; init; }

    /// <summary>The newest snapshot (version, data, checksum) with version ≤ @to.</summary>
    public required string SelectSnapshot { get; init; }

    /// <summary>Writes the snapshot at @v (@data, @checksum) if the journey still has that version; replaces one there.</summary>
    public required string UpsertSnapshot { get; init; }

    /// <summary>Deletes the snapshot at @v.</summary>
    public required string DeleteSnapshot { get; init; }

    /// <summary>The first version whose tick count is above @at; null when none.</summary>
    public required string FirstVersionAfter { get; init; }

    /// <summary>The events (version, format, data) at tick @at with version below @before, oldest first.</summary>
    public required string EventsAtTick { get; init; }

    /// <summary>A workspace's journeys: id, name, state, version, last change, parent journey id (or null).</summary>
    public required string ListJourneys { get; init; }

    /// <summary>The workspaces that hold a journey: one id column, each workspace once, in any order; no parameters.</summary>
    public required string ListWorkspaces { get; init; }

    /// <summary>Deletes a journey's events.</summary>
    public required string DeleteEvents { get; init; }

    /// <summary>Deletes a journey's snapshots.</summary>
    public required string DeleteSnapshots { get; init; }

    /// <summary>Deletes the journey row.</summary>
    public required string DeleteJourney { get; init; }

    /// <summary>
    /// The journey's version, locked against other writers until the transaction ends (PostgreSQL: <c>FOR UPDATE</c>):
    /// one row or none. Used by a commit with no events.
    /// </summary>
    public required string LockVersion { get; init; }

    /// <summary>
    /// Reserves @n feed positions: adds @n to the one-row feed head and returns the new head. Holding the head's row lock
    /// until the commit makes positions commit in order, so a reader never skips a position committed later.
    /// </summary>
    public required string NextFeedPositions { get; init; }

    /// <summary>
    /// Inserts a feed change: @p position, @id change id, @w, @j, @v journey version, @kind, @rule, @sk subject kind,
    /// @sid subject id, @sev severity, @prev previous severity (nullable), @msg message, @at instant text.
    /// </summary>
    public required string InsertFeedChange { get; init; }

    /// <summary>
    /// Feed changes with position above @after, oldest first, at most @limit: position, change id, workspace id, journey
    /// id, journey version, kind, rule, subject kind, subject id, severity, previous severity, message, instant text.
    /// </summary>
    public required string SelectFeed { get; init; }

    /// <summary>Creates the cursor of subscriber @s at position 0 unless it exists.</summary>
    public required string EnsureCursor { get; init; }

    /// <summary>The position of subscriber @s's cursor.</summary>
    public required string SelectCursor { get; init; }

    /// <summary>Sets subscriber @s's cursor to @p.</summary>
    public required string UpdateCursor { get; init; }

    /// <summary>
    /// The feed's last committed position (the one-row head; 0 when the feed is empty), read without locking it.
    /// </summary>
    public required string SelectFeedHead { get; init; }
}
