package dev.llmfleet.observability.events;

import dev.llmfleet.api.errorbus.ErrorBusClient;
import dev.llmfleet.observability.ObservabilityProperties;
import dev.llmfleet.observability.fleet.SourceStatuses;
import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final FleetHttpClients clients;
    private final DurableSubscription subscription;
    private final SourceStatuses sources;
    private final ObservabilityProperties.Sources settings;
    private final LoopSupervisor supervisor;
    private final ReentrantLock taking = new ReentrantLock();
    private volatile SupervisedLoop loop;
    private volatile Thread thread;

    ErrorBusFeed(
            FleetHttpClients clients,
            DurableSubscription subscription,
            SourceStatuses sources,
            ObservabilityProperties properties,
            LoopSupervisor supervisor) {
        this.clients = clients;
        this.subscription = subscription;
        this.sources = sources;
        this.settings = properties.sources();
        this.supervisor = supervisor;
    }

    /** The feed's loop; when it dies of anything, its supervisor reports it and runs it again. */
    private void run(SupervisedLoop supervised) {
        synchronized (this) {
            if (supervised.stopping()) {
                return;
            }
            thread = Thread.currentThread();
        }
        RestClient http = clients.restClient(SOURCE);
        ErrorBusClient bus = clients.client(SOURCE, ErrorBusClient.class);
        while (running()) {
            try {
                catchUp(bus);
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
        while ((line = reader.readLine()) != null && running()) {
            if (!line.isEmpty()) {
                message = true;
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
            } else if (message) {
                if (id == null || !subscription.taken(id)) {
                    catchUp(bus);
                }
                message = false;
                id = null;
            }
        }
    }

    /**
     * Takes what the log holds, page by page. {@link #stop} interrupts the thread between pages,
     * never inside one: an interrupt closes the database connection of a virtual thread mid-query,
     * and a notification sent but not yet marked sent would go out again.
     */
    private void catchUp(ErrorBusClient bus) {
        boolean more = true;
        while (more) {
            taking.lock();
            try {
                if (!running()) {
                    return;
                }
                more = subscription.takePage(bus) == DurableSubscription.PAGE;
            } finally {
                taking.unlock();
            }
        }
    }

    /** Whether this thread is still the feed's: an interrupt swallowed by a blocking read must not keep it going. */
    private boolean running() {
        return thread == Thread.currentThread() && !Thread.currentThread().isInterrupted();
    }

    @Override
    public void start() {
        if (settings.errorBusFeed()) {
            loop = supervisor.start("error-bus-feed", true, this::run);
        }
    }

    /**
     * Stops the thread and waits a little for it, so that a stopped feed takes nothing more; a page
     * being taken may finish first (for a while: a shutdown does not wait on a hung error-bus).
     */
    @Override
    public void stop() {
        Thread running;
        synchronized (this) {
            SupervisedLoop supervised = loop;
            loop = null;
            if (supervised != null) {
                supervised.stop();
            }
            running = thread;
            thread = null;
        }
        if (running == null) {
            return;
        }
        try {
            boolean betweenPages = taking.tryLock(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            try {
                running.interrupt();
            } finally {
                if (betweenPages) {
                    taking.unlock();
                }
            }
            running.join(STOP_WAIT);
        } catch (InterruptedException e) {
            running.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
