package dev.llmfleet.scheduler.device;

import dev.llmfleet.scheduler.device.DeviceService.DeviceKey;
import dev.llmfleet.scheduler.queue.LeaseService;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The scheduler of one device, on a supervised virtual thread of its own: whenever it is woken (a job was
 * queued, a device freed) or its tick passes, it tries to lease the device the best job that fits.
 * Several of these for the same device, in this instance or another, are safe: the claim locks the
 * device row and skips when another holds it.
 */
final class DeviceScheduler {

    private static final Log log = LogFactory.getLog(DeviceScheduler.class);

    private final DeviceKey device;
    private final LeaseService leases;
    private final Duration tick;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean stopped;
    private volatile SupervisedLoop loop;

    DeviceScheduler(DeviceKey device, LeaseService leases, Duration tick) {
        this.device = device;
        this.leases = leases;
        this.tick = tick;
    }

    void start(LoopSupervisor supervisor) {
        loop = supervisor.start("device-scheduler-" + device.uuid(), true, this::run);
    }

    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Lets the current claim finish (interrupting it would break its database connection) and ends the loop. */
    void stop() {
        stopped = true;
        SupervisedLoop running = loop;
        if (running != null) {
            running.stop();
        }
        wakeUps.release();
    }

    private void run(SupervisedLoop supervised) throws InterruptedException {
        while (!stopped && !supervised.stopping()) {
            try {
                leases.claimNext(device.host(), device.uuid())
                        .ifPresent(lease -> log.debug("Leased job " + lease.jobId() + " to " + device));
            } catch (RuntimeException e) {
                // a database hiccup or a lost race on the device's unique lease: try again on the next tick
                log.warn("Scheduling on " + device + " failed: " + e.getMessage());
            }
            wakeUps.tryAcquire(tick.toMillis(), TimeUnit.MILLISECONDS);
            wakeUps.drainPermits();
        }
    }
}
