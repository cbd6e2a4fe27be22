package dev.llmfleet.trainer.lifecycle.versions;

import dev.llmfleet.trainer.lifecycle.DiskGuard;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import dev.llmfleet.trainer.lifecycle.LifecycleProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What every version operation shares: folders, settings, the disk guard, metrics and listeners. */
@Component
class LifecycleContext {

    private final LifecyclePaths paths;
    private final LifecycleProperties properties;
    private final DiskGuard diskGuard;
    private final MeterRegistry meters;
    private final ObjectProvider<ConsolidationListener> listeners;

    LifecycleContext(
            LifecyclePaths paths,
            LifecycleProperties properties,
            DiskGuard diskGuard,
            MeterRegistry meters,
            ObjectProvider<ConsolidationListener> listeners) {
        this.paths = paths;
        this.properties = properties;
        this.diskGuard = diskGuard;
        this.meters = meters;
        this.listeners = listeners;
    }

    LifecyclePaths paths() {
        return paths;
    }

    LifecycleProperties properties() {
        return properties;
    }

    DiskGuard diskGuard() {
        return diskGuard;
    }

    MeterRegistry meters() {
        return meters;
    }

    List<ConsolidationListener> listeners() {
        return listeners.orderedStream().toList();
    }
}
