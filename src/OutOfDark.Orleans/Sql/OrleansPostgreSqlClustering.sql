-- OutOfDark.Orleans: PostgreSQL schema and query texts for Orleans' ADO.NET clustering provider
-- (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql") and its ADO.NET reminder provider
-- (Microsoft.Orleans.Reminders.AdoNet).
--
-- This is OutOfDark's own implementation of the provider's query contract, not Orleans' script: the provider reads
-- every statement it runs from table orleansquery (querykey -> querytext) and binds @-parameters by name. Checked
-- against Orleans 10.4.2. Idempotent: tables are created when missing and the query texts are replaced on every run.
-- Run it in one transaction (OrleansPostgreSqlSchema.ApplyAsync does; with psql use --single-transaction).
--
-- Contract, per query key (parameters -> result):
--   InsertMembershipVersionKey      DeploymentId -> one boolean column: true when this call created the version row.
--   MembershipReadAllKey            DeploymentId -> the version row left-joined to the cluster's silos; column Version
--                                   on every row, StartTime null when the cluster has no silo.
--   MembershipReadRowKey            DeploymentId, Address, Port, Generation -> as above, for one silo.
--   InsertMembershipKey             DeploymentId, silo columns, Version (the table version the caller read) -> boolean:
--                                   true when the version was still Version (it becomes Version + 1) and the silo was new.
--   UpdateMembershipKey             DeploymentId, Address, Port, Generation, Status, SuspectTimes, IAmAliveTime,
--                                   Version -> boolean, same version check.
--   UpdateIAmAlivetimeKey           DeploymentId, Address, Port, Generation, IAmAliveTime -> nothing; no version change.
--   GatewaysQueryKey                DeploymentId, Status (Active = 3) -> Address, ProxyPort, Generation of gateways.
--   DeleteMembershipTableEntriesKey DeploymentId -> nothing; removes the cluster's silos and version row.
--   CleanupDefunctSiloEntriesKey    DeploymentId, IAmAliveTime -> nothing; removes silos that are not Active and
--                                   have not reported since IAmAliveTime.
--
-- and for Orleans' ADO.NET reminder provider (Microsoft.Orleans.Reminders.AdoNet), rows keyed by ServiceId:
--   ReadReminderRowsKey             ServiceId, GrainId -> the grain's reminders (GrainId, ReminderName, StartTime,
--                                   Period in ms, Version).
--   ReadRangeRows1Key               ServiceId, BeginHash, EndHash -> reminders with BeginHash < GrainHash <= EndHash
--                                   (hashes as signed integers; used when BeginHash < EndHash).
--   ReadRangeRows2Key               ServiceId, BeginHash, EndHash -> the wrapped range: GrainHash > BeginHash or
--                                   GrainHash <= EndHash.
--   ReadReminderRowKey              ServiceId, GrainId, ReminderName -> that reminder, or no row.
--   UpsertReminderRowKey            ServiceId, GrainHash, GrainId, ReminderName, StartTime, Period -> the row's new
--                                   Version (a new row starts at 0, each upsert adds one).
--   DeleteReminderRowKey            ServiceId, GrainId, ReminderName, Version -> boolean: deleted (Version matched).
--   DeleteReminderRowsKey           ServiceId -> nothing; removes the service's reminders.

SELECT pg_advisory_xact_lock(7347120513001);

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey varchar(64) NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE IF NOT EXISTS outofdark_orleans_cluster_version
(
    deployment_id text NOT NULL PRIMARY KEY,
    version integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS outofdark_orleans_silos
(
    deployment_id text NOT NULL REFERENCES outofdark_orleans_cluster_version (deployment_id) ON DELETE CASCADE,
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer NULL,
    suspect_times text NULL,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

CREATE TABLE IF NOT EXISTS outofdark_orleans_adonet_reminders
(
    service_id text NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    grain_hash integer NOT NULL,
    start_time timestamptz NOT NULL,
    period_ms bigint NOT NULL,
    version integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS outofdark_orleans_adonet_reminders_hash
    ON outofdark_orleans_adonet_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO outofdark_orleans_cluster_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM created);
$q$),
('MembershipReadAllKey', $q$
SELECT v.version AS "Version", s.deployment_id AS "DeploymentId", s.address AS "Address", s.port AS "Port",
       s.generation AS "Generation", s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status",
       s.proxy_port AS "ProxyPort", s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime",
       s.i_am_alive_time AS "IAmAliveTime"
FROM outofdark_orleans_cluster_version v
LEFT JOIN outofdark_orleans_silos s ON s.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$q$),
('MembershipReadRowKey', $q$
SELECT v.version AS "Version", s.deployment_id AS "DeploymentId", s.address AS "Address", s.port AS "Port",
       s.generation AS "Generation", s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status",
       s.proxy_port AS "ProxyPort", s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime",
       s.i_am_alive_time AS "IAmAliveTime"
FROM outofdark_orleans_cluster_version v
LEFT JOIN outofdark_orleans_silos s ON s.deployment_id = v.deployment_id
    AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$q$),
('InsertMembershipKey', $q$
WITH bumped AS (
    UPDATE outofdark_orleans_cluster_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND NOT EXISTS (SELECT 1 FROM outofdark_orleans_silos
                      WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
inserted AS (
    INSERT INTO outofdark_orleans_silos (deployment_id, address, port, generation, silo_name, host_name, status,
                                         proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime,
           @IAmAliveTime
    FROM bumped
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM inserted);
$q$),
('UpdateMembershipKey', $q$
WITH bumped AS (
    UPDATE outofdark_orleans_cluster_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = @DeploymentId AND version = @Version
      AND EXISTS (SELECT 1 FROM outofdark_orleans_silos
                  WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deployment_id),
updated AS (
    UPDATE outofdark_orleans_silos s
    SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
    FROM bumped b
    WHERE s.deployment_id = b.deployment_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM updated);
$q$),
('UpdateIAmAlivetimeKey', $q$
UPDATE outofdark_orleans_silos SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),
('GatewaysQueryKey', $q$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM outofdark_orleans_silos
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM outofdark_orleans_cluster_version WHERE deployment_id = @DeploymentId;
$q$),
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM outofdark_orleans_silos
WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3;
$q$),
('ReadReminderRowsKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM outofdark_orleans_adonet_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$q$),
('ReadRangeRows1Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM outofdark_orleans_adonet_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$q$),
('ReadRangeRows2Key', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM outofdark_orleans_adonet_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$q$),
('ReadReminderRowKey', $q$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period",
       version AS "Version"
FROM outofdark_orleans_adonet_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$q$),
('UpsertReminderRowKey', $q$
INSERT INTO outofdark_orleans_adonet_reminders AS r
    (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET grain_hash = EXCLUDED.grain_hash, start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms,
    version = r.version + 1
RETURNING r.version AS "Version";
$q$),
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM outofdark_orleans_adonet_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),
('DeleteReminderRowsKey', $q$
DELETE FROM outofdark_orleans_adonet_reminders WHERE service_id = @ServiceId;
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
