package dev.llmfleet.observability.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The events event rules count, once per event id and rule, and their counts per alert over a window. */
@Component
class EventLedger {

    private final JdbcTemplate jdbc;

    EventLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event for the rule; false when it was counted before (a redelivery). */
    boolean record(String eventId, String rule, String fingerprint, Map<String, String> labels, Instant receivedAt) {
        return jdbc.update("""
                        INSERT INTO alert_event (event_id, rule_name, fingerprint, labels, received_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """, eventId, rule, fingerprint, LabelsConverter.write(labels), Timestamp.from(receivedAt))
                > 0;
    }

    /** For each alert of the rule with events since {@code since}: its labels and how many. */
    Map<String, Counted> countsSince(String rule, Instant since) {
        Map<String, Counted> counts = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT fingerprint, min(labels) AS labels, count(*) AS n FROM alert_event
                WHERE rule_name = ? AND received_at >= ? GROUP BY fingerprint
                """,
                rs -> {
                    counts.put(
                            rs.getString("fingerprint"),
                            new Counted(LabelsConverter.read(rs.getString("labels")), rs.getLong("n")));
                },
                rule,
                Timestamp.from(since));
        return counts;
    }

    /** Forgets events older than any window can reach. */
    int purgeBefore(Instant before) {
        return jdbc.update("DELETE FROM alert_event WHERE received_at < ?", Timestamp.from(before));
    }

    record Counted(Map<String, String> labels, long count) {}
}
