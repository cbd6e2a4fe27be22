package dev.llmfleet.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.orchestrator.PromoteRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

class PipelineRestTest extends PipelineTestBase {

    static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Test
    void servesTheSpecAndTakesOneReportPerEvaluation() {
        PipelineRun run = trainedAndEvaluating("people.jsonl", 1.0);
        String uri = "/api/orchestrator/evaluations/" + run.evaluationId();

        assertThat(mvc.get().uri(uri + "/spec")).hasStatusOk().bodyJson().satisfies(spec -> {
            assertThat(spec).extractingPath("$.suites[0]").isEqualTo("arithmetic/1@1");
            assertThat(spec).extractingPath("$.items.length()").isEqualTo(10);
            assertThat(spec).extractingPath("$.maxNewTokens").isEqualTo(16);
        });
        EvaluationReport report = answering(reports.spec(run.evaluationId()), 6, 1.1);

        assertThat(post(uri + "/report", report)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(post(uri + "/report", report))
                .hasStatus(HttpStatus.CONFLICT)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("evaluation-already-reported");
        assertThat(ranking.candidate(run.candidateId()).accuracy()).isEqualTo(0.6);
    }

    @Test
    void refusesAReportWithoutOneResultPerQuestionAndKeepsTheEvaluationOpen() {
        PipelineRun run = trainedAndEvaluating("people.jsonl", 1.0);
        EvaluationReport full = answering(reports.spec(run.evaluationId()), 6, 1.1);
        EvaluationReport missingOne = new EvaluationReport(full.results().subList(0, 9), 200, null, 1.1, 5);
        EvaluationReport twice = new EvaluationReport(
                Stream.concat(
                                full.results().subList(0, 9).stream(),
                                Stream.of(full.results().getFirst()))
                        .toList(),
                200,
                null,
                1.1,
                5);
        String uri = "/api/orchestrator/evaluations/" + run.evaluationId() + "/report";

        for (EvaluationReport bad : List.of(missingOne, twice)) {
            assertThat(post(uri, bad))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("evaluation-report-invalid");
        }

        assertThat(evaluations.findById(run.evaluationId()).orElseThrow().state())
                .isEqualTo(EvaluationState.SUBMITTED);
        assertThat(post(uri, full)).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void answersNotFoundForUnknownEvaluationsAndCandidates() {
        UUID unknown = UUID.randomUUID();

        assertThat(mvc.get().uri("/api/orchestrator/evaluations/{id}/spec", unknown))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("evaluation-not-found");
        assertThat(post(
                        "/api/orchestrator/evaluations/" + unknown + "/report",
                        answering(new EvaluationSpec(unknown, "x", List.of(), List.of(), 1), 0, 1.0)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/orchestrator/candidates/{id}", unknown))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("candidate-not-found");
        assertThat(post("/api/orchestrator/promotions", new PromoteRequest(unknown, null, false)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void refusesToPromoteARegressionUnlessForced() {
        deployed("first.jsonl", 5, 1.0);
        Candidate regressed = evaluated("second.jsonl", 9, 1.3, 1.0);
        turn();
        assertThat(mvc.post()
                        .uri("/api/orchestrator/promotions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidateId\":\"" + regressed.id() + "\",\"force\":false}"))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("candidate-regression");
        assertThat(mvc.post()
                        .uri("/api/orchestrator/promotions")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidateId\":\"" + regressed.id() + "\",\"reason\":\"try it\",\"force\":true}"))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.kind")
                .isEqualTo("PROMOTE");
        assertThat(runOf(regressed).step()).isEqualTo(PipelineStep.PROMOTING);
    }

    @Test
    void listsRunsNewestFirstCandidatesRankedAndTheStoredSuites() {
        Candidate older = evaluated("older.jsonl", 4, 1.0, 1.0);
        later(Duration.ofMinutes(1));
        Candidate newer = evaluated("newer.jsonl", 9, 1.0, 1.0);

        assertThat(mvc.get().uri("/api/orchestrator/pipeline"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(page -> {
                    assertThat(page)
                            .extractingPath("$[0].candidateId")
                            .isEqualTo(newer.id().toString());
                    assertThat(page)
                            .extractingPath("$[1].candidateId")
                            .isEqualTo(older.id().toString());
                });
        assertThat(mvc.get().uri("/api/orchestrator/candidates"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(page -> {
                    assertThat(page)
                            .extractingPath("$[0].id")
                            .isEqualTo(newer.id().toString());
                    assertThat(page).extractingPath("$[0].rank").isEqualTo(1);
                    assertThat(page).extractingPath("$[1].rank").isEqualTo(2);
                });
        assertThat(mvc.get().uri("/api/orchestrator/suites"))
                .hasStatusOk()
                .bodyJson()
                .satisfies(suites -> {
                    assertThat(suites).extractingPath("$.length()").isEqualTo(1);
                    assertThat(suites).extractingPath("$[0].skill").isEqualTo("arithmetic");
                    assertThat(suites).extractingPath("$[0].version").isEqualTo(1);
                    assertThat(suites).extractingPath("$[0].size").isEqualTo(10);
                    assertThat(suites).extractingPath("$[0].sha256").asString().hasSize(64);
                });
    }

    private MvcTestResult post(String uri, Object body) {
        return mvc.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))
                .exchange();
    }
}
