package dev.llmfleet.api.scheduler;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

/**
 * The resource-scheduler: the fleet's one job queue, its device inventory and the leases it hands out.
 *
 * <p>A worker on a training or inference host runs this loop:
 *
 * <pre>{@code
 * for (Lease lease : scheduler.pollLeases(host, 20)) {        // long-poll: returns when a lease is ready
 *     // start the job, and every lease.heartbeatIntervalMs():
 *     switch (scheduler.heartbeat(lease.leaseId()).action()) {
 *         case CONTINUE -> {}                                  // keep going
 *         case PAUSE -> scheduler.paused(lease.leaseId(), new PausedRequest(checkpoint));
 *         case ABANDON -> stop();                              // cancelled, skipped or lease lost
 *     }
 *     // at the end: complete(...) or fail(...)
 * }
 * }</pre>
 *
 * The client's read timeout must be longer than the long-poll wait. A host with several devices
 * polls each device's leases on its own ({@link HostLeaseClient}).
 */
@HttpExchange("/api/scheduler")
public interface SchedulerClient {

    @PostExchange("/jobs")
    JobResponse submit(@RequestBody SubmitJobRequest request);

    @GetExchange("/jobs/{jobId}")
    JobResponse get(@PathVariable UUID jobId);

    /** Jobs in queue order; every filter is optional. */
    @GetExchange("/jobs")
    JobPage list(
            @RequestParam(required = false) JobState state,
            @RequestParam(required = false) JobPriority priority,
            @RequestParam(required = false) String host,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size);

    @GetExchange("/jobs/{jobId}/history")
    List<JobHistoryEntry> history(@PathVariable UUID jobId);

    @PutExchange("/jobs/{jobId}/priority")
    JobResponse changePriority(@PathVariable UUID jobId, @RequestBody ChangePriorityRequest request);

    @PostExchange("/jobs/{jobId}/cancel")
    JobResponse cancel(@PathVariable UUID jobId, @RequestBody JobActionRequest request);

    /** Ends the job's current attempt and puts it at the end of the LOW queue. */
    @PostExchange("/jobs/{jobId}/skip")
    JobResponse skip(@PathVariable UUID jobId, @RequestBody JobActionRequest request);

    /** Pauses a queued job at once; a leased one once its worker confirms a checkpoint. */
    @PostExchange("/jobs/{jobId}/pause")
    JobResponse pause(@PathVariable UUID jobId, @RequestBody JobActionRequest request);

    @PostExchange("/jobs/{jobId}/resume")
    JobResponse resume(@PathVariable UUID jobId, @RequestBody JobActionRequest request);

    /** Puts a failed job back on the queue with its attempts reset. */
    @PostExchange("/jobs/{jobId}/retry")
    JobResponse retry(@PathVariable UUID jobId, @RequestBody JobActionRequest request);

    @GetExchange("/queue")
    QueueStatus queueStatus();

    /**
     * The leases handed to {@code host} that its worker has not started yet; waits up to
     * {@code waitSeconds} for one when there is none (an empty list means none came).
     */
    @GetExchange("/leases")
    List<Lease> pollLeases(@RequestParam String host, @RequestParam(defaultValue = "20") int waitSeconds);

    /** Renews the lease (the first heartbeat marks the job RUNNING) and says what to do next. */
    @PutExchange("/leases/{leaseId}/heartbeat")
    LeaseHeartbeatResponse heartbeat(@PathVariable UUID leaseId);

    @PostExchange("/leases/{leaseId}/complete")
    JobResponse complete(@PathVariable UUID leaseId, @RequestBody CompleteJobRequest request);

    @PostExchange("/leases/{leaseId}/fail")
    JobResponse fail(@PathVariable UUID leaseId, @RequestBody FailJobRequest request);

    /** Confirms a checkpoint after a {@link LeaseAction#PAUSE}: the job is paused, the device free. */
    @PostExchange("/leases/{leaseId}/paused")
    JobResponse paused(@PathVariable UUID leaseId, @RequestBody PausedRequest request);

    @PutExchange("/hosts/{host}/devices")
    DeviceReportResponse reportDevices(@PathVariable String host, @RequestBody DeviceReport report);

    @GetExchange("/devices")
    List<DeviceStatus> devices();

    @PostExchange("/vram-estimates")
    VramEstimate estimateVram(@RequestBody VramEstimateRequest request);
}
