package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.LeaseHeartbeatResponse;
import dev.llmfleet.api.scheduler.PausedRequest;
import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.vram.VramService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leases: a device's scheduler claims the best job for it, the host's worker long-polls for it,
 * heartbeats it, and reports how it ended. A lease that is not renewed in time expires and its
 * job goes back to the queue at its original position, or fails once it has used its attempts.
 */
@Service
public class LeaseService {

    private static final int EXPIRY_BATCH = 100;

    private final JobRepository jobs;
    private final JobJournal journal;
    private final JobClaims claims;
    private final LeaseWaiters waiters;
    private final VramService vram;
    private final QueueContext context;
    private final LeaseMetrics metrics;
    /** When each host's worker last showed it is alive (a poll or a heartbeat), as this instance saw it. */
    private final Map<String, Instant> workerContact = new ConcurrentHashMap<>();

    LeaseService(
            JobRepository jobs,
            JobJournal journal,
            JobClaims claims,
            LeaseWaiters waiters,
            VramService vram,
            QueueContext context) {
        this.jobs = jobs;
        this.journal = journal;
        this.claims = claims;
        this.waiters = waiters;
        this.vram = vram;
        this.context = context;
        this.metrics = new LeaseMetrics(context.meters());
    }

    /**
     * One scheduling decision for one device, in one PostgreSQL transaction: lock the device (a
     * second scheduler for it skips instead of waiting), then, in one statement, make sure nothing
     * holds it, lock the best queued job that fits its free memory with {@code FOR UPDATE SKIP
     * LOCKED}, lease it and write its history row.
     *
     * @return the lease, or empty when the device is busy, stale, unknown or nothing fits
     */
    @Transactional
    public Optional<Lease> claimNext(String host, String deviceUuid) {
        Instant now = context.clock().instant();
        Instant staleBefore = now.minus(context.settings().devices().staleAfter());
        Optional<JobResponse> leased = claims.lockDeviceIfWorthClaiming(host, deviceUuid, staleBefore)
                .flatMap(freeMb -> claims.claim(host, deviceUuid, freeMb, UUID.randomUUID(), now, now.plus(ttl())));
        leased.ifPresent(job -> {
            context.events().publishEvent(new LeaseGranted(host));
            metrics.leased(Duration.between(job.submittedAt(), now));
        });
        return leased.map(job -> toLease(job));
    }

    private Lease toLease(JobResponse job) {
        return new Lease(
                job.leaseId(),
                job.id(),
                job.leasedHost(),
                job.leasedDevice(),
                job.attempts(),
                job.leaseExpiresAt(),
                heartbeatInterval().toMillis(),
                job);
    }

    /**
     * The leases handed to {@code host} that its worker has not started; when there are none,
     * waits up to {@code wait} (capped) for one. Holds no transaction or connection while waiting.
     */
    public List<Lease> pollLeases(String host, Duration wait) throws InterruptedException {
        return pollLeases(host, null, wait);
    }

    /** As {@link #pollLeases(String, Duration)}, narrowed to one device of the host when {@code device} is not null. */
    public List<Lease> pollLeases(String host, String device, Duration wait) throws InterruptedException {
        Duration capped = wait.compareTo(context.settings().leases().maxWait()) > 0
                ? context.settings().leases().maxWait()
                : wait;
        long deadline = System.nanoTime() + capped.toNanos();
        long recheck = context.settings().leases().pollRecheck().toNanos();
        while (true) {
            workerContact.put(host, context.clock().instant());
            long seen = waiters.generation(host);
            List<Job> unstarted = device == null
                    ? jobs.findByStateAndLeasedHostOrderByLeasedAt(JobState.LEASED, host)
                    : jobs.findByStateAndLeasedHostAndLeasedDeviceOrderByLeasedAt(JobState.LEASED, host, device);
            List<Lease> ready = unstarted.stream()
                    .map(job -> job.toLease(heartbeatInterval().toMillis()))
                    .toList();
            long remaining = deadline - System.nanoTime();
            if (!ready.isEmpty() || remaining <= 0) {
                return ready;
            }
            waiters.await(host, seen, Math.min(remaining, recheck));
        }
    }

