package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.orchestrator.FleetTwin;
import dev.llmfleet.orchestrator.OrchestratorProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The digital twin: the fleet as the orchestrator knows it, desired against actual. A loop reads
 * it every {@code fleet.orchestrator.twin.refresh-interval}; readers get that snapshot, and only
 * read the fleet themselves when it is older than {@code stale-after} (the loop is stuck or has
 * not run yet). The drift is also the gauge {@code fleet.orchestrator.drift}, tagged by kind.
 */
@Service
public class FleetTwinService {

    private static final Log log = LogFactory.getLog(FleetTwinService.class);

    private final TwinObserver observer;
    private final ExpectedFleet expected;
    private final Duration staleAfter;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile FleetTwin snapshot;

    FleetTwinService(
            TwinObserver observer,
            ExpectedFleet expected,
            OrchestratorProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.observer = observer;
        this.expected = expected;
        this.staleAfter = properties.twin().staleAfter();
        this.clock = clock;
        for (String kind : DriftDetector.KINDS) {
            Gauge.builder("fleet.orchestrator.drift", () -> count(kind))
                    .tag("kind", kind)
                    .description("Differences between the fleet as it should be and as it is")
                    .register(meters);
        }
    }

    /** The latest snapshot, read again first when it is stale. */
    public FleetTwin current() {
        FleetTwin latest = snapshot;
        return fresh(latest) ? latest : refreshIfStale(latest);
    }

    /** Reads the fleet now (after a change the orchestrator made itself, so that the twin shows it). */
    public FleetTwin refresh() {
        refreshing.lock();
        try {
            FleetTwin read = observer.observe();
            snapshot = read;
            return read;
        } finally {
            refreshing.unlock();
        }
    }

    /** Stops expecting a decommissioned host (it no longer shows as HOST_MISSING). */
    public FleetTwin forgetHost(String host) {
        expected.forget(host);
        return refresh();
    }

    // Fixed rate, not fixed delay: with virtual threads Spring runs every fixed-delay task of the
    // application on its one scheduler thread, so a slow turn here would hold up the registry's
    // sweeps and every other loop. The guard keeps turns from overlapping.
    @Scheduled(
            fixedRateString = "${fleet.orchestrator.twin.refresh-interval:5s}",
            initialDelayString = "${fleet.orchestrator.twin.refresh-interval:5s}")
    void refreshLoop() {
        if (!refreshing.tryLock()) {
            return; // a reader is refreshing it right now
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("The twin could not be read this turn: " + e.getMessage(), e);
        } finally {
            refreshing.unlock();
        }
    }

    private FleetTwin refreshIfStale(FleetTwin seen) {
        refreshing.lock();
        try {
            // a refresh that finished while this caller waited is as new as it gets: take it
            FleetTwin latest = snapshot;
            return latest != seen || fresh(latest) ? latest : refresh();
        } finally {
            refreshing.unlock();
        }
    }

    private boolean fresh(FleetTwin twin) {
        return twin != null && !twin.observedAt().plus(staleAfter).isBefore(clock.instant());
    }

    private double count(String kind) {
        FleetTwin latest = snapshot;
        return latest == null
                ? 0
                : latest.drift().stream().filter(d -> kind.equals(d.kind())).count();
    }
}
