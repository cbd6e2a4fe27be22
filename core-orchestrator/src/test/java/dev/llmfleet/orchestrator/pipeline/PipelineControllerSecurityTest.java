package dev.llmfleet.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.llmfleet.api.orchestrator.DecisionView;
import dev.llmfleet.api.orchestrator.PromoteRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.starter.security.testing.FleetTestTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Promotions are made in the name of the caller's token, and need {@code fleet:operate}. */
@WebMvcTest(PipelineController.class)
@Import(FleetTestTokens.Decoder.class)
class PipelineControllerSecurityTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Promotions promotions;

    @MockitoBean
    CandidateRanking ranking;

    @MockitoBean
    PipelineQueries queries;

    @Test
    void promotesInTheNameOfTheCallersToken() {
        UUID candidate = UUID.randomUUID();
        given(promotions.promote(any(), eq("alice")))
                .willReturn(new DecisionView(
                        1L,
                        "PROMOTE",
                        "candidate/" + candidate,
                        "promote and deploy",
                        List.of(),
                        "alice",
                        Instant.EPOCH));

        assertThat(mvc.post()
                        .uri("/api/orchestrator/promotions")
                        .header(HttpHeaders.AUTHORIZATION, bearer("alice", FleetScopes.OPERATE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidateId\":\"" + candidate + "\",\"reason\":\"demo\",\"force\":false}"))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.actor")
                .isEqualTo("alice");
        verify(promotions).promote(new PromoteRequest(candidate, "demo", false), "alice");
    }

    @Test
    void refusesAPromotionWithOnlyReadScope() {
        assertThat(mvc.post()
                        .uri("/api/orchestrator/promotions")
                        .header(HttpHeaders.AUTHORIZATION, bearer("bob", FleetScopes.READ))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidateId\":\"" + UUID.randomUUID() + "\",\"force\":false}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        verifyNoInteractions(promotions);
    }

    @Test
    void readsTheCandidatesWithReadScope() {
        given(ranking.ranked()).willReturn(List.of());

        assertThat(mvc.get()
                        .uri("/api/orchestrator/candidates")
                        .header(HttpHeaders.AUTHORIZATION, bearer("bob", FleetScopes.READ)))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/orchestrator/candidates")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private static String bearer(String client, String scope) {
        return "Bearer " + FleetTestTokens.token(client, List.of(scope));
    }
}
