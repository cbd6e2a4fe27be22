package dev.llmfleet.errorbus.ingest;

import dev.llmfleet.errorbus.ErrorBusProperties;
import dev.llmfleet.starter.errors.ErrorBusReporterProperties;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Consumes the PostgreSQL inbox (the bus without NATS) the way a JetStream pull consumer does: rows
 * are leased for {@code ackWait} (a crashed error-bus's leases run out and the rows are delivered
 * again), their delivery count goes up with each lease, and a row is deleted, the acknowledgement,
 * only once its event is stored or dead-lettered.
 */
@Component
@ConditionalOnExpression("'${fleet.errorbus.nats.url:}'.isEmpty()")
class PostgresEventSource extends ConsumerLoop {

    private record Row(long seq, InboundMessage message) {}

    private final JdbcClient jdbc;
    private final EventIngestor ingestor;
    private final ErrorBusProperties.Consumer settings;
    private final String stream;
    private final Clock clock;

    PostgresEventSource(
            JdbcClient jdbc,
            EventIngestor ingestor,
            ErrorBusProperties properties,
            ErrorBusReporterProperties bus,
            Clock clock,
            LoopSupervisor supervisor) {
        super("errorbus-postgres-consumer", supervisor);
        this.jdbc = jdbc;
        this.ingestor = ingestor;
        this.settings = properties.consumer();
        this.stream = bus.stream();
        this.clock = clock;
    }

    @Override
    protected boolean poll() {
        List<Row> rows = lease();
        if (rows.isEmpty()) {
            return false;
        }
        List<Outcome> outcomes = ingestor.ingest(rows.stream().map(Row::message).toList());
        List<Long> done = new ArrayList<>();
        List<Long> retry = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (outcomes.get(i) == Outcome.DONE ? done : retry).add(rows.get(i).seq());
        }
        if (!done.isEmpty()) {
            jdbc.sql("DELETE FROM event_inbox WHERE seq = ANY(:seqs)")
                    .param("seqs", done.toArray(Long[]::new))
                    .update();
        }
        if (!retry.isEmpty()) {
            jdbc.sql("UPDATE event_inbox SET leased_until = :until WHERE seq = ANY(:seqs)")
                    .param("until", after(settings.redeliveryDelay()))
                    .param("seqs", retry.toArray(Long[]::new))
                    .update();
        }
        return rows.size() == settings.batchSize();
    }

    @Override
    protected void idle() throws InterruptedException {
        Thread.sleep(settings.pollInterval());
    }

    private List<Row> lease() {
        return jdbc
                .sql("""
                        UPDATE event_inbox SET deliveries = deliveries + 1, leased_until = :leaseEnd
                        WHERE seq IN (
                            SELECT seq FROM event_inbox
                            WHERE stream = :stream AND (leased_until IS NULL OR leased_until < :now)
                            ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING seq, message_id, subject, payload, deliveries
                        """)
                .param("leaseEnd", after(settings.ackWait()))
                .param("stream", stream)
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", settings.batchSize())
                .query((rs, n) -> new Row(
                        rs.getLong("seq"),
                        new InboundMessage(
                                rs.getString("message_id"),
                                rs.getString("subject"),
                                rs.getString("payload").getBytes(StandardCharsets.UTF_8),
                                rs.getInt("deliveries"))))
                .list()
                .stream()
                .sorted(Comparator.comparingLong(Row::seq))
                .toList();
    }

    private Timestamp after(Duration duration) {
        return Timestamp.from(clock.instant().plus(duration));
    }
}
