package dev.llmfleet.errorbus.event;

import dev.llmfleet.api.errorbus.CauseInfo;
import dev.llmfleet.api.errorbus.EventCount;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.api.errorbus.SequencedEvent;
import dev.llmfleet.api.errorbus.Severity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored events, over plain JDBC: events are immutable facts written in batches of hundreds on the
 * hot path, where a JPA entity per row would only cost.
 *
 * <p>The row id is the event log's sequence ({@link SequencedEvent#seq()}). A sequence alone hands
 * out numbers in the order transactions start, not the order they commit: a reader could see 7,
 * move its position past it, and only then see 6 commit. Writers therefore take {@link
 * #lockSequence} first, so that ids are drawn and committed one batch at a time, across every
 * error-bus instance on the database.
 */
@Repository
class EventStore {

    private static final String INSERT = """
            INSERT INTO event (message_id, service, instance, severity, code, message, causes, trace_id,
                               client_id, occurred_at, stored_at)
            SELECT u.*, ? FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::text[], ?::text[], ?::text[], ?::timestamptz[]) AS u
            ON CONFLICT (message_id) DO NOTHING
            RETURNING message_id
            """;
    private static final String COLUMNS =
            "message_id, service, instance, severity, code, message, causes, trace_id, client_id, occurred_at";
    /** The transaction-scoped advisory lock that orders the writers of the event log. */
    private static final long SEQUENCE_LOCK = 0x6572726f72627573L; // "errorbus"

    private static final TypeReference<List<CauseInfo>> CAUSES = new TypeReference<>() {};

    private record Where(String sql, Map<String, Object> params) {}

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    EventStore(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /**
     * Inserts the events in one statement (arrays unnested server-side, much cheaper than a JDBC
     * batch of single-row inserts); for each, whether it was new (a known message id is left alone).
     */
    boolean[] insertAll(List<FleetEvent> events, Instant storedAt) {
        int n = events.size();
        String[][] text = new String[9][n];
        Timestamp[] occurred = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            FleetEvent e = events.get(i);
            text[0][i] = e.id();
            text[1][i] = e.service();
            text[2][i] = e.instance();
            text[3][i] = e.severity().name();
            text[4][i] = e.code();
            text[5][i] = e.message();
            text[6][i] = json.writeValueAsString(e.causes());
            text[7][i] = e.traceId();
            text[8][i] = e.clientId();
            occurred[i] = Timestamp.from(e.occurredAt());
        }
        Set<String> inserted = template.execute((ConnectionCallback<Set<String>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setTimestamp(1, Timestamp.from(storedAt));
                for (int column = 0; column < text.length; column++) {
                    statement.setArray(column + 2, connection.createArrayOf("text", text[column]));
                }
                statement.setArray(11, connection.createArrayOf("timestamptz", occurred));
                Set<String> ids = new HashSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
        boolean[] fresh = new boolean[n];
        for (int i = 0; i < n; i++) {
            fresh[i] = inserted.remove(text[0][i]); // a second copy in the same batch is not new
        }
        return fresh;
    }

    /** Holds the event log's sequence until the current transaction ends; call before inserting. */
    void lockSequence() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(:key)")
                .param("key", SEQUENCE_LOCK)
                .query(Integer.class)
                .single();
    }

    /** Events after position {@code after} of the log, in log order. */
    List<SequencedEvent> findAfter(long after, int limit) {
        return jdbc.sql("SELECT id, " + COLUMNS + " FROM event WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", after)
                .param("limit", limit)
                .query((rs, row) -> new SequencedEvent(rs.getLong("id"), event(rs, row)))
                .list();
    }

    Optional<FleetEvent> find(String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM event WHERE message_id = :id")
                .param("id", messageId)
                .query(this::event)
                .optional();
    }

    List<FleetEvent> find(EventFilter filter, long offset, int limit) {
        Where where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM event" + where.sql()
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(this::event)
                .list();
    }

    long count(EventFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT count(*) FROM event" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** Counts per bucket and severity; {@code filter.from()} is the origin of the buckets. */
    List<EventCount> counts(EventFilter filter, Duration bucket) {
        Where where = where(filter);
        return jdbc.sql("""
                        SELECT date_bin(make_interval(secs => :secs), occurred_at, :origin) AS bucket,
                               severity, count(*) AS n
                        FROM event""" + where.sql() + " GROUP BY bucket, severity ORDER BY bucket, severity")
                .params(where.params())
                .param("secs", (double) bucket.toMillis() / 1000)
                .param("origin", Timestamp.from(filter.from()))
                .query((rs, n) -> new EventCount(
                        rs.getTimestamp("bucket").toInstant(),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getLong("n")))
                .list();
    }

    /** Deletes up to {@code limit} events that occurred before {@code cutoff}; how many it deleted. */
    int deleteOccurredBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                        DELETE FROM event WHERE id IN (
                            SELECT id FROM event WHERE occurred_at < :cutoff ORDER BY occurred_at LIMIT :limit)
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .param("limit", limit)
                .update();
    }

    private FleetEvent event(ResultSet rs, int row) throws SQLException {
        return new FleetEvent(
                rs.getString("message_id"),
                rs.getString("service"),
                rs.getString("instance"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("code"),
                rs.getString("message"),
                json.readValue(rs.getString("causes"), CAUSES),
                rs.getString("trace_id"),
                rs.getString("client_id"),
                rs.getTimestamp("occurred_at").toInstant());
    }

    private static Where where(EventFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(conditions, params, "service = :service", "service", filter.service());
        add(
                conditions,
                params,
                "severity = :severity",
                "severity",
                filter.severity() == null ? null : filter.severity().name());
        add(conditions, params, "code = :code", "code", filter.code());
        add(conditions, params, "client_id = :clientId", "clientId", filter.clientId());
        add(
                conditions,
                params,
                "occurred_at >= :from",
                "from",
                filter.from() == null ? null : Timestamp.from(filter.from()));
        add(conditions, params, "occurred_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        if (filter.clientOnly()) {
            conditions.add("client_id IS NOT NULL");
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static void add(
            List<String> conditions, Map<String, Object> params, String sql, String name, Object value) {
        if (value != null) {
            conditions.add(sql);
            params.put(name, value);
        }
    }
}
