package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.DatasetStatus;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Reports a run that trained to its end and says what its dataset becomes: COMPLETED only once the
 * scheduler accepted the completion. A scheduler that cannot be reached (or answers 5xx, 408, 429)
 * is tried again with a doubling back-off. A refusal (the lease is no longer this worker's) or
 * silence to the end leaves the dataset where the job is: usually QUEUED, and the job's next lease
 * resumes from the final checkpoint and completes at once.
 */
final class Completions {

    private static final Log log = LogFactory.getLog(Completions.class);

    /** What the dataset becomes, and why. */
    record Settled(DatasetStatus status, String reason) {}

    /** Waits between tries; {@link Thread#sleep} outside tests. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final SchedulerClient scheduler;
    private final int attempts;
    private final Duration backoff;
    private final Sleeper sleeper;

    Completions(SchedulerClient scheduler, int attempts, Duration backoff, Sleeper sleeper) {
        this.scheduler = scheduler;
        this.attempts = attempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    Settled complete(Lease lease, CompleteJobRequest request) {
        Duration wait = backoff;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                scheduler.complete(lease.leaseId(), request);
                return new Settled(DatasetStatus.COMPLETED, request.summary());
            } catch (HttpClientErrorException refused) {
                if (!retriable(refused)) {
                    return refused(lease, request, refused);
                }
                last = refused;
            } catch (RuntimeException unreachable) {
                last = unreachable;
            }
            log.warn("Completion of job " + lease.jobId() + " not delivered (try " + attempt + " of " + attempts + "): "
                    + last);
            if (attempt < attempts && !pause(wait)) {
                break;
            }
            wait = wait.multipliedBy(2);
        }
        return new Settled(
                DatasetStatus.QUEUED,
                request.summary() + ", but the scheduler could not be told (" + last
                        + "): the job comes back when its lease runs out and completes from its final checkpoint");
    }

    /**
     * The lease is gone. The scheduler may have taken an earlier try whose answer was lost, or
     * given the job back to the queue: its own state decides.
     */
    private Settled refused(Lease lease, CompleteJobRequest request, HttpClientErrorException refused) {
        String why = request.summary() + ", but the scheduler refused the completion (" + refused.getStatusCode()
                + "): the lease is no longer this worker's";
        JobResponse job;
        try {
            job = scheduler.get(lease.jobId());
        } catch (RuntimeException e) {
            return new Settled(DatasetStatus.QUEUED, why + "; the job runs again from its final checkpoint");
        }
        return switch (job.state()) {
            case COMPLETED -> new Settled(DatasetStatus.COMPLETED, request.summary());
            case PAUSED -> new Settled(DatasetStatus.PAUSED, why + "; the job is paused");
            case SKIPPED -> new Settled(DatasetStatus.SKIPPED, why + "; the job was skipped");
            case FAILED, CANCELLED -> new Settled(DatasetStatus.FAILED, why + "; the job is " + job.state());
            case QUEUED, LEASED, RUNNING ->
                new Settled(DatasetStatus.QUEUED, why + "; the job runs again from its final checkpoint");
        };
    }

    private boolean pause(Duration wait) {
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean retriable(HttpClientErrorException e) {
        return e.getStatusCode().isSameCodeAs(HttpStatus.REQUEST_TIMEOUT)
                || e.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)
                || e.getStatusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED);
    }
}
