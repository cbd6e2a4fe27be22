package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the jobs of leases nobody renewed (their host crashed or was cut off). Several
 * scheduler instances may sweep at once: each takes the expired rows the others do not hold.
 */
@Component
class LeaseExpirySweeper {

    private static final Log log = LogFactory.getLog(LeaseExpirySweeper.class);

    private final LeaseService leases;
    private final JobRepository jobs;
    private final AtomicLong queued = new AtomicLong();

    LeaseExpirySweeper(LeaseService leases, JobRepository jobs, MeterRegistry meters) {
        this.leases = leases;
        this.jobs = jobs;
        Gauge.builder("fleet.scheduler.jobs.queued", queued::get)
                .description("Jobs waiting for a device, as of the last sweep")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${fleet.scheduler.leases.sweep-interval:1s}")
    void sweep() {
        int expired;
        do {
            expired = leases.expireLeases();
            if (expired > 0) {
                log.warn(expired + " lease(s) expired without a heartbeat; their jobs went back to the queue");
            }
        } while (expired > 0);
        queued.set(jobs.countByState(JobState.QUEUED));
    }
}
