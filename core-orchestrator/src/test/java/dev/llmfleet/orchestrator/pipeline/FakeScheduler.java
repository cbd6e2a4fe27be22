package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.scheduler.ChangePriorityRequest;
import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.DeviceReportResponse;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPage;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseHeartbeatResponse;
import dev.llmfleet.api.scheduler.PausedRequest;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/** The scheduler's queue as far as the pipeline reads and writes it, in memory; can be taken down. */
class FakeScheduler implements SchedulerClient {

    private final Map<UUID, JobResponse> jobs = new LinkedHashMap<>();
    final List<SubmitJobRequest> submitted = new ArrayList<>();
    volatile boolean down;
    /** The next submission reaches the queue but its answer is lost, as when a call times out. */
    volatile boolean loseNextAnswer;

    synchronized void reset() {
        jobs.clear();
        submitted.clear();
        down = false;
        loseNextAnswer = false;
    }

    synchronized JobResponse add(JobKind kind, String payloadRef, String host) {
        JobResponse job = job(UUID.randomUUID(), kind, JobState.QUEUED, payloadRef, host, null, null);
        jobs.put(job.id(), job);
        return job;
    }

    /** Moves a job as its worker would: RUNNING and COMPLETED keep the host that leased it. */
    synchronized JobResponse move(UUID id, JobState state, String leasedHost, String reason) {
        JobResponse old = jobs.get(id);
        JobResponse moved = job(id, old.kind(), state, old.payloadRef(), old.host(), leasedHost, reason);
        jobs.put(id, moved);
        return moved;
    }

    synchronized List<JobResponse> jobs(JobKind kind) {
        return jobs.values().stream().filter(j -> j.kind() == kind).toList();
    }

    @Override
    public synchronized JobResponse submit(SubmitJobRequest request) {
        reachable();
        submitted.add(request);
        JobResponse job = add(request.kind(), request.payloadRef(), request.host());
        if (loseNextAnswer) {
            loseNextAnswer = false;
            throw new ResourceAccessException("Read timed out");
        }
        return job;
    }

    @Override
    public synchronized JobResponse get(UUID jobId) {
        reachable();
        JobResponse job = jobs.get(jobId);
        if (job == null) {
            throw HttpClientErrorException.create(HttpStatus.NOT_FOUND, "Not Found", null, null, null);
        }
        return job;
    }

    @Override
    public synchronized JobPage list(JobState state, JobPriority priority, String host, int page, int size) {
        reachable();
        List<JobResponse> matching = jobs.values().stream()
                .filter(j -> state == null || j.state() == state)
                .filter(j -> host == null || host.equals(j.host()) || host.equals(j.leasedHost()))
                .toList();
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new JobPage(matching.subList(from, to), page, size, matching.size());
    }

    @Override
    public QueueStatus queueStatus() {
        reachable();
        return new QueueStatus(Map.of(), List.of(), List.of());
    }

    @Override
    public List<DeviceStatus> devices() {
        reachable();
        return List.of();
    }

    private void reachable() {
        if (down) {
            throw new ResourceAccessException("Connection refused: resource-scheduler");
        }
    }

    static JobResponse job(
            UUID id, JobKind kind, JobState state, String payloadRef, String host, String leasedHost, String reason) {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");
        return new JobResponse(
                id,
                kind,
                JobPriority.NORMAL,
                state,
                1,
                payloadRef,
                null,
                512,
                "test",
                host,
                null,
                1,
                3,
                null,
                leasedHost,
                null,
                null,
                false,
                null,
                null,
                Objects.requireNonNullElse(reason, ""),
                now,
                now,
                null);
    }

    @Override
    public List<JobHistoryEntry> history(UUID jobId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse changePriority(UUID jobId, ChangePriorityRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse cancel(UUID jobId, JobActionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse skip(UUID jobId, JobActionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse pause(UUID jobId, JobActionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse resume(UUID jobId, JobActionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse retry(UUID jobId, JobActionRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Lease> pollLeases(String host, int waitSeconds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LeaseHeartbeatResponse heartbeat(UUID leaseId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse complete(UUID leaseId, CompleteJobRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse fail(UUID leaseId, FailJobRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public JobResponse paused(UUID leaseId, PausedRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DeviceReportResponse reportDevices(String host, DeviceReport report) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VramEstimate estimateVram(VramEstimateRequest request) {
        throw new UnsupportedOperationException();
    }
}
