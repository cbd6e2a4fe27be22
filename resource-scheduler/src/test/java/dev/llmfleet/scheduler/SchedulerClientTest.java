package dev.llmfleet.scheduler;

import static dev.llmfleet.scheduler.Fixtures.gpu;
import static dev.llmfleet.scheduler.Fixtures.report;
import static dev.llmfleet.scheduler.Fixtures.runSettings;
import static dev.llmfleet.scheduler.Fixtures.training;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.HostLeaseClient;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseAction;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * A worker's whole conversation through {@link SchedulerClient} over HTTP, with this instance's
 * device schedulers running: the host reports its GPU, a job is submitted, the scheduler places it
 * by itself, and the worker long-polls, heartbeats and completes it.
 *
 * <p>Its context is closed after the class: its device schedulers and lease sweeper run on the
 * system clock and would otherwise act on the rows of the other tests, which share the database.
 */
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false", // security rules are the gateway work's tests
            "fleet.scheduler.scheduling.tick=200ms"
        })
class SchedulerClientTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    SchedulerClient scheduler;

    HostLeaseClient hostLeases;

    @BeforeEach
    void client() {
        SchedulerTestSupport.emptyTables(jdbc);
        RestClient rest =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        HttpServiceProxyFactory clients = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build();
        scheduler = clients.createClient(SchedulerClient.class);
        hostLeases = clients.createClient(HostLeaseClient.class);
    }

    @Test
    void aWorkerGetsTheJobTheSchedulerPlacedOnItsGpuAndCompletesIt() {
        scheduler.reportDevices("trainer-1", report(gpu(0, "GPU-a", 24_564, 24_000)));
        JobResponse submitted = scheduler.submit(training("sha256:feed", JobPriority.HIGH, 14_000));

        List<Lease> leases = scheduler.pollLeases("trainer-1", 20);

        assertThat(leases).singleElement().satisfies(lease -> {
            assertThat(lease.jobId()).isEqualTo(submitted.id());
            assertThat(lease.deviceUuid()).isEqualTo("GPU-a");
        });
        Lease lease = leases.getFirst();
        assertThat(scheduler.heartbeat(lease.leaseId()).action()).isEqualTo(LeaseAction.CONTINUE);
        assertThat(scheduler.get(submitted.id()).state()).isEqualTo(JobState.RUNNING);
        assertThat(scheduler
                        .complete(lease.leaseId(), new CompleteJobRequest(13_500L, "loss 0.41"))
                        .state())
                .isEqualTo(JobState.COMPLETED);
        assertThat(scheduler.queueStatus().recentlyCompleted())
                .extracting(JobResponse::id)
                .containsExactly(submitted.id());
        assertThat(scheduler.history(submitted.id())).hasSize(4);
        assertThat(scheduler.devices())
                .singleElement()
                .satisfies(device -> assertThat(device.jobId()).isNull());
    }

    @Test
    void aRestartedHostGivesItsRunningLeaseBackAndGetsTheJobAgainWithoutLosingAnAttempt() {
        scheduler.reportDevices("trainer-1", report(gpu(0, "GPU-a", 24_564, 24_000)));
        JobResponse submitted = scheduler.submit(training("sha256:cafe", JobPriority.NORMAL, 14_000));
        Lease before = hostLeases.pollLeases("trainer-1", "GPU-a", 20).getFirst();
        scheduler.heartbeat(before.leaseId());

        List<JobResponse> released = hostLeases.releaseHost("trainer-1");

        assertThat(released).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(submitted.id());
            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(job.attempts()).isZero();
            assertThat(job.lastReason()).contains("host restarted").contains("attempt not counted");
        });
        assertThat(scheduler.heartbeat(before.leaseId()).action()).isEqualTo(LeaseAction.ABANDON);
        Lease after = hostLeases.pollLeases("trainer-1", "GPU-a", 20).getFirst();
        assertThat(after.jobId()).isEqualTo(submitted.id());
        assertThat(after.leaseId()).isNotEqualTo(before.leaseId());
        assertThat(after.attempt()).isEqualTo(1);
    }

    @Test
    void aDevicesPollReturnsOnlyTheLeasesOfThatDevice() {
        scheduler.reportDevices("trainer-1", report(gpu(0, "GPU-a", 24_564, 24_000), gpu(1, "GPU-b", 24_564, 24_000)));
        scheduler.submit(training("sha256:0a", JobPriority.NORMAL, 14_000));
        scheduler.submit(training("sha256:0b", JobPriority.NORMAL, 14_000));

        List<Lease> onA = hostLeases.pollLeases("trainer-1", "GPU-a", 20);
        List<Lease> onB = hostLeases.pollLeases("trainer-1", "GPU-b", 20);

        assertThat(onA)
                .singleElement()
                .satisfies(lease -> assertThat(lease.deviceUuid()).isEqualTo("GPU-a"));
        assertThat(onB)
                .singleElement()
                .satisfies(lease -> assertThat(lease.deviceUuid()).isEqualTo("GPU-b"));
        assertThat(scheduler.pollLeases("trainer-1", 0)).hasSize(2);
    }

    @Test
    void aJobsSettingsComeBackAsSubmittedFromItsPageTheListItsLeaseAndTheQueueStatus() {
        scheduler.reportDevices("trainer-1", report(gpu(0, "GPU-a", 24_564, 24_000)));
        Map<String, Object> settings = runSettings();
        JobResponse submitted = scheduler.submit(training("sha256:beef", 14_000, settings));

        Lease lease = scheduler.pollLeases("trainer-1", 20).getFirst();

        assertThat(List.of(
                        submitted,
                        lease.job(),
                        scheduler.get(submitted.id()),
                        scheduler.list(null, null, null, 0, 50).jobs().getFirst(),
                        scheduler.queueStatus().processing().getFirst()))
                .allSatisfy(job -> {
                    assertThat(job.id()).isEqualTo(submitted.id());
                    assertThat(job.settings()).isEqualTo(settings);
                    assertThat(job.settings().keySet()).containsExactlyElementsOf(settings.keySet());
                });
    }

    @Test
    void aJobWithoutSettingsShowsNoneAndSettingsOverTheLimitAreRefusedNamingTheField() {
        JobResponse plain = scheduler.submit(training("sha256:f00d", JobPriority.NORMAL, 1_000));
        assertThat(scheduler.get(plain.id()).settings()).isEmpty();

        Map<String, Object> huge = Map.of("systemPrompt", "x".repeat(16 * 1024));
        assertThatThrownBy(() -> scheduler.submit(training("sha256:f00d", 1_000, huge)))
                .isInstanceOfSatisfying(HttpClientErrorException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    ProblemDetail problem = refused.getResponseBodyAs(ProblemDetail.class);
                    assertThat(problem.getProperties()).containsEntry("code", "invalid-job-settings");
                    assertThat(problem.getDetail())
                            .startsWith("settings take 16")
                            .contains("at most 16384");
                });
        assertThat(scheduler.list(null, null, null, 0, 50).totalJobs()).isEqualTo(1);
    }
}