    /**
     * Renews a lease; the first renewal marks the job RUNNING. A lease the scheduler no longer
     * holds, or one that ran out before this beat, answers {@link LeaseAction#ABANDON}.
     */
    @Transactional
    public LeaseHeartbeatResponse heartbeat(UUID leaseId) {
        Instant now = context.clock().instant();
        Optional<Job> held = jobs.lockByLeaseId(leaseId).filter(job -> job.holdsLease(leaseId));
        if (held.isEmpty()) {
            return new LeaseHeartbeatResponse(leaseId, null, LeaseAction.ABANDON, null);
        }
        Job job = held.get();
        workerContact.put(job.leasedHost(), now);
        if (!job.leaseExpiresAt().isAfter(now)) {
            expire(job, now);
            return new LeaseHeartbeatResponse(leaseId, job.id(), LeaseAction.ABANDON, null);
        }
        job.renewLease(leaseId, now.plus(ttl()), now);
        journal.save(job);
        LeaseAction action = job.pauseRequested() ? LeaseAction.PAUSE : LeaseAction.CONTINUE;
        return new LeaseHeartbeatResponse(leaseId, job.id(), action, job.leaseExpiresAt());
    }

    @Transactional
    public JobResponse complete(UUID leaseId, CompleteJobRequest request) {
        Job job = held(leaseId);
        job.complete(
                leaseId,
                request.peakVramMb(),
                request.summary(),
                context.clock().instant());
        if (request.peakVramMb() != null && job.formulaVramMb() != null) {
            vram.recordPeak(job.model(), job.id(), job.formulaVramMb(), request.peakVramMb());
        }
        return released(job, "completed");
    }

    @Transactional
    public JobResponse fail(UUID leaseId, FailJobRequest request) {
        Job job = held(leaseId);
        job.fail(leaseId, request.reason(), request.retryable(), context.clock().instant());
        return released(job, "failed");
    }

    @Transactional
    public JobResponse paused(UUID leaseId, PausedRequest request) {
        Job job = held(leaseId);
        job.confirmPaused(leaseId, request.checkpointRef(), context.clock().instant());
        return released(job, "paused");
    }

    /**
     * Voids every lease {@code host} holds, because its worker restarted and so works none of
     * them: each job goes back to its original position (or to PAUSED when a pause was asked for)
     * without using up an attempt, and its device is free for the next claim at once.
     *
     * @return the jobs released, as they are now
     */
    @Transactional
    public List<JobResponse> releaseHost(String host) {
        Instant now = context.clock().instant();
        List<Job> held = jobs.lockLeasesOfHost(host);
        held.forEach(job -> {
            job.releaseLease("host restarted", now);
            journal.save(job);
            metrics.released("host restarted");
        });
        if (!held.isEmpty()) {
            context.events().publishEvent(new QueueChanged("host " + host + " restarted"));
        }
        return held.stream().map(Job::toResponse).toList();
    }

    /** Ends every lease whose time ran out (a batch at a time); returns how many. */
    @Transactional
    public int expireLeases() {
        Instant now = context.clock().instant();
        List<Job> expired = jobs.lockExpiredLeases(now, EXPIRY_BATCH);
        expired.forEach(job -> expire(job, now));
        return expired.size();
    }

    /**
     * Ends a lease that ran out. When the holder's host has gone silent too (no poll or heartbeat
     * of its worker, or no report of the device, for {@code devices.stale-after}), the host died or
     * is restarting: that is no fault of the job, so the attempt is given back as when a restarted
     * host releases its leases. When its worker is alive, the attempt counts.
     */
    private void expire(Job job, Instant now) {
        Instant staleBefore = now.minus(context.settings().devices().staleAfter());
        Instant contact = workerContact.get(job.leasedHost());
        boolean workerSilent = contact == null || contact.isBefore(staleBefore);
        if (workerSilent || claims.deviceSilent(job.leasedHost(), job.leasedDevice(), staleBefore)) {
            job.releaseLease("its host fell silent, down or restarting, before the lease ran out", now);
        } else {
            job.expireLease(now);
        }
        journal.save(job);
        metrics.expired(job.state());
        context.events().publishEvent(new QueueChanged("lease expired"));
    }

    private Job held(UUID leaseId) {
        return jobs.lockByLeaseId(leaseId)
                .filter(job -> job.holdsLease(leaseId))
                .orElseThrow(() -> LeaseLostException.forLease(leaseId));
    }

    private JobResponse released(Job job, String how) {
        journal.save(job);
        metrics.released(how);
        context.events().publishEvent(new QueueChanged("device freed: " + how));
        return job.toResponse();
    }

    private Duration ttl() {
        return context.settings().leases().ttl();
    }

    private Duration heartbeatInterval() {
        return ttl().dividedBy(3);
    }

    /** Lease settings for callers outside the package (the device schedulers). */
    public SchedulerProperties.Leases settings() {
        return context.settings().leases();
    }
}
