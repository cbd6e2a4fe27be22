package dev.llmfleet.errorbus;

import dev.llmfleet.starter.errors.ErrorBusReporterProperties;
import dev.llmfleet.starter.errors.EventCodec;
import dev.llmfleet.starter.errors.EventSubjects;
import dev.llmfleet.starter.errors.EventTransport;
import dev.llmfleet.starter.errors.PostgresEventTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same acceptance behaviour on the PostgreSQL transport (the all-in-one default, no NATS). */
class PostgresBusAcceptanceTest extends BusAcceptanceTest {

    @Override
    protected List<String> busArguments() {
        return List.of();
    }

    @Override
    protected void publishRaw(String messageId, byte[] payload) {
        errorBus.getBean(JdbcTemplate.class)
                .update(
                        "INSERT INTO errorbus.event_inbox (message_id, stream, subject, payload, published_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        messageId,
                        stream,
                        subjectPrefix + ".events.hostile.error",
                        new String(payload, StandardCharsets.UTF_8),
                        Timestamp.from(Instant.now()));
    }

    @Override
    protected EventTransport transportThrough(TcpProxy proxy) {
        String url = errorBus.getEnvironment().getRequiredProperty("spring.datasource.url");
        // The path only: the embedded server's URL carries a query (?user=postgres) of its own.
        String database = URI.create(url.substring("jdbc:".length())).getPath().substring(1);
        DriverManagerDataSource cutOff = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database + "?connectTimeout=2&socketTimeout=5",
                errorBus.getEnvironment().getProperty("spring.datasource.username", "postgres"),
                errorBus.getEnvironment().getProperty("spring.datasource.password", ""));
        ErrorBusReporterProperties shared = errorBus.getBean(ErrorBusReporterProperties.class);
        return new PostgresEventTransport(
                cutOff, new EventCodec(), shared.stream(), new EventSubjects(shared.subjectPrefix()));
    }

    @Override
    protected String transportName() {
        return "postgres";
    }

    @Override
    protected int busPort() {
        String url = errorBus.getEnvironment().getRequiredProperty("spring.datasource.url");
        int port = URI.create(url.substring("jdbc:".length())).getPort();
        return port < 0 ? 5432 : port;
    }
}
