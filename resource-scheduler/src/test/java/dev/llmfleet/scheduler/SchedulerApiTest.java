package dev.llmfleet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import dev.llmfleet.scheduler.device.DeviceService;
import dev.llmfleet.scheduler.queue.IllegalJobTransitionException;
import dev.llmfleet.scheduler.queue.JobNotFoundException;
import dev.llmfleet.scheduler.queue.LeaseService;
import dev.llmfleet.scheduler.queue.QueueService;
import dev.llmfleet.scheduler.vram.VramService;
import dev.llmfleet.starter.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The scheduler's HTTP surface: status codes, validation and problem details. */
@WebMvcTest(properties = "fleet.security.enabled=false") // security rules are the gateway work's tests
@Import(ProblemDetailsAdvice.class)
class SchedulerApiTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    QueueService queue;

    @MockitoBean
    LeaseService leases;

    @MockitoBean
    DeviceService devices;

    @MockitoBean
    VramService vram;

    @Test
    void acceptsAValidSubmissionWith201AndItsLocation() {
        UUID id = UUID.randomUUID();
        given(queue.submit(any())).willReturn(job(id, JobState.QUEUED));

        assertThat(mvc.post()
                        .uri("/api/scheduler/jobs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"TRAINING","payloadRef":"sha256:ab12","requiredVramMb":14000,"submittedBy":"alice"}
                                """))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/scheduler/jobs/" + id)
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("QUEUED");
    }

    @Test
    void refusesASubmissionWithoutKindOrAnyWayToKnowItsVram() {
        assertThat(mvc.post()
                        .uri("/api/scheduler/jobs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"payloadRef":"sha256:ab12","submittedBy":"alice"}
                                """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("validation-failed");
                    assertThat(json)
                            .extractingPath("$.errors[*].field")
                            .asArray()
                            .contains("kind", "vramKnown");
                });
    }

    @Test
    void refusesANegativeVramNeedAndAnUnknownPriority() {
        assertThat(mvc.post()
                        .uri("/api/scheduler/jobs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"TRAINING","payloadRef":"p","requiredVramMb":-1,"submittedBy":"alice"}
                                """))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/scheduler/jobs")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind":"TRAINING","priority":"URGENT","payloadRef":"p","requiredVramMb":1,"submittedBy":"a"}
                                """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void answersAnIllegalTransitionWith409() {
        UUID id = UUID.randomUUID();
        given(queue.resume(eq(id), any()))
                .willThrow(IllegalJobTransitionException.of(id, JobState.COMPLETED, JobState.QUEUED));

        assertThat(mvc.post()
                        .uri("/api/scheduler/jobs/{id}/resume", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"by":"alice"}
                                """))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("illegal-job-transition");
    }

    @Test
    void answersAnUnknownJobWith404AndAMalformedIdWith400() {
        UUID id = UUID.randomUUID();
        given(queue.get(id)).willThrow(JobNotFoundException.forId(id));

        assertThat(mvc.get().uri("/api/scheduler/jobs/{id}", id))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("job-not-found");
        assertThat(mvc.get().uri("/api/scheduler/jobs/not-a-uuid")).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesAnUnknownStateFilterAndAnActionWithoutItsAuthor() {
        assertThat(mvc.get().uri("/api/scheduler/jobs?state=SLEEPING"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("invalid-parameter");
        assertThat(mvc.post()
                        .uri("/api/scheduler/jobs/{id}/cancel", UUID.randomUUID())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesADeviceReportWithImpossibleValues() {
        assertThat(mvc.put()
                        .uri("/api/scheduler/hosts/trainer-1/devices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"devices":[{"index":0,"uuid":"GPU-a","name":"RTX","memoryTotalMb":-5,"memoryFreeMb":1,"utilizationPercent":140}]}
                                """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("validation-failed");
    }

    @Test
    void refusesALongPollWithoutAHostOrWithAnAbsurdWait() {
        assertThat(mvc.get().uri("/api/scheduler/leases")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.get().uri("/api/scheduler/leases?host=h&waitSeconds=100000"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void answersAVramQuestionAskedAsQueryParameters() {
        given(vram.estimate(any())).willReturn(new VramEstimate("tiny", 1, 1, 1, 1, 1024, 1028, 1.0, 0, 1028));

        assertThat(mvc.get()
                        .uri("/api/scheduler/vram-estimates?model=tiny&parameters=125000000&batchSize=30"
                                + "&sequenceLength=1024&precision=FP16"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.estimatedMb")
                .isEqualTo(1028);
        ArgumentCaptor<VramEstimateRequest> asked = ArgumentCaptor.forClass(VramEstimateRequest.class);
        Mockito.verify(vram).estimate(asked.capture());
        assertThat(asked.getValue().batchSize()).isEqualTo(30);
        assertThat(asked.getValue().precision()).hasToString("FP16");
        assertThat(mvc.get().uri("/api/scheduler/vram-estimates?parameters=0&batchSize=30&sequenceLength=1"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    private static JobResponse job(UUID id, JobState state) {
        return new JobResponse(
                id,
                JobKind.TRAINING,
                JobPriority.NORMAL,
                state,
                1,
                "sha256:ab12",
                null,
                14_000,
                "alice",
                null,
                null,
                0,
                3,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                "submitted",
                Instant.EPOCH,
                Instant.EPOCH,
                null);
    }
}
