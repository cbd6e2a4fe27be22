package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.ErrorBusClient;
import dev.llmfleet.api.errorbus.EventPage;
import dev.llmfleet.api.errorbus.FleetEvent;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.alert.AlertEngine;
import dev.llmfleet.observability.alert.Signal;
import dev.llmfleet.observability.fleet.SourceStatuses;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the error-bus's live stream ({@code GET /api/errorbus/events/stream}, Server-Sent Events),
 * found through the registry, and hands every event to the alert engine and the error rates. After
 * a reconnect it first reads what it missed through the query API; the engine counts an event id
 * once, so overlaps are harmless.
 */
@Component
class ErrorBusFeed implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(ErrorBusFeed.class);
    static final String SOURCE = "error-bus";
    private static final int CATCH_UP = 200;

    private final FleetHttpClients clients;
    private final AlertEngine engine;
    private final ErrorRates rates;
    private final SourceStatuses sources;
    private final ObservabilityProperties.Sources settings;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Thread thread;
    private volatile Instant lastSeen;

    ErrorBusFeed(
            FleetHttpClients clients,
            AlertEngine engine,
            ErrorRates rates,
            SourceStatuses sources,
            ObservabilityProperties properties) {
        this.clients = clients;
        this.engine = engine;
        this.rates = rates;
        this.sources = sources;
        this.settings = properties.sources();
    }

    void accept(FleetEvent event) {
        rates.record(event);
        engine.onEvent(Signal.from(event));
        if (lastSeen == null || event.occurredAt().isAfter(lastSeen)) {
            lastSeen = event.occurredAt();
        }
    }

    private void run() {
        RestClient http = clients.restClient(SOURCE);
        ErrorBusClient query = clients.client(SOURCE, ErrorBusClient.class);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                catchUp(query);
                sources.up(SOURCE, "following the live stream");
                http.get()
                        .uri("/api/errorbus/events/stream")
                        .accept(MediaType.TEXT_EVENT_STREAM)
                        .exchange((request, response) -> {
                            read(new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8)));
                            return null;
                        });
                sources.down(SOURCE, "the live stream ended");
            } catch (RuntimeException e) {
                sources.down(SOURCE, e.getMessage());
                log.debug("The error-bus stream is not available: " + e.getMessage());
            }
            try {
                Thread.sleep(settings.reconnectDelay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void catchUp(ErrorBusClient query) {
        Instant from = lastSeen;
        if (from == null) {
            return;
        }
        EventPage page = query.events(null, null, null, null, from, null, 0, CATCH_UP);
        List<FleetEvent> missed = page.events();
        for (int i = missed.size() - 1; i >= 0; i--) {
            accept(missed.get(i));
        }
    }

    private void read(BufferedReader reader) throws java.io.IOException {
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    dispatch(data.toString());
                    data.setLength(0);
                }
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
            }
        }
    }

    private void dispatch(String data) {
        try {
            accept(json.readValue(data, FleetEvent.class));
        } catch (RuntimeException e) {
            log.warn("Skipped an event the error-bus streamed that could not be read: " + e.getMessage());
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
