package dev.llmfleet.starter.errors;

import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The fleet's one NATS connection per service, made on first use and kept; it makes sure the
 * bus's durable, file-backed stream exists.
 *
 * <p>A server that cannot be reached is not fatal: {@link #connection()} throws and the next call
 * tries again. Once connected, the client reconnects by itself; while it is cut off, publishes fail
 * at once (no client-side reconnect buffer) so that the reporter spools them to disk instead.
 */
public class NatsBus implements AutoCloseable {

    private static final Log log = LogFactory.getLog(NatsBus.class);
    private static final int NOT_FOUND = 404;

    private final ErrorBusReporterProperties properties;
    private final EventSubjects subjects;
    private final String connectionName;
    private Connection connection;
    private boolean closed;

    public NatsBus(ErrorBusReporterProperties properties, String connectionName) {
        if (!properties.nats().enabled()) {
            throw new IllegalArgumentException("fleet.errorbus.nats.url is not set");
        }
        this.properties = properties;
        this.subjects = new EventSubjects(properties.subjectPrefix());
        this.connectionName = connectionName;
    }

    /** The connection, made (and the stream ensured) now if there is none yet. */
    public synchronized Connection connection() {
        if (closed) {
            throw BusUnavailableException.because("nats", "the connection is closed");
        }
        if (connection != null && connection.getStatus() != Connection.Status.CLOSED) {
            return connection;
        }
        Options options = Options.builder()
                .server(properties.nats().url().toString())
                .connectionName(connectionName)
                .connectionTimeout(properties.nats().connectionTimeout())
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                .reconnectBufferSize(0)
                .build();
        try {
            Connection fresh = Nats.connect(options);
            ensureStream(fresh);
            connection = fresh;
            log.info("Connected to NATS at " + properties.nats().url() + ", stream " + properties.stream());
            return fresh;
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            throw BusUnavailableException.because("nats", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BusUnavailableException.because("nats", e);
        }
    }

    public JetStream jetStream() {
        try {
            return connection().jetStream();
        } catch (IOException e) {
            throw BusUnavailableException.because("nats", e);
        }
    }

    public boolean isConnected() {
        Connection current;
        synchronized (this) {
            current = connection;
        }
        return current != null && current.getStatus() == Connection.Status.CONNECTED;
    }

    public String streamName() {
        return properties.stream();
    }

    public EventSubjects subjects() {
        return subjects;
    }

    public Duration ackTimeout() {
        return properties.nats().ackTimeout();
    }

    private void ensureStream(Connection fresh) throws IOException, JetStreamApiException {
        JetStreamManagement management = fresh.jetStreamManagement();
        try {
            management.getStreamInfo(properties.stream());
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() != NOT_FOUND) {
                throw e;
            }
            management.addStream(StreamConfiguration.builder()
                    .name(properties.stream())
                    .subjects(subjects.all())
                    .storageType(StorageType.File)
                    .duplicateWindow(properties.nats().duplicateWindow())
                    .maxAge(properties.nats().maxAge())
                    .build());
            log.info("Created the JetStream stream " + properties.stream() + " on " + subjects.all());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connection = null;
        }
    }
}
