package dev.llmfleet.api.scheduler;

import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The resource-scheduler's lease calls that a worker host makes for one of its devices or for all
 * its leases at once; the per-lease calls (heartbeat, complete, fail, paused) are on
 * {@link SchedulerClient}. A host runs one worker per device, each polling its own device's
 * leases, and announces a restart before its workers poll:
 *
 * <pre>{@code
 * leases.releaseHost(host);                                   // the leases of the last run are void
 * for (Lease lease : leases.pollLeases(host, device, 20)) { ... }   // one loop per device
 * }</pre>
 */
@HttpExchange("/api/scheduler")
public interface HostLeaseClient {

    /**
     * The leases handed to {@code device} of {@code host} (every device of it when {@code device}
     * is null) that have not started yet; waits up to {@code waitSeconds} for one when there is
     * none (an empty list means none came).
     */
    @GetExchange("/leases")
    List<Lease> pollLeases(
            @RequestParam String host,
            @RequestParam(required = false) String device,
            @RequestParam(defaultValue = "20") int waitSeconds);

    /**
     * Tells the scheduler that {@code host}'s worker restarted and so works none of the leases it
     * held: their jobs go back to the queue at their original position (a job whose pause was
     * asked for goes to PAUSED) without using up an attempt, and are leased again from their last
     * checkpoint.
     *
     * @return the jobs released, as they are now
     */
    @PostExchange("/hosts/{host}/leases/release")
    List<JobResponse> releaseHost(@PathVariable String host);
}
