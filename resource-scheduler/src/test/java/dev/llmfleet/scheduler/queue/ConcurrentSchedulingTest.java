package dev.llmfleet.scheduler.queue;

import static dev.llmfleet.scheduler.Fixtures.gpu;
import static dev.llmfleet.scheduler.Fixtures.report;
import static dev.llmfleet.scheduler.Fixtures.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.scheduler.SchedulerTestSupport;
import dev.llmfleet.scheduler.device.DeviceService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Several schedulers per device (as two scheduler instances would run) and one worker per device
 * race over thousands of jobs. Some attempts fail and go back to the queue. Every job must end
 * completed exactly once, and no job or device may ever be held under two leases at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.scheduler.scheduling.enabled=false",
            "fleet.scheduler.leases.sweep-interval=1h"
        })
@Import(SchedulerTestSupport.class)
class ConcurrentSchedulingTest {

    static final int JOBS = 2_000;
    static final int HOSTS = 3;
    static final int DEVICES_PER_HOST = 2;
    static final int SCHEDULERS_PER_DEVICE = 2;

    @Autowired
    QueueService queue;

    @Autowired
    LeaseService leases;

    @Autowired
    DeviceService devices;

    @Autowired
    JdbcTemplate jdbc;

    final Map<UUID, UUID> activeLeaseByJob = new ConcurrentHashMap<>();
    final Map<String, UUID> activeLeaseByDevice = new ConcurrentHashMap<>();
    final Map<UUID, AtomicInteger> completions = new ConcurrentHashMap<>();
    final Map<UUID, AtomicInteger> failures = new ConcurrentHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean done = new AtomicBoolean();
    final AtomicInteger claims = new AtomicInteger();
    final ReentrantLock releaseLock = new ReentrantLock();
    final Condition released = releaseLock.newCondition();

    @BeforeEach
    void emptyQueue() {
        SchedulerTestSupport.emptyTables(jdbc);
    }

    @Test
    void everyJobIsLeasedAtMostOnceAtATimeAndNoneIsLostOrDuplicated() throws Exception {
        for (int h = 0; h < HOSTS; h++) {
            devices.report(
                    host(h),
                    report(IntStream.range(0, DEVICES_PER_HOST)
                            .mapToObj(d -> gpu(d, "GPU-" + d, 24_564, 24_000))
                            .toList()
                            .toArray(DeviceInfo[]::new)));
        }
        Set<UUID> submitted = ConcurrentHashMap.newKeySet();
        try (ExecutorService submitters = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < JOBS; i++) {
                JobPriority priority = JobPriority.values()[i % 3];
                int n = i;
                submitters.submit(() -> submitted.add(queue.submit(training("payload-" + n, priority, 1_000, 100))
                        .id()));
            }
        }
        assertThat(submitted).hasSize(JOBS);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int h = 0; h < HOSTS; h++) {
                String host = host(h);
                for (int d = 0; d < DEVICES_PER_HOST; d++) {
                    String device = "GPU-" + d;
                    threads.submit(() -> work(host, device));
                    for (int s = 0; s < SCHEDULERS_PER_DEVICE; s++) {
                        threads.submit(() -> schedule(host, device));
                    }
                }
            }
            try {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> {
                            assertThat(violations).isEmpty();
                            assertThat(completions).as("completed jobs").hasSize(JOBS);
                        });
            } finally {
                done.set(true);
            }
        }

        assertThat(violations).isEmpty();
        assertThat(completions.keySet()).isEqualTo(submitted);
        assertThat(completions.values())
                .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job WHERE state = 'COMPLETED'", Long.class))
                .isEqualTo(JOBS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job_history WHERE to_state = 'COMPLETED'", Long.class))
                .isEqualTo(JOBS);
        long failed = failures.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(failed).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM job_history WHERE to_state = 'LEASED'", Long.class))
                .isEqualTo(JOBS + failed);
        assertThat(claims.get()).isEqualTo(JOBS + failed);
        assertThat(brokenHistoryChains()).isEmpty();
    }

    /** Jobs whose history has a move that did not start where the previous one ended (a double lease would). */
    private List<UUID> brokenHistoryChains() {
        return jdbc.queryForList("""
                SELECT DISTINCT job_id FROM (
                    SELECT job_id, from_state,
                           lag(to_state) OVER (PARTITION BY job_id ORDER BY id) AS previous
                    FROM job_history) moves
                WHERE from_state IS DISTINCT FROM previous
                """, UUID.class);
    }

    private void schedule(String host, String device) {
        while (!done.get()) {
            try {
                if (leases.claimNext(host, device).isPresent()) {
                    claims.incrementAndGet();
                } else {
                    awaitRelease();
                }
            } catch (RuntimeException e) {
                violations.add("claim failed: " + e);
            }
        }
    }

    /**
     * Like a real device scheduler, one that found nothing to do waits to be woken (here: by any
     * worker's report) rather than spin; the short timeout keeps the race going regardless.
     */
    private void awaitRelease() {
        releaseLock.lock();
        try {
            released.await(20, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            releaseLock.unlock();
        }
    }

    private void signalRelease() {
        releaseLock.lock();
        try {
            released.signalAll();
        } finally {
            releaseLock.unlock();
        }
    }

    /** A host runs one worker per device; each long-polls the host's leases and takes its device's. */
    private void work(String host, String device) {
        while (!done.get()) {
            try {
                for (Lease lease : leases.pollLeases(host, Duration.ofMillis(200))) {
                    if (lease.deviceUuid().equals(device)) {
                        finish(host, lease);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                violations.add("worker failed: " + e);
            }
        }
    }

    private void finish(String host, Lease lease) {
        // held from the worker's first sight of the lease until just before its report: the job can
        // only be leased again once that report commits, so any overlap is a double lease
        if (activeLeaseByJob.putIfAbsent(lease.jobId(), lease.leaseId()) != null) {
            violations.add("job " + lease.jobId() + " leased twice at once");
        }
        if (activeLeaseByDevice.putIfAbsent(host + "/" + lease.deviceUuid(), lease.leaseId()) != null) {
            violations.add("device " + host + "/" + lease.deviceUuid() + " holds two leases");
        }
        if (leases.heartbeat(lease.leaseId()).action() != LeaseAction.CONTINUE) {
            violations.add("lease " + lease.leaseId() + " lost while its worker held it");
        }
        activeLeaseByJob.remove(lease.jobId(), lease.leaseId());
        activeLeaseByDevice.remove(host + "/" + lease.deviceUuid(), lease.leaseId());
        if (ThreadLocalRandom.current().nextInt(20) == 0) {
            failures.computeIfAbsent(lease.jobId(), id -> new AtomicInteger()).incrementAndGet();
            JobState state = leases.fail(lease.leaseId(), new FailJobRequest("simulated crash", true))
                    .state();
            if (state != JobState.QUEUED) {
                violations.add("job " + lease.jobId() + " did not go back to the queue: " + state);
            }
        } else {
            leases.complete(lease.leaseId(), new CompleteJobRequest(null, null));
            completions
                    .computeIfAbsent(lease.jobId(), id -> new AtomicInteger())
                    .incrementAndGet();
        }
        signalRelease();
    }

    private static String host(int h) {
        return "trainer-" + h;
    }
}
