using System.Collections.Generic;

namespace OutOfDark.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL schema <c>outofdark</c>, as the migrations that build it: migration N takes a database from version
/// N-1 to N. Event and snapshot JSON is kept as <c>bytea</c>: <c>jsonb</c> refuses <c>\u0000</c>, which journeys may hold.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The table recording the schema version: one row.</summary>
    public const string VersionTable = "outofdark.schema_version";

    /// <summary>The key of the advisory lock that serializes migrations across machines.</summary>
    public const long MigrationLock = 0x4F75_744F_6644_6172; // "OutOfDar"

    /// <summary>The first key of the advisory locks that give one host at a time a warning-feed subscriber.</summary>
    public const int FeedLockSpace = 0x4F6F_4446; // "OoDF"

    /// <summary>The migrations, oldest first; the newest schema version is their count.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: journeys and their events.
        """
        CREATE SCHEMA IF NOT EXISTS outofdark;
        CREATE TABLE outofdark.schema_version (id integer PRIMARY KEY CHECK (id = 1), version integer NOT NULL);
        INSERT INTO outofdark.schema_version (id, version) VALUES (1, 0);
        CREATE TABLE outofdark.journeys (
            workspace_id uuid NOT NULL,
            journey_id uuid NOT NULL,
            version bigint NOT NULL,
            name text NOT NULL,
            state integer NOT NULL,
            last_changed_at text NOT NULL,
            PRIMARY KEY (workspace_id, journey_id));
        CREATE TABLE outofdark.journey_events (
            workspace_id uuid NOT NULL,
            journey_id uuid NOT NULL,
            version bigint NOT NULL,
            occurred_at bigint NOT NULL,
            format integer NOT NULL,
            data bytea NOT NULL,
            PRIMARY KEY (workspace_id, journey_id, version));
        """,

        // 2: snapshots with checksums, and an index for loading as of an instant.
        """
        CREATE TABLE outofdark.journey_snapshots (
            workspace_id uuid NOT NULL,
            journey_id uuid NOT NULL,
            version bigint NOT NULL,
            data bytea NOT NULL,
            checksum text NOT NULL,
            PRIMARY KEY (workspace_id, journey_id, version));
        CREATE INDEX journey_events_by_instant ON outofdark.journey_events (workspace_id, journey_id, occurred_at, version);
        """,

        // 3: the warning feed (the outbox written with the events), its head of reserved positions, and subscriber cursors.
        """
        CREATE TABLE outofdark.warning_feed_head (id integer PRIMARY KEY CHECK (id = 1), position bigint NOT NULL);
        INSERT INTO outofdark.warning_feed_head (id, position) VALUES (1, 0);
        CREATE TABLE outofdark.warning_feed (
            position bigint PRIMARY KEY,
            change_id uuid NOT NULL UNIQUE,
            workspace_id uuid NOT NULL,
            journey_id uuid NOT NULL,
            journey_version bigint NOT NULL,
            kind integer NOT NULL,
            rule text NOT NULL,
            subject_kind integer NOT NULL,
            subject_id uuid NOT NULL,
            severity integer NOT NULL,
            previous_severity integer NULL,
            message text NOT NULL,
            occurred_at text NOT NULL);
        CREATE TABLE outofdark.warning_feed_cursors (subscriber text PRIMARY KEY, position bigint NOT NULL);
        """,

        // 4: the workspace read model: one row per present warning, one health line per journey, and the view's order.
        // Text the view sorts or filters on exactly is "C"-collated (byte order, as the in-memory model's ordinal order).
        """
        CREATE TABLE outofdark.workspace_warnings (
            workspace_id uuid NOT NULL,
            journey_id uuid NOT NULL,
            rule_id text COLLATE "C" NOT NULL,
            subject_kind integer NOT NULL,
            subject_id text COLLATE "C" NOT NULL,
            journey_name text NOT NULL,
            severity integer NOT NULL,
            state integer NOT NULL,
            snoozed_until bigint NULL,
            subject_name text NOT NULL,
            phase_id text NULL,
            phase_name text COLLATE "C" NULL,
            owner text COLLATE "C" NULL,
            team text COLLATE "C" NULL,
            message text NOT NULL,
            raised_at bigint NOT NULL,
            past_limit text NULL,
            past_limit_sort double precision NOT NULL,
            phase_index integer NOT NULL,
            map_index integer NOT NULL,
            PRIMARY KEY (workspace_id, journey_id, rule_id, subject_kind, subject_id));
        CREATE INDEX workspace_warnings_view ON outofdark.workspace_warnings (workspace_id, severity DESC, past_limit_sort DESC, raised_at, journey_id, phase_index, map_index, rule_id, subject_id);
        CREATE TABLE outofdark.journey_health (
            workspace_id uuid NOT NULL,
            journey_id uuid NOT NULL,
            journey_name text NOT NULL,
            score text NOT NULL,
            score_sort double precision NOT NULL,
            metric_attainment text NULL,
            emotion text NULL,
            warning_load text NOT NULL,
            open_critical integer NOT NULL,
            open_warning integer NOT NULL,
            open_info integer NOT NULL,
            version bigint NOT NULL,
            evaluated_at text NOT NULL,
            PRIMARY KEY (workspace_id, journey_id));
        """,

        // 5: each journey's parent in the workspace's portfolio, for the listing the portfolio's cycle check reads.
        """
        ALTER TABLE outofdark.journeys ADD COLUMN parent_journey_id uuid NULL;
        """,

        // 6: a metric segment's warning change keeps its segment (a JSON object of dimension values; NULL for none).
        """
        ALTER TABLE outofdark.warning_feed ADD COLUMN segment text NULL;
        """,
    ];

    /// <summary>The newest schema version.</summary>
    public static int Version => Migrations.Count;
}
