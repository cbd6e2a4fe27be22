package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bus without NATS (the all-in-one default): events are appended to the table
 * {@code errorbus.event_inbox}, which the error-bus service's migrations create and its consumer
 * drains. Until the error-bus has created it, publishes fail and the reporter spools and retries.
 *
 * <p>A message id already in the inbox is ignored; once consumed, the error-bus's own unique index
 * stores a re-published event once.
 */
public class PostgresEventTransport implements EventTransport {

    static final String INSERT = """
            INSERT INTO errorbus.event_inbox (message_id, stream, subject, payload, published_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (message_id) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final String stream;
    private final EventSubjects subjects;

    public PostgresEventTransport(DataSource dataSource, EventCodec codec, String stream, EventSubjects subjects) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.codec = codec;
        this.stream = stream;
        this.subjects = subjects;
    }

    @Override
    public void publish(List<FleetEvent> events) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try {
            jdbc.batchUpdate(INSERT, events, events.size(), (ps, event) -> {
                ps.setString(1, event.id());
                ps.setString(2, stream);
                ps.setString(3, subjects.of(event));
                ps.setString(4, new String(codec.encode(event), StandardCharsets.UTF_8));
                ps.setTimestamp(5, now);
            });
        } catch (DataAccessException e) {
            throw BusUnavailableException.because(name(), e.getMostSpecificCause());
        }
    }

    @Override
    public String name() {
        return "postgres";
    }
}
