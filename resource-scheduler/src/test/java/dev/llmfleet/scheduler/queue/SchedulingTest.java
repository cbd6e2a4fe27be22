package dev.llmfleet.scheduler.queue;

import static dev.llmfleet.api.scheduler.JobPriority.HIGH;
import static dev.llmfleet.api.scheduler.JobPriority.LOW;
import static dev.llmfleet.api.scheduler.JobPriority.NORMAL;
import static dev.llmfleet.scheduler.Fixtures.by;
import static dev.llmfleet.scheduler.Fixtures.gpu;
import static dev.llmfleet.scheduler.Fixtures.pinned;
import static dev.llmfleet.scheduler.Fixtures.report;
import static dev.llmfleet.scheduler.Fixtures.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmfleet.api.scheduler.ChangePriorityRequest;
import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.Optimizer;
import dev.llmfleet.api.scheduler.PausedRequest;
import dev.llmfleet.api.scheduler.Precision;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.SchedulerTestSupport;
import dev.llmfleet.scheduler.device.DeviceService;
import dev.llmfleet.scheduler.vram.VramService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.scheduler.scheduling.enabled=false",
            "fleet.scheduler.leases.sweep-interval=1h"
        })
@Import(SchedulerTestSupport.class)
class SchedulingTest {

    static final String HOST = "trainer-1";

    @Autowired
    QueueService queue;

    @Autowired
    LeaseService leases;

    @Autowired
    DeviceService devices;

    @Autowired
    SchedulerProperties properties;

    @Autowired
    VramService vram;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyQueueAndOneFreeGpu() {
        SchedulerTestSupport.emptyTables(jdbc);
        devices.report(HOST, report(gpu(0, "GPU-a", 24_564, 24_000)));
    }

    @Test
    void servesHigherPriorityFirstAndFifoWithinAPriority() {
        UUID low = submit("low", LOW, 1_000);
        UUID normal1 = submit("normal-1", NORMAL, 1_000);
        UUID high = submit("high", HIGH, 1_000);
        UUID normal2 = submit("normal-2", NORMAL, 1_000);

        assertThat(drainInOrder("GPU-a")).containsExactly(high, normal1, normal2, low);
    }

