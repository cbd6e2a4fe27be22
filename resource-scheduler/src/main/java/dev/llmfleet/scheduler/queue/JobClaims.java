package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a claim, the scheduler's hot path. The QUEUED → LEASED move is made here in one
 * statement rather than through {@link Job}: the {@code state = 'QUEUED'} condition is the
 * transition check ({@link JobTransitions} allows it), and the history row is written by the same
 * statement. Both methods run in the caller's transaction.
 */
@Component
class JobClaims {

    private static final String CLAIM = """
            WITH next AS (
                SELECT id FROM job
                WHERE state = 'QUEUED'
                  AND required_vram_mb <= :freeMb
                  AND (host_constraint IS NULL OR host_constraint = :host)
                  AND (device_constraint IS NULL OR device_constraint = :uuid)
                  AND NOT EXISTS (SELECT 1 FROM job busy
                                  WHERE busy.leased_device = :uuid AND busy.state IN ('LEASED', 'RUNNING'))
                ORDER BY priority_rank, queue_position
                LIMIT 1
                FOR UPDATE SKIP LOCKED),
            leased AS (
                UPDATE job SET state = 'LEASED', attempts = job.attempts + 1, lease_id = :leaseId,
                               leased_host = :host, leased_device = :uuid, leased_at = :now,
                               lease_expires_at = :expiresAt, pause_requested = FALSE,
                               last_reason = :reason, updated_at = :now, version = job.version + 1
                FROM next WHERE job.id = next.id
                RETURNING job.*),
            history AS (
                INSERT INTO job_history (job_id, from_state, to_state, actor, reason, at)
                SELECT id, 'QUEUED', 'LEASED', 'scheduler', :reason, :now FROM leased)
            SELECT * FROM leased
            """;

    private final JdbcClient jdbc;

    JobClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the device's row and answers its free memory, but only when the device is fresh, holds
     * no job and some queued job fits it: every other attempt (most of them) matches no row, locks
     * nothing and so writes nothing. Empty too when another scheduler holds the row right now.
     *
     * <p>The busy check here reads a snapshot taken before the lock; a lease committed in between
     * is caught by {@link #claim}, whose statement starts after the lock is held.
     */
    Optional<Long> lockDeviceIfWorthClaiming(String host, String uuid, Instant staleBefore) {
        return jdbc.sql("""
                        SELECT d.memory_free_mb FROM device d
                        WHERE d.uuid = :uuid AND d.host = :host AND d.last_report_at > :staleBefore
                          AND NOT EXISTS (SELECT 1 FROM job busy
                                          WHERE busy.leased_device = d.uuid AND busy.state IN ('LEASED', 'RUNNING'))
                          AND EXISTS (SELECT 1 FROM job j
                                      WHERE j.state = 'QUEUED'
                                        AND j.required_vram_mb <= d.memory_free_mb
                                        AND (j.host_constraint IS NULL OR j.host_constraint = :host)
                                        AND (j.device_constraint IS NULL OR j.device_constraint = :uuid))
                        FOR UPDATE OF d SKIP LOCKED
                        """)
                .param("uuid", uuid)
                .param("host", host)
                .param("staleBefore", Timestamp.from(staleBefore))
                .query(Long.class)
                .optional();
    }

    /** Whether the device has not reported since {@code staleBefore} (or is unknown): its host is down or restarting. */
    boolean deviceSilent(String host, String uuid, Instant staleBefore) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM device d
                                           WHERE d.uuid = :uuid AND d.host = :host
                                             AND d.last_report_at > :staleBefore)
                        """)
                .param("uuid", uuid)
                .param("host", host)
                .param("staleBefore", Timestamp.from(staleBefore))
                .query(Boolean.class)
                .single();
    }

    /**
     * Leases the best queued job that fits {@code freeMb} to the device, unless the device already
     * holds one (read after the device lock, so a lease another scheduler just committed is seen).
     */
    Optional<JobResponse> claim(String host, String uuid, long freeMb, UUID leaseId, Instant now, Instant expiresAt) {
        return jdbc.sql(CLAIM)
                .param("freeMb", freeMb)
                .param("host", host)
                .param("uuid", uuid)
                .param("leaseId", leaseId)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .param("reason", "leased to " + host + "/" + uuid)
                .query(JobClaims::toResponse)
                .optional();
    }

    private static JobResponse toResponse(ResultSet row, int rowNumber) throws SQLException {
        long peak = row.getLong("peak_vram_mb");
        Long peakVramMb = row.wasNull() ? null : peak;
        return new JobResponse(
                row.getObject("id", UUID.class),
                JobKind.valueOf(row.getString("kind")),
                JobPriority.valueOf(row.getString("priority")),
                JobState.valueOf(row.getString("state")),
                row.getLong("queue_position"),
                row.getString("payload_ref"),
                row.getString("model"),
                row.getLong("required_vram_mb"),
                row.getString("submitted_by"),
                row.getString("host_constraint"),
                row.getString("device_constraint"),
                row.getInt("attempts"),
                row.getInt("max_attempts"),
                row.getObject("lease_id", UUID.class),
                row.getString("leased_host"),
                row.getString("leased_device"),
                instant(row, "lease_expires_at"),
                row.getBoolean("pause_requested"),
                row.getString("checkpoint_ref"),
                peakVramMb,
                row.getString("last_reason"),
                instant(row, "submitted_at"),
                instant(row, "updated_at"),
                JobSettings.fromColumn(row.getString("settings")));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
