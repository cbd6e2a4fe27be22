package dev.llmfleet.orchestrator.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

import dev.llmfleet.orchestrator.TestVersions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

class DeploymentRestTest extends StandInFleetTest {

    @Test
    void answersNotFoundForAVersionTheTrainingHostDoesNotHave() {
        given(lifecycle.version("v999"))
                .willThrow(HttpClientErrorException.create(
                        HttpStatus.NOT_FOUND, "Not Found", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8));

        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\"v999\"}"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("version-not-found");
        assertThat(deployments.recent(10)).isEmpty();
    }

    @Test
    void answersServiceUnavailableWhenTheTrainingHostCannotBeAsked() {
        given(lifecycle.version("v002")).willThrow(new ResourceAccessException("Connection refused"));

        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\"v002\"}"))
                .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("trainer-unavailable");
    }

    @Test
    void refusesADeployRequestWithoutAVersion() {
        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\" \"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("validation-failed");
    }

    @Test
    void answersConflictForARollbackWithNothingToRollBackTo() {
        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments/rollback")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"bad answers\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("nothing-to-roll-back");
    }

    @Test
    void deploysTheLatestVersionAndListsItFirst() {
        InferenceStandIn host = inferenceHost("127.0.0.31", "v001");
        given(lifecycle.version("latest")).willReturn(TestVersions.named("v004"));

        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\"latest\",\"reason\":\"try it\"}"))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.version").isEqualTo("v004");
                    assertThat(json).extractingPath("$.state").isEqualTo("PENDING");
                    assertThat(json).extractingPath("$.requestedBy").isEqualTo("anonymous");
                });
        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\"latest\"}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("deployment-in-progress");

        awaitEnd(deployments.recent(1).getFirst().id(), "DEPLOYED");
        assertThat(host.reloads()).containsExactly("v004");
        assertThat(mvc.get().uri("/api/orchestrator/deployments"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$[0].version")
                .isEqualTo("v004");
    }

    @Test
    void refusesToDeployADeletedVersion() {
        given(lifecycle.version("v002")).willReturn(TestVersions.deleted("v002"));

        assertThat(mvc.post()
                        .uri("/api/orchestrator/deployments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":\"v002\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("version-not-deployable");
    }

    @Test
    void exposesTheCircuitBreakersOnTheActuator() {
        assertThat(mvc.get().uri("/actuator/circuitbreakers"))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.circuitBreakers")
                .asMap()
                .containsKey("coordinator-lifecycle");
    }
}
