package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Renews one lease every {@code heartbeatIntervalMs} while its job (a training run, an evaluation)
 * works. The first answer other than CONTINUE (PAUSE: checkpoint and report paused; ABANDON: stop
 * and report nothing) is kept and asks the job to stop after its current step.
 *
 * <p>Fencing: when no beat has been accepted for as long as the lease lives (three heartbeat
 * intervals, the scheduler's TTL), the scheduler may already have expired the lease and given the
 * job to another worker, so the job is told ABANDON too: it stops, keeps its checkpoint and reports
 * nothing, rather than train on beside the new holder or report a completion that is not its own.
 */
final class Heartbeats implements AutoCloseable {

    private static final Log log = LogFactory.getLog(Heartbeats.class);

    /** The scheduler's lease TTL in heartbeat intervals. */
    static final int INTERVALS_PER_TTL = 3;

    private final SchedulerClient scheduler;
    private final Lease lease;
    private final Runnable stop;
    private final LongSupplier nanoTime;
    private final long ttlNanos;
    private volatile long lastAccepted;
    private volatile boolean fenced;
    private volatile LeaseAction action = LeaseAction.CONTINUE;
    private ScheduledFuture<?> task;

    private Heartbeats(SchedulerClient scheduler, Lease lease, Runnable stop, LongSupplier nanoTime) {
        this.scheduler = scheduler;
        this.lease = lease;
        this.stop = stop;
        this.nanoTime = nanoTime;
        this.ttlNanos = TimeUnit.MILLISECONDS.toNanos(interval(lease) * INTERVALS_PER_TTL);
        this.lastAccepted = nanoTime.getAsLong();
    }

    /** Beats once now (which marks the job RUNNING), then on the lease's interval; {@code stop} asks the job to stop. */
    static Heartbeats start(ScheduledExecutorService executor, SchedulerClient scheduler, Lease lease, Runnable stop) {
        return start(executor, scheduler, lease, stop, System::nanoTime);
    }

    static Heartbeats start(
            ScheduledExecutorService executor,
            SchedulerClient scheduler,
            Lease lease,
            Runnable stop,
            LongSupplier nanoTime) {
        Heartbeats beats = new Heartbeats(scheduler, lease, stop, nanoTime);
        beats.beat();
        long interval = interval(lease);
        beats.task = executor.scheduleAtFixedRate(beats::beat, interval, interval, TimeUnit.MILLISECONDS);
        return beats;
    }

    LeaseAction action() {
        return action;
    }

    /** True when the job was stopped because no beat was accepted within the lease's lifetime. */
    boolean fenced() {
        return fenced;
    }

    private void beat() {
        try {
            LeaseAction answer = scheduler.heartbeat(lease.leaseId()).action();
            if (answer != LeaseAction.ABANDON) {
                lastAccepted = nanoTime.getAsLong();
            }
            tell(answer, "Scheduler says " + answer + " for job " + lease.jobId());
        } catch (RuntimeException e) {
            long silent = nanoTime.getAsLong() - lastAccepted;
            if (silent >= ttlNanos) {
                fenced = true;
                tell(
                        LeaseAction.ABANDON,
                        "No heartbeat of lease " + lease.leaseId() + " accepted for "
                                + TimeUnit.NANOSECONDS.toMillis(silent) + " ms, as long as the lease lives: job "
                                + lease.jobId()
                                + " may be someone else's now, stopping it (" + e + ")");
            } else {
                log.warn("Heartbeat of lease " + lease.leaseId() + " failed, will beat again: " + e);
            }
        }
    }

    private void tell(LeaseAction answer, String why) {
        if (answer != LeaseAction.CONTINUE && action == LeaseAction.CONTINUE) {
            action = answer;
            stop.run();
            log.info(why);
        }
    }

    private static long interval(Lease lease) {
        return Math.max(100, lease.heartbeatIntervalMs());
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
