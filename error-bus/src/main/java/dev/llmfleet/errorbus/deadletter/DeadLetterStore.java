package dev.llmfleet.errorbus.deadletter;

import dev.llmfleet.api.errorbus.DeadLetter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeadLetterStore {

    private final JdbcClient jdbc;

    DeadLetterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a dead letter; a message id already dead-lettered (a redelivery) is left alone. */
    void insert(String messageId, String subject, String reason, String payload, int deliveries, Instant deadAt) {
        jdbc.sql("""
                        INSERT INTO dead_letter (message_id, subject, reason, payload, deliveries, dead_at)
                        VALUES (:messageId, :subject, :reason, :payload, :deliveries, :deadAt)
                        ON CONFLICT (message_id) DO NOTHING
                        """)
                .param("messageId", messageId)
                .param("subject", subject)
                .param("reason", reason)
                .param("payload", payload)
                .param("deliveries", deliveries)
                .param("deadAt", Timestamp.from(deadAt))
                .update();
    }

    List<DeadLetter> recent(int limit) {
        return jdbc.sql("""
                        SELECT id, message_id, subject, reason, payload, deliveries, dead_at
                        FROM dead_letter ORDER BY dead_at DESC, id DESC LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new DeadLetter(
                        rs.getLong("id"),
                        rs.getString("message_id"),
                        rs.getString("subject"),
                        rs.getString("reason"),
                        rs.getString("payload"),
                        rs.getInt("deliveries"),
                        rs.getTimestamp("dead_at").toInstant()))
                .list();
    }

    int deleteDeadBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM dead_letter WHERE id IN (
                            SELECT id FROM dead_letter WHERE dead_at < :cutoff ORDER BY dead_at LIMIT :limit)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }
}
