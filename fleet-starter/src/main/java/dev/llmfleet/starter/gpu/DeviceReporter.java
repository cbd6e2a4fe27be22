package dev.llmfleet.starter.gpu;

import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reports this host's devices to the resource-scheduler on a heartbeat, so that its schedulers
 * can place jobs on them; a host that stops reporting has its devices go stale there. A scheduler
 * that cannot be reached is tried again on the next beat.
 */
public class DeviceReporter implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(DeviceReporter.class);

    private final DeviceProbe probe;
    private final SchedulerClient scheduler;
    private final String host;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;
    private volatile boolean reachable = true;

    public DeviceReporter(DeviceProbe probe, SchedulerClient scheduler, String host, Duration interval) {
        this.probe = probe;
        this.scheduler = scheduler;
        this.host = host;
        this.interval = interval;
    }

    /** Probes the devices and sends one report; false when the scheduler did not take it. */
    public boolean report() {
        try {
            scheduler.reportDevices(host, new DeviceReport(probe.probe()));
            if (!reachable) {
                log.info("Reporting devices of " + host + " to the resource-scheduler again");
            }
            reachable = true;
            return true;
        } catch (RuntimeException e) {
            if (reachable) {
                log.warn("Cannot report the devices of " + host + " to the resource-scheduler: " + e.getMessage());
            }
            reachable = false;
            return false;
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fleet-device-reporter");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::report, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.shutdownNow();
        }
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
