package dev.llmfleet.scheduler.queue;

import static dev.llmfleet.api.scheduler.JobPriority.NORMAL;
import static dev.llmfleet.scheduler.Fixtures.by;
import static dev.llmfleet.scheduler.Fixtures.gpu;
import static dev.llmfleet.scheduler.Fixtures.report;
import static dev.llmfleet.scheduler.Fixtures.runSettings;
import static dev.llmfleet.scheduler.Fixtures.training;
import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.scheduler.MutableClock;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.SchedulerTestSupport;
import dev.llmfleet.scheduler.device.DeviceService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs queued, leased, running and paused before the scheduler stops are all there, in the same
 * state and order, after it starts again; a running job's worker keeps its lease across the
 * restart, and a lease nobody renews still expires afterwards. What a job runs with (its settings)
 * is kept too.
 */
class SchedulerRestartTest {

    static final String HOST = "trainer-1";
    final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T10:00:00Z"));

    @Test
    void jobsQueuedAndLeasedBeforeARestartAreAllAccountedForAfterIt() {
        List<UUID> submitted = new ArrayList<>();
        Lease running;
        Lease leased;
        UUID paused;
        try (ConfigurableApplicationContext before = start()) {
            SchedulerTestSupport.emptyTables(before.getBean(JdbcTemplate.class));
            reportGpus(before);
            QueueService queue = before.getBean(QueueService.class);
            LeaseService leases = before.getBean(LeaseService.class);
            for (int i = 1; i <= 6; i++) {
                submitted.add(queue.submit(
                                i % 3 == 1
                                        ? training("job-" + i, 1_000, runSettings())
                                        : training("job-" + i, NORMAL, 1_000))
                        .id());
            }
            running = leases.claimNext(HOST, "GPU-a").orElseThrow();
            leases.heartbeat(running.leaseId());
            leased = leases.claimNext(HOST, "GPU-b").orElseThrow();
            paused = submitted.get(2);
            queue.pause(paused, by("alice"));
        }

        try (ConfigurableApplicationContext after = start()) {
            QueueService queue = after.getBean(QueueService.class);
            LeaseService leases = after.getBean(LeaseService.class);
            Duration ttl = after.getBean(SchedulerProperties.class).leases().ttl();

            Map<UUID, JobResponse> jobs = queue.list(null, null, null, 0, 100).jobs().stream()
                    .collect(Collectors.toMap(JobResponse::id, Function.identity()));
            assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(submitted);
            assertThat(jobs.get(running.jobId()).state()).isEqualTo(JobState.RUNNING);
            assertThat(jobs.get(leased.jobId()).state()).isEqualTo(JobState.LEASED);
            assertThat(jobs.get(paused).state()).isEqualTo(JobState.PAUSED);
            assertThat(submitted.subList(3, 6))
                    .allSatisfy(id -> assertThat(jobs.get(id).state()).isEqualTo(JobState.QUEUED));
            assertThat(List.of(jobs.get(submitted.get(0)), jobs.get(submitted.get(3))))
                    .allSatisfy(job ->
                            assertThat(job.settings()).isEqualTo(runSettings()).containsKeys("base", "lora"));
            assertThat(jobs.get(submitted.get(1)).settings()).isEmpty();

            clock.advance(ttl.dividedBy(2));
            assertThat(leases.heartbeat(running.leaseId()).action()).isEqualTo(LeaseAction.CONTINUE);
            clock.advance(ttl.dividedBy(2).plusSeconds(1));
            reportGpus(after);
            assertThat(leases.expireLeases()).isEqualTo(1);
            assertThat(queue.get(leased.jobId()).attempts()).isEqualTo(1);
            leases.complete(running.leaseId(), new CompleteJobRequest(null, "done across a restart"));
            queue.resume(paused, by("alice"));

            assertThat(drain(leases, "GPU-a"))
                    .containsExactlyElementsOf(
                            List.of(leased.jobId(), paused, submitted.get(3), submitted.get(4), submitted.get(5)));
            assertThat(queue.status().counts().get(NORMAL).get(JobState.COMPLETED))
                    .isEqualTo(6);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ResourceSchedulerApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run(
                        "--server.port=0",
                        "--fleet.registry.enabled=false",
                        "--fleet.security.enabled=false",
                        "--fleet.scheduler.scheduling.enabled=false",
                        "--fleet.scheduler.leases.sweep-interval=1h");
    }

    private static void reportGpus(ConfigurableApplicationContext context) {
        context.getBean(DeviceService.class)
                .report(HOST, report(gpu(0, "GPU-a", 24_564, 24_000), gpu(1, "GPU-b", 24_564, 24_000)));
    }

    private static List<UUID> drain(LeaseService leases, String device) {
        List<UUID> order = new ArrayList<>();
        Optional<Lease> next;
        while ((next = leases.claimNext(HOST, device)).isPresent()) {
            order.add(next.get().jobId());
            leases.complete(next.get().leaseId(), new CompleteJobRequest(null, null));
        }
        return order;
    }
}
