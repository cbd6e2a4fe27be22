package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.ErrorBusClient;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.fleet.SourceStatuses;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Takes the error-bus's events, found through the registry, for the alert engine and the error
 * rates. What it takes comes from the {@link DurableSubscription}: the event log, read from the
 * hub's persisted position. The live stream ({@code GET /api/errorbus/events/stream}, Server-Sent
 * Events) only rings the bell: an event the subscription has not taken yet, or a keep-alive, makes
 * it catch up at once. So alerts come as fast as the stream, and nothing depends on it: an event
 * the stream dropped, or stored by another error-bus instance, is in the log all the same.
 */
@Component
class ErrorBusFeed implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(ErrorBusFeed.class);
    static final String SOURCE = "error-bus";

    private final FleetHttpClients clients;
    private final DurableSubscription subscription;
    private final SourceStatuses sources;
    private final ObservabilityProperties.Sources settings;
    private volatile Thread thread;

    ErrorBusFeed(
            FleetHttpClients clients,
            DurableSubscription subscription,
            SourceStatuses sources,
            ObservabilityProperties properties) {
        this.clients = clients;
        this.subscription = subscription;
        this.sources = sources;
        this.settings = properties.sources();
    }

    private void run() {
        RestClient http = clients.restClient(SOURCE);
        ErrorBusClient bus = clients.client(SOURCE, ErrorBusClient.class);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                subscription.catchUp(bus);
                sources.up(SOURCE, "following the live stream");
                http.get()
                        .uri("/api/errorbus/events/stream")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .exchange((request, response) -> {
                            read(
                                    new BufferedReader(
                                            new InputStreamReader(response.getBody(), StandardCharsets.UTF_8)),
                                    bus);
                            return null;
                        });
                sources.down(SOURCE, "the live stream ended");
            } catch (RuntimeException e) {
                sources.down(SOURCE, e.getMessage());
                log.debug("The error-bus is not available: " + e.getMessage());
            }
            try {
                Thread.sleep(settings.reconnectDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Reads the stream message by message; one that may bring something new makes the subscription catch up. */
    private void read(BufferedReader reader, ErrorBusClient bus) throws IOException {
        boolean message = false;
        String id = null;
        String line;
        while ((line = reader.readLine()) != null && !Thread.currentThread().isInterrupted()) {
            if (!line.isEmpty()) {
                message = true;
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
            } else if (message) {
                if (id == null || !subscription.taken(id)) {
                    subscription.catchUp(bus);
                }
                message = false;
                id = null;
            }
        }
    }

    @Override
    public void start() {
        if (settings.errorBusFeed()) {
            thread = Thread.ofVirtual().name("error-bus-feed").start(this::run);
        }
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
