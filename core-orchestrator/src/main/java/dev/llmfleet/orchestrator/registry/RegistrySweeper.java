package dev.llmfleet.orchestrator.registry;

import dev.llmfleet.orchestrator.OrchestratorProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks silent instances DOWN after their time-to-live and evicts them after another; writes
 * heartbeat times in batches.
 *
 * <p>When more than {@code massLossRatio} of all instances fall silent in the same sweep, the
 * registry doubts itself rather than them (it may be the one cut off) and marks nobody down until
 * the loss has lasted {@code massLossGrace}.
 */
@Component
class RegistrySweeper {

    private static final Log log = LogFactory.getLog(RegistrySweeper.class);

    private final RegistryService registry;
    private final RegistryStore store;
    private final OrchestratorProperties.Registry settings;
    private final Clock clock;
    private volatile Instant massLossSince;

    RegistrySweeper(
            RegistryService registry,
            RegistryStore store,
            OrchestratorProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.registry = registry;
        this.store = store;
        this.settings = properties.registry();
        this.clock = clock;
        Gauge.builder("fleet.orchestrator.registry.self.preservation", () -> massLossSince == null ? 0 : 1)
                .description("1 while the registry refuses to believe that most instances died at once")
                .register(meters);
        Gauge.builder(
                        "fleet.orchestrator.registry.instances",
                        () -> registry.live().size())
                .description("Registered instances, up or down")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${fleet.orchestrator.registry.sweep-interval:1s}")
    void sweep() {
        Instant now = clock.instant();
        int total = registry.live().size();
        List<LiveInstance> silent = registry.live().stream()
                .filter(i -> i.isSilentFor(settings.ttl(), now))
                .toList();
        if (!silent.isEmpty() && doubtMassLoss(silent.size(), total, now)) {
            return;
        }
        for (LiveInstance instance : silent) {
            instance.markDown(now);
            registry.markedDown(instance);
            log.warn("Instance %s missed its heartbeats for %s; marked DOWN"
                    .formatted(instance.instanceId(), settings.ttl()));
        }
        registry.live().stream()
                .filter(i -> i.isEvictable(settings.evictAfter(), now))
                .toList()
                .forEach(i -> {
                    registry.evict(i);
                    log.warn("Instance %s evicted after %s DOWN".formatted(i.instanceId(), settings.evictAfter()));
                });
    }

    private boolean doubtMassLoss(int silent, int total, Instant now) {
        boolean massive = silent > 1 && silent > settings.massLossRatio() * total;
        if (!massive) {
            massLossSince = null;
            return false;
        }
        if (massLossSince == null) {
            massLossSince = now;
            log.warn(
                    "%d of %d instances fell silent at once; keeping them for up to %s in case the registry is the one cut off"
                            .formatted(silent, total, settings.massLossGrace()));
        }
        return Duration.between(massLossSince, now).compareTo(settings.massLossGrace()) < 0;
    }

    @Scheduled(fixedDelayString = "${fleet.orchestrator.registry.flush-interval:1s}")
    void flushHeartbeats() {
        store.saveHeartbeats(registry.live().stream()
                .filter(LiveInstance::takeUnsavedHeartbeat)
                .toList());
    }
}
