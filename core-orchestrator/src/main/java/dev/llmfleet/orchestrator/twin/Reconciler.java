package dev.llmfleet.orchestrator.twin;

import dev.llmfleet.api.orchestrator.FleetTwin;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The loop that acts on the twin's drift: inference hosts are brought back to the desired version,
 * services down and hosts or services missing are reported. It never stops on an error.
 */
@Component
class Reconciler {

    private static final Log log = LogFactory.getLog(Reconciler.class);

    private final FleetTwinService twin;
    private final VersionReconciler versions;
    private final DriftReports reports;
    private final AtomicBoolean reconciling = new AtomicBoolean();

    Reconciler(FleetTwinService twin, VersionReconciler versions, DriftReports reports) {
        this.twin = twin;
        this.versions = versions;
        this.reports = reports;
    }

    // Fixed rate, not fixed delay: with virtual threads Spring runs every fixed-delay task of the
    // application on its one scheduler thread, so a slow turn here would hold up the registry's
    // sweeps and every other loop. The guard keeps turns from overlapping.
    @Scheduled(
            fixedRateString = "${fleet.orchestrator.twin.reconcile-interval:5s}",
            initialDelayString = "${fleet.orchestrator.twin.reconcile-interval:5s}")
    void reconcile() {
        if (!reconciling.compareAndSet(false, true)) {
            return;
        }
        try {
            FleetTwin current = twin.current();
            reports.report(current.drift());
            if (versions.reconcile(current)) {
                twin.refresh();
            }
        } catch (RuntimeException e) {
            log.warn("Reconciliation failed this turn: " + e.getMessage(), e);
        } finally {
            reconciling.set(false);
        }
    }
}
