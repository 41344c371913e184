using System.Collections.Generic;

namespace OutOfDark.Storage.Sqlite;

/// <summary>The SQLite schema, as the migrations that build it: migration N takes a database from version N-1 to N.</summary>
internal static class SqliteSchema
{
    /// <summary>The table recording the schema version: one row.</summary>
    public const string VersionTable = "outofdark_schema";

    /// <summary>The migrations, oldest first; the newest schema version is their count.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: journeys and their events.
        """
        CREATE TABLE outofdark_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
        INSERT INTO outofdark_schema (id, version) VALUES (1, 0);
        CREATE TABLE journeys (
            workspace_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            name TEXT NOT NULL,
            state INTEGER NOT NULL,
            last_changed_at TEXT NOT NULL,
            PRIMARY KEY (workspace_id, journey_id));
        CREATE TABLE journey_events (
            workspace_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            occurred_at INTEGER NOT NULL,
            format INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (workspace_id, journey_id, version));
        """,

        // 2: snapshots with checksums, and an index for loading as of an instant.
        """
        CREATE TABLE journey_snapshots (
            workspace_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            data BLOB NOT NULL,
            checksum TEXT NOT NULL,
            PRIMARY KEY (workspace_id, journey_id, version));
        CREATE INDEX journey_events_by_instant ON journey_events (workspace_id, journey_id, occurred_at, version);
        """,

        // 3: the warning feed (the outbox written with the events), its head of reserved positions, and subscriber cursors.
        """
        CREATE TABLE warning_feed_head (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
        INSERT INTO warning_feed_head (id, position) VALUES (1, 0);
        CREATE TABLE warning_feed (
            position INTEGER PRIMARY KEY,
            change_id TEXT NOT NULL UNIQUE,
            workspace_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            journey_version INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            rule TEXT NOT NULL,
            subject_kind INTEGER NOT NULL,
            subject_id TEXT NOT NULL,
            severity INTEGER NOT NULL,
            previous_severity INTEGER NULL,
            message TEXT NOT NULL,
            occurred_at TEXT NOT NULL);
        CREATE TABLE warning_feed_cursors (subscriber TEXT PRIMARY KEY, position INTEGER NOT NULL);
        """,

        // 4: the workspace read model: one row per present warning, one health line per journey, and the view's order.
        """
        CREATE TABLE workspace_warnings (
            workspace_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            subject_kind INTEGER NOT NULL,
            subject_id TEXT NOT NULL,
            journey_name TEXT NOT NULL,
            severity INTEGER NOT NULL,
            state INTEGER NOT NULL,
            snoozed_until INTEGER NULL,
            subject_name TEXT NOT NULL,
            phase_id TEXT NULL,
            phase_name TEXT NULL,
            owner TEXT NULL,
            team TEXT NULL,
            message TEXT NOT NULL,
            raised_at INTEGER NOT NULL,
            past_limit TEXT NULL,
            past_limit_sort REAL NOT NULL,
            phase_index INTEGER NOT NULL,
            map_index INTEGER NOT NULL,
            PRIMARY KEY (workspace_id, journey_id, rule_id, subject_kind, subject_id));
        CREATE INDEX workspace_warnings_view ON workspace_warnings (workspace_id, severity DESC, past_limit_sort DESC, raised_at, journey_id, phase_index, map_index, rule_id, subject_id);
        CREATE TABLE journey_health (
            workspace_id TEXT NOT NULL,
            journey_id TEXT NOT NULL,
            journey_name TEXT NOT NULL,
            score TEXT NOT NULL,
            score_sort REAL NOT NULL,
            metric_attainment TEXT NULL,
            emotion TEXT NULL,
            warning_load TEXT NOT NULL,
            open_critical INTEGER NOT NULL,
            open_warning INTEGER NOT NULL,
            open_info INTEGER NOT NULL,
            version INTEGER NOT NULL,
            evaluated_at TEXT NOT NULL,
            PRIMARY KEY (workspace_id, journey_id));
        """,

        // 5: each journey's parent in the workspace's portfolio, for the listing the portfolio's cycle check reads.
        """
        ALTER TABLE journeys ADD COLUMN parent_journey_id TEXT NULL;
        """,

        // 6: a metric segment's warning change keeps its segment (a JSON object of dimension values; NULL for none).
        """
        ALTER TABLE warning_feed ADD COLUMN segment TEXT NULL;
        """,
    ];

    /// <summary>The newest schema version.</summary>
    public static int Version => Migrations.Count;
}
