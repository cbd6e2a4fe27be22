package dev.llmfleet.scheduler.queue;

import static dev.llmfleet.api.scheduler.JobPriority.NORMAL;
import static dev.llmfleet.scheduler.Fixtures.by;
import static dev.llmfleet.scheduler.Fixtures.gpu;
import static dev.llmfleet.scheduler.Fixtures.report;
import static dev.llmfleet.scheduler.Fixtures.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.SchedulerTestSupport;
import dev.llmfleet.scheduler.device.DeviceService;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** A host whose worker restarted gives its leases back: the jobs return at once, their attempts kept. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.scheduler.scheduling.enabled=false",
            "fleet.scheduler.leases.sweep-interval=1h"
        })
@Import(SchedulerTestSupport.class)
class HostRestartTest {

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
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyQueueAndTwoFreeGpus() {
        SchedulerTestSupport.emptyTables(jdbc);
        reportDevices();
    }

    @Test
    void aRestartReturnsEveryLeaseOfTheHostToItsPositionWithoutUsingAnAttempt() {
        UUID running = submit("running");
        UUID unstarted = submit("unstarted");
        Lease runningLease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.heartbeat(runningLease.leaseId());
        leases.claimNext(HOST, "GPU-b").orElseThrow();
        UUID later = submit("later");

        assertThat(leases.releaseHost(HOST))
                .extracting(JobResponse::id, JobResponse::state, JobResponse::attempts, JobResponse::leaseId)
                .containsExactlyInAnyOrder(
                        tuple(running, JobState.QUEUED, 0, null), tuple(unstarted, JobState.QUEUED, 0, null));

        assertThat(leases.heartbeat(runningLease.leaseId()).action()).isEqualTo(LeaseAction.ABANDON);
        assertThat(queue.history(running)).last().satisfies(entry -> {
            assertThat(entry.fromState()).isEqualTo(JobState.RUNNING);
            assertThat(entry.toState()).isEqualTo(JobState.QUEUED);
            assertThat(entry.reason()).contains("host restarted");
        });
        Lease again = leases.claimNext(HOST, "GPU-a").orElseThrow();
        assertThat(again.jobId()).as("back at its original position").isEqualTo(running);
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(leases.claimNext(HOST, "GPU-b").orElseThrow().jobId()).isEqualTo(unstarted);
        assertThat(queue.get(later).state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void restartsNeverUseUpAttemptsWhileExpiredLeasesStillDo() throws InterruptedException {
        UUID job = queue.submit(training("flaky", NORMAL, 1_000, 2)).id();
        for (int restart = 1; restart <= 3; restart++) {
            leases.claimNext(HOST, "GPU-a").orElseThrow();
            leases.releaseHost(HOST);
        }
        assertThat(queue.get(job).state()).isEqualTo(JobState.QUEUED);
        assertThat(queue.get(job).attempts()).isZero();

        for (int expiry = 1; expiry <= 2; expiry++) {
            leases.claimNext(HOST, "GPU-a").orElseThrow();
            passTime(properties.leases().ttl().plusSeconds(1));
            leases.pollLeases(HOST, "GPU-b", Duration.ZERO); // the host's worker is alive
            assertThat(leases.expireLeases()).isEqualTo(1);
        }

        JobResponse failed = queue.get(job);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastReason()).contains("expired").contains("no attempts left, 2 of 2");
    }

    @Test
    void aLeaseThatRunsOutWhileItsHostIsSilentDoesNotUseAnAttempt() {
        UUID job = queue.submit(training("killed-host", NORMAL, 1_000, 1)).id();
        leases.claimNext(HOST, "GPU-a").orElseThrow();

        // the host was killed: no poll, no heartbeat, no device report, until after the lease ran out
        Duration ttl = properties.leases().ttl();
        Duration stale = properties.devices().staleAfter();
        SchedulerTestSupport.clock.advance((ttl.compareTo(stale) > 0 ? ttl : stale).plusSeconds(1));
        assertThat(leases.expireLeases()).isEqualTo(1);

        JobResponse back = queue.get(job);
        assertThat(back.state()).isEqualTo(JobState.QUEUED);
        assertThat(back.attempts()).isZero();
        assertThat(back.lastReason()).contains("fell silent").contains("attempt not counted");
        reportDevices();
        assertThat(leases.claimNext(HOST, "GPU-a").orElseThrow().jobId()).isEqualTo(job);
    }

    @Test
    void aJobWhosePauseWasAskedForIsPausedByTheRestartAndResumesAtItsPosition() {
        UUID job = submit("pausing");
        Lease lease = leases.claimNext(HOST, "GPU-a").orElseThrow();
        leases.heartbeat(lease.leaseId());
        queue.pause(job, by("alice"));

        leases.releaseHost(HOST);

        assertThat(queue.get(job).state()).isEqualTo(JobState.PAUSED);
        assertThat(queue.get(job).pauseRequested()).isFalse();
        assertThat(leases.claimNext(HOST, "GPU-a")).isEmpty();
        queue.resume(job, by("alice"));
        Lease resumed = leases.claimNext(HOST, "GPU-a").orElseThrow();
        assertThat(resumed.jobId()).isEqualTo(job);
        assertThat(resumed.attempt()).isEqualTo(1);
    }

    @Test
    void aRestartLeavesTheLeasesOfOtherHostsAlone() {
        devices.report("trainer-2", report(gpu(0, "GPU-c", 24_564, 24_000)));
        UUID elsewhere = submit("elsewhere");
        Lease other = leases.claimNext("trainer-2", "GPU-c").orElseThrow();

        assertThat(leases.releaseHost(HOST)).isEmpty();

        assertThat(queue.get(elsewhere).state()).isEqualTo(JobState.LEASED);
        assertThat(leases.heartbeat(other.leaseId()).action()).isEqualTo(LeaseAction.CONTINUE);
        assertThat(queue.history(elsewhere)).extracting(JobHistoryEntry::reason).noneMatch(r -> r.contains("restart"));
    }

    @Test
    void aDevicesPollSeesOnlyItsOwnLeases() throws InterruptedException {
        submit("first");
        submit("second");
        Lease onA = leases.claimNext(HOST, "GPU-a").orElseThrow();
        Lease onB = leases.claimNext(HOST, "GPU-b").orElseThrow();

        assertThat(leases.pollLeases(HOST, "GPU-a", Duration.ZERO))
                .extracting(Lease::leaseId)
                .containsExactly(onA.leaseId());
        assertThat(leases.pollLeases(HOST, "GPU-b", Duration.ZERO))
                .extracting(Lease::leaseId)
                .containsExactly(onB.leaseId());
        assertThat(leases.pollLeases(HOST, Duration.ZERO)).hasSize(2);
    }

    private void passTime(Duration duration) {
        SchedulerTestSupport.clock.advance(duration);
        reportDevices();
    }

    private void reportDevices() {
        devices.report(HOST, report(gpu(0, "GPU-a", 24_564, 24_000), gpu(1, "GPU-b", 24_564, 24_000)));
    }

    private UUID submit(String payload) {
        return queue.submit(training(payload, NORMAL, 1_000)).id();
    }
}