    @Test
    void leasesNothingWhenNoJobFits() {
        UUID big = submit("big", HIGH, 30_000);

        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
        assertThat(queue.get(big).state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void aBigJobWaitsWhileSmallerOnesFitOtherDevices() {
        devices.report(HOST, report(gpu(0, "GPU-a", 24_564, 24_000), gpu(1, "GPU-small", 12_288, 8_000)));
        UUID big = submit("big", HIGH, 20_000);
        UUID small = submit("small", NORMAL, 6_000);

        Lease onSmall = leases.claimNext(HOST, "GPU-small").orElseThrow();
        assertThat(onSmall.jobId()).isEqualTo(small);
        assertThat(queue.get(big).state()).isEqualTo(JobState.QUEUED);

        Lease onBig = leases.claimNext(HOST, "GPU-a").orElseThrow();
        assertThat(onBig.jobId()).isEqualTo(big);
    }

    @Test
    void leasesOneJobAtATimePerDevice() {
        submit("first", NORMAL, 1_000);
        submit("second", NORMAL, 1_000);

        assertThat(leases.claimNext(HOST, "GPU-a")).isPresent();
        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
    }

    @Test
    void placesAJobOnlyWhereItsHostAndDeviceConstraintsAllow() {
        devices.report("trainer-2", report(gpu(0, "GPU-b", 24_564, 24_000)));
        UUID pinnedToB =
                queue.submit(pinned("pinned", 1_000, "trainer-2", "GPU-b")).id();

        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
        assertThat(leases.claimNext("trainer-2", "GPU-b").orElseThrow().jobId()).isEqualTo(pinnedToB);
    }

    @Test
    void schedulesNothingOnAStaleDevice() {
        submit("job", NORMAL, 1_000);
        SchedulerTestSupport.clock.advance(properties.devices().staleAfter().plusSeconds(1));

        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
        assertThat(devices.devices())
                .singleElement()
                .satisfies(d -> assertThat(d.stale()).isTrue());
    }

    @Test
    void anExpiredLeaseRequeuesTheJobAtItsOriginalPositionWithTheAttemptCounted() {
        UUID first = submit("first", NORMAL, 1_000);
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        UUID second = submit("second", NORMAL, 1_000);
        leases.heartbeat(lease.leaseId());

        passTime(properties.leases().ttl().plusSeconds(1));
        assertThat(leases.expireLeases()).isEqualTo(1);

        JobResponse requeued = queue.get(first);
        assertThat(requeued.state()).isEqualTo(JobState.QUEUED);
        assertThat(requeued.attempts()).isEqualTo(1);
        assertThat(leases.heartbeat(lease.leaseId()).action()).isEqualTo(LeaseAction.ABANDON);
        assertThat(drainInOrder("GPU-a")).containsExactly(first, second);
    }

    @Test
    void aHeartbeatAfterTheLeaseRanOutIsRefusedAndRequeuesTheJob() {
        UUID job = submit("late", NORMAL, 1_000);
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();

        SchedulerTestSupport.clock.advance(properties.leases().ttl());

        assertThat(leases.heartbeat(lease.leaseId()).action()).isEqualTo(LeaseAction.ABANDON);
        assertThat(queue.get(job).state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void failsAJobAfterMaxAttemptsAndKeepsItForRetryByHand() {
        UUID job = queue.submit(training("flaky", NORMAL, 1_000, 2)).id();
        for (int attempt = 1; attempt <= 2; attempt++) {
            leases.claimNext(HOST, "GPU-a").orElseThrow();
            passTime(properties.leases().ttl().plusSeconds(1));
            leases.expireLeases();
        }

        JobResponse failed = queue.get(job);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.attempts()).isEqualTo(2);
        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();

        JobResponse retried = queue.retry(job, by("bob"));
        assertThat(retried.state()).isEqualTo(JobState.QUEUED);
        assertThat(retried.attempts()).isZero();
        assertThat(leases.claimNext(HOST, "GPU-a").orElseThrow().jobId()).isEqualTo(job);
    }

    @Test
    void aWorkerFailureRequeuesWhenRetryableAndFailsAtOnceWhenNot() {
        UUID job = submit("job", NORMAL, 1_000);
        Lease first = leases.claimNext(HOST, "GPU-a").orElseThrow();
        assertThat(leases.fail(first.leaseId(), new FailJobRequest("CUDA error", true))
                        .state())
                .isEqualTo(JobState.QUEUED);

        Lease second = leases.claimNext(HOST, "GPU-a").orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(leases.fail(second.leaseId(), new FailJobRequest("dataset is corrupt", false))
                        .state())
                .isEqualTo(JobState.FAILED);
        assertThat(queue.get(job).lastReason()).isEqualTo("dataset is corrupt");
    }

    @Test
    void pauseWaitsForTheCheckpointThenFreesTheDeviceAndResumeRequeuesAtTheOriginalPosition() {
        UUID running = submit("running", NORMAL, 1_000);
        UUID waiting = submit("waiting", NORMAL, 1_000);
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.heartbeat(lease.leaseId());

        assertThat(queue.pause(running, by("alice")).state()).isEqualTo(JobState.RUNNING);
        assertThat(leases.heartbeat(lease.leaseId()).action()).isEqualTo(LeaseAction.PAUSE);
        JobResponse paused = leases.paused(lease.leaseId(), new PausedRequest("ckpt/step-300"));
        assertThat(paused.state()).isEqualTo(JobState.PAUSED);
        assertThat(paused.checkpointRef()).isEqualTo("ckpt/step-300");

        UUID later = submit("later", NORMAL, 1_000);
        queue.resume(running, by("alice"));
        assertThat(drainInOrder("GPU-a")).containsExactly(running, waiting, later);
    }

    @Test
    void pausesAQueuedJobAtOnceAndLeavesItOutOfScheduling() {
        UUID job = submit("job", NORMAL, 1_000);

        assertThat(queue.pause(job, by("alice")).state()).isEqualTo(JobState.PAUSED);
        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
    }

    @Test
    void skipEndsTheCurrentAttemptAndMovesTheJobToTheEndOfTheLowQueue() {
        UUID skipped = submit("skipped", HIGH, 1_000);
        UUID lowBefore = submit("low-before", LOW, 1_000);
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.heartbeat(lease.leaseId());

        JobResponse afterSkip = queue.skip(skipped, by("alice"));

        assertThat(afterSkip.state()).isEqualTo(JobState.QUEUED);
        assertThat(afterSkip.priority()).isEqualTo(LOW);
        assertThat(afterSkip.attempts()).isEqualTo(1);
        assertThat(leases.heartbeat(lease.leaseId()).action()).isEqualTo(LeaseAction.ABANDON);
        UUID lowAfter = submit("low-after", LOW, 1_000);
        assertThat(drainInOrder("GPU-a")).containsExactly(lowBefore, skipped, lowAfter);
    }

    @Test
    void cancelStopsTheWorkerAndRefusesItsLateReport() {
        UUID job = submit("job", NORMAL, 1_000);
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();

        assertThat(queue.cancel(job, by("alice")).state()).isEqualTo(JobState.CANCELLED);

        assertThat(leases.heartbeat(lease.leaseId()).action()).isEqualTo(LeaseAction.ABANDON);
        assertThatThrownBy(() -> leases.complete(lease.leaseId(), new CompleteJobRequest(null, null)))
                .isInstanceOf(LeaseLostException.class);
        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
    }

    @Test
    void refusesIllegalTransitions() {
        UUID job = submit("job", NORMAL, 1_000);
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.complete(lease.leaseId(), new CompleteJobRequest(9_000L, "done"));

        assertThatThrownBy(() -> queue.resume(job, by("alice"))).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> queue.cancel(job, by("alice"))).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> queue.skip(job, by("alice"))).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> queue.retry(job, by("alice"))).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> queue.changePriority(job, new ChangePriorityRequest(HIGH, "alice", null)))
                .isInstanceOf(IllegalJobTransitionException.class);
        UUID queued = submit("queued", NORMAL, 1_000);
        assertThatThrownBy(() -> queue.resume(queued, by("alice"))).isInstanceOf(IllegalJobTransitionException.class);
        assertThatThrownBy(() -> queue.get(UUID.randomUUID())).isInstanceOf(JobNotFoundException.class);
        assertThat(queue.get(job).state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void movingAJobToAnotherPriorityKeepsItsOriginalPositionThere() {
        UUID old = submit("old", LOW, 1_000);
        UUID high = submit("high", HIGH, 1_000);

        queue.changePriority(old, new ChangePriorityRequest(HIGH, "alice", "urgent"));

        assertThat(drainInOrder("GPU-a")).containsExactly(old, high);
    }

    @Test
    void recordsEveryTransitionInTheHistory() {
        UUID job = submit("job", NORMAL, 1_000);
        Lease first = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.heartbeat(first.leaseId());
        queue.pause(job, by("alice"));
        leases.heartbeat(first.leaseId());
        leases.paused(first.leaseId(), new PausedRequest("ckpt-1"));
        queue.resume(job, by("alice"));
        Lease second = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.complete(second.leaseId(), new CompleteJobRequest(8_000L, "loss 0.42"));

        List<JobHistoryEntry> history = queue.history(job);

        assertThat(history)
                .extracting(JobHistoryEntry::fromState, JobHistoryEntry::toState, JobHistoryEntry::actor)
                .containsExactly(
                        tuple(null, JobState.QUEUED, "alice"),
                        tuple(JobState.QUEUED, JobState.LEASED, "scheduler"),
                        tuple(JobState.LEASED, JobState.RUNNING, "worker@" + HOST),
                        tuple(JobState.RUNNING, JobState.PAUSED, "worker@" + HOST),
                        tuple(JobState.PAUSED, JobState.QUEUED, "alice"),
                        tuple(JobState.QUEUED, JobState.LEASED, "scheduler"),
                        tuple(JobState.LEASED, JobState.RUNNING, "worker@" + HOST),
                        tuple(JobState.RUNNING, JobState.COMPLETED, "worker@" + HOST));
        assertThat(history).allSatisfy(entry -> assertThat(entry.at()).isNotNull());
        assertThat(history.getLast().reason()).isEqualTo("loss 0.42");
    }

    @Test
    void aLongPollReturnsTheHostsUnstartedLeasesAndWaitsWhenThereAreNone() throws InterruptedException {
        assertThat(leases.pollLeases(HOST, Duration.ofMillis(50))).isEmpty();
        UUID job = submit("job", NORMAL, 1_000);
        leases.claimNext(HOST, "GPU-a").orElseThrow();

        List<Lease> ready = leases.pollLeases(HOST, Duration.ofSeconds(5));

        assertThat(ready).singleElement().satisfies(lease -> {
            assertThat(lease.jobId()).isEqualTo(job);
            assertThat(lease.deviceUuid()).isEqualTo("GPU-a");
            assertThat(lease.heartbeatIntervalMs())
                    .isEqualTo(properties.leases().ttl().dividedBy(3).toMillis());
        });
        assertThat(leases.pollLeases("another-host", Duration.ZERO)).isEmpty();
    }

    @Test
    void theQueueStatusCountsJobsAndShowsWhatIsProcessingAndRecentlyCompleted() {
        UUID done = submit("done", NORMAL, 1_000);
        leases.complete(leases.claimNext(HOST, "GPU-a").orElseThrow().leaseId(), new CompleteJobRequest(null, null));
        UUID running = submit("running", HIGH, 1_000);
        leases.claimNext(HOST, "GPU-a").orElseThrow();
        submit("waiting", LOW, 1_000);

        var status = queue.status();

        assertThat(status.counts().get(NORMAL).get(JobState.COMPLETED)).isEqualTo(1);
        assertThat(status.counts().get(HIGH).get(JobState.LEASED)).isEqualTo(1);
        assertThat(status.counts().get(LOW).get(JobState.QUEUED)).isEqualTo(1);
        assertThat(status.processing()).extracting(JobResponse::id).containsExactly(running);
        assertThat(status.recentlyCompleted()).extracting(JobResponse::id).containsExactly(done);
        assertThat(queue.list(JobState.QUEUED, null, null, 0, 10).jobs()).hasSize(1);
        assertThat(queue.list(null, null, HOST, 0, 10).totalJobs()).isEqualTo(2);
    }

    @Test
    void estimatesTheVramOfAJobSubmittedWithAProfileAndCorrectsItByTheReportedPeak() {
        VramEstimateRequest profile = new VramEstimateRequest(
                "tiny-gpt", 10_000_000L, 4, 256, Precision.FP32, Optimizer.ADAMW, null, null, null);
        VramEstimate before = vram.estimate(profile);
        JobResponse job = queue.submit(new SubmitJobRequest(
                JobKind.TRAINING, NORMAL, "sha256:cafe", null, null, profile, "alice", null, null, null, null));
        assertThat(job.requiredVramMb()).isEqualTo(before.estimatedMb());
        assertThat(job.model()).isEqualTo("tiny-gpt");

        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.complete(lease.leaseId(), new CompleteJobRequest(before.formulaMb() * 2, "done"));

        VramEstimate after = vram.estimate(profile);
        assertThat(after.observations()).isEqualTo(1);
        assertThat(after.correction()).isEqualTo(2.0);
        assertThat(after.estimatedMb()).isEqualTo(before.formulaMb() * 2);
        assertThat(vram.estimate(new VramEstimateRequest(
                                "other-model", 10_000_000L, 4, 256, Precision.FP32, Optimizer.ADAMW, null, null, null))
                        .correction())
                .isEqualTo(1.0);
    }

    /** Moves the clock on while the host keeps reporting its GPU, as it would. */
    /** Time passes with the host alive: its devices report and its worker polls (for another device's leases). */
    private void passTime(Duration duration) {
        SchedulerTestSupport.clock.advance(duration);
        devices.report(HOST, report(gpu(0, "GPU-a", 24_564, 24_000)));
        try {
            leases.pollLeases(HOST, "GPU-elsewhere", Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private UUID submit(String payload, JobPriority priority, long vramMb) {
        return queue.submit(training(payload, priority, vramMb)).id();
    }

    /** Claims and completes every job that the device gets, in the order it gets them. */
    private List<UUID> drainInOrder(String device) {
        List<UUID> order = new ArrayList<>();
        Optional<Lease> next;
        while ((next = leases.claimNext(HOST, device)).isPresent()) {
            order.add(next.get().jobId());
            leases.complete(next.get().leaseId(), new CompleteJobRequest(null, null));
        }
        return order;
    }
}
