package dev.llmfleet.orchestrator.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import dev.llmfleet.api.registry.InstanceStatus;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.starter.web.ProblemDetailsAdvice;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@WebMvcTest(RegistryController.class)
@Import(ProblemDetailsAdvice.class)
class RegistryControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    RegistryService registry;

    @Test
    void registersAValidInstance() {
        given(registry.register(any()))
                .willReturn(new ServiceInstance(
                        "resource-scheduler",
                        "rs-1",
                        "10.0.0.5",
                        7003,
                        "http",
                        "control",
                        Map.of(),
                        InstanceStatus.UP,
                        Instant.EPOCH,
                        Instant.EPOCH,
                        java.util.List.of()));

        assertThat(mvc.post()
                        .uri("/api/registry/instances")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"serviceName":"resource-scheduler","instanceId":"rs-1","host":"10.0.0.5","port":7003}
                                """))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void refusesAPortOutOfRangeWithAProblemNamingTheField() {
        assertThat(mvc.post()
                        .uri("/api/registry/instances")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"serviceName":"resource-scheduler","instanceId":"rs-1","host":"h","port":70000}
                                """))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("validation-failed");
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("port");
                });
    }

    @Test
    void refusesARegistrationWithMissingFields() {
        assertThat(mvc.post()
                        .uri("/api/registry/instances")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceName\":\"x\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors")
                .asArray()
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void refusesMalformedJsonWithAProblemDetail() {
        assertThat(mvc.post()
                        .uri("/api/registry/instances")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"serviceName\":"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("bad-request");
    }

    @Test
    void answersAHeartbeatOfAnUnknownInstanceWith404() {
        given(registry.heartbeat(eq("ghost"), any())).willThrow(InstanceNotFoundException.forId("ghost"));

        assertThat(mvc.put().uri("/api/registry/instances/ghost/heartbeat"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.code").isEqualTo("instance-not-found");
                    assertThat(json)
                            .extractingPath("$.type")
                            .isEqualTo("https://llmfleet.dev/problems/instance-not-found");
                });
    }
}
