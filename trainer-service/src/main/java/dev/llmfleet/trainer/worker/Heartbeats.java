package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Renews one lease every {@code heartbeatIntervalMs} while its job (a training run, an evaluation)
 * works. The first answer other than CONTINUE (PAUSE: checkpoint and report paused; ABANDON: stop
 * and report nothing) is kept and asks the job to stop after its current step.
 */
final class Heartbeats implements AutoCloseable {

    private static final Log log = LogFactory.getLog(Heartbeats.class);

    private final SchedulerClient scheduler;
    private final Lease lease;
    private final Runnable stop;
    private volatile LeaseAction action = LeaseAction.CONTINUE;
    private ScheduledFuture<?> task;

    private Heartbeats(SchedulerClient scheduler, Lease lease, Runnable stop) {
        this.scheduler = scheduler;
        this.lease = lease;
        this.stop = stop;
    }

    /** Beats once now (which marks the job RUNNING), then on the lease's interval; {@code stop} asks the job to stop. */
    static Heartbeats start(ScheduledExecutorService executor, SchedulerClient scheduler, Lease lease, Runnable stop) {
        Heartbeats beats = new Heartbeats(scheduler, lease, stop);
        beats.beat();
        long interval = Math.max(100, lease.heartbeatIntervalMs());
        beats.task = executor.scheduleAtFixedRate(beats::beat, interval, interval, TimeUnit.MILLISECONDS);
        return beats;
    }

    LeaseAction action() {
        return action;
    }

    private void beat() {
        try {
            LeaseAction answer = scheduler.heartbeat(lease.leaseId()).action();
            if (answer != LeaseAction.CONTINUE && action == LeaseAction.CONTINUE) {
                action = answer;
                stop.run();
                log.info("Scheduler says " + answer + " for job " + lease.jobId());
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat of lease " + lease.leaseId() + " failed, will beat again: " + e);
        }
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
