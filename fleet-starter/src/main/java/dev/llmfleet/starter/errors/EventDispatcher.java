package dev.llmfleet.starter.errors;

import dev.llmfleet.api.errorbus.FleetEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Moves reported events to the bus on a thread of its own, so that reporting never blocks or fails
 * the service.
 *
 * <p>Reports wait in a bounded memory queue. The dispatcher publishes them in batches; when the bus
 * fails it spools the batch to disk and retries with a growing backoff. While anything is spooled,
 * new batches are spooled behind it so that events reach the bus in order. What cannot be kept
 * (queue full, spool full) is dropped and counted in {@code fleet.errorbus.reporter.dropped}.
 */
public class EventDispatcher implements AutoCloseable {

    private static final Log log = LogFactory.getLog(EventDispatcher.class);
    private static final long POLL_MILLIS = 50;

    private final EventTransport transport;
    private final EventSpool spool;
    private final ErrorBusReporterProperties.Reporter settings;
    private final BlockingQueue<FleetEvent> queue;
    private final Counter published;
    private final Counter failures;
    private final Counter droppedQueueFull;
    private final Counter droppedSpoolFull;
    private final Thread thread;
    private volatile boolean running;
    private Duration backoff = Duration.ZERO;
    private long retryAt;
    private boolean outage;

    public EventDispatcher(
            EventTransport transport,
            EventSpool spool,
            ErrorBusReporterProperties.Reporter settings,
            MeterRegistry meters,
            String threadName) {
        this.transport = transport;
        this.spool = spool;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        String transportTag = transport.name();
        this.published = Counter.builder("fleet.errorbus.reporter.published")
                .description("Events the bus acknowledged")
                .tag("transport", transportTag)
                .register(meters);
        this.failures = Counter.builder("fleet.errorbus.reporter.failures")
                .description("Publishes the bus did not acknowledge (the events were kept and retried)")
                .tag("transport", transportTag)
                .register(meters);
        this.droppedQueueFull = dropped(meters, "queue-full");
        this.droppedSpoolFull = dropped(meters, "spool-full");
        Gauge.builder("fleet.errorbus.reporter.dropped.corrupt", spool, EventSpool::corrupt)
                .description("Spooled events that could not be read back")
                .register(meters);
        Gauge.builder("fleet.errorbus.reporter.queued", queue, BlockingQueue::size)
                .description("Events waiting in memory")
                .register(meters);
        Gauge.builder("fleet.errorbus.reporter.spooled", spool, EventSpool::events)
                .description("Events waiting on disk for the bus")
                .register(meters);
        this.thread = Thread.ofPlatform().name(threadName).daemon().unstarted(this::run);
    }

    private static Counter dropped(MeterRegistry meters, String reason) {
        return Counter.builder("fleet.errorbus.reporter.dropped")
                .description("Events the reporter could not keep")
                .tag("reason", reason)
                .register(meters);
    }

    public void start() {
        running = true;
        thread.start();
    }

    /** Hands an event over; never blocks. False (and counted) when the memory queue is full. */
    public boolean offer(FleetEvent event) {
        if (queue.offer(event)) {
            return true;
        }
        droppedQueueFull.increment();
        return false;
    }

    /** Events reported but not yet acknowledged by the bus, in memory and on disk. */
    public long pending() {
        return queue.size() + spool.events();
    }

    public long spooled() {
        return spool.events();
    }

    public long dropped() {
        return (long) (droppedQueueFull.count() + droppedSpoolFull.count()) + spool.corrupt();
    }

    private void run() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                break;
            } catch (Throwable e) {
                // the reporter of last resort cannot report its own death: it logs and goes on
                log.error("The error-bus dispatcher failed a step; it goes on", e);
                if (!pauseAfterFailure()) {
                    break;
                }
            }
        }
    }

    private boolean pauseAfterFailure() {
        try {
            Thread.sleep(settings.retryInitial());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void step() throws InterruptedException {
        if (!spool.isEmpty() && retryDue()) {
            List<FleetEvent> head = spool.peek();
            if (head.isEmpty() || send(head)) {
                spool.removeHead();
            }
        }
        List<FleetEvent> batch = take();
        if (batch.isEmpty()) {
            return;
        }
        if (spool.isEmpty() && retryDue() && send(batch)) {
            return;
        }
        keep(batch);
    }

    private List<FleetEvent> take() throws InterruptedException {
        FleetEvent first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<FleetEvent> batch = new ArrayList<>(Math.min(settings.batchSize(), queue.size() + 1));
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        return batch;
    }

    private boolean send(List<FleetEvent> batch) {
        try {
            transport.publish(batch);
            published.increment(batch.size());
            if (outage) {
                log.info("The error bus (%s) takes events again; %d still spooled"
                        .formatted(transport.name(), spool.events()));
            }
            outage = false;
            backoff = Duration.ZERO;
            return true;
        } catch (RuntimeException e) {
            failures.increment();
            if (!outage) {
                log.warn("The error bus (%s) is unavailable; spooling events to %s: %s"
                        .formatted(transport.name(), spool.directory(), e.getMessage()));
            }
            outage = true;
            backoff = backoff.isZero() ? settings.retryInitial() : min(backoff.multipliedBy(2), settings.retryMax());
            retryAt = System.nanoTime() + backoff.toNanos();
            return false;
        }
    }

    private void keep(List<FleetEvent> batch) {
        if (!spool.append(batch)) {
            droppedSpoolFull.increment(batch.size());
        }
    }

    private boolean retryDue() {
        return !outage || System.nanoTime() - retryAt >= 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Stops the thread and keeps what is still in memory: sent when the bus takes it, else spooled. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<FleetEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int i = 0; i < rest.size(); i += settings.batchSize()) {
            List<FleetEvent> batch = rest.subList(i, Math.min(rest.size(), i + settings.batchSize()));
            if (outage || !spool.isEmpty() || !send(batch)) {
                keep(new ArrayList<>(batch));
            }
        }
        spool.close();
        transport.close();
    }
}
