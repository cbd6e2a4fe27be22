package dev.llmfleet.trainer.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.trainer.CheckpointInfo;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.trainer.TrainedRuns;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** {@code GET /api/trainer/runs/{jobId}/checkpoints} as the orchestrator calls it. */
@LifecycleTest
class RunCheckpointsRestTest {

    private static final UUID JOB = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    RestClient http;
    TrainerClient trainer;
    LifecycleClient lifecycle;

    /** Four steps saved at 2 and 4, beside a save in progress and a checkpoint that lost a file. */
    @BeforeAll
    static void trainARun() throws IOException {
        TrainedRuns.train(LifecycleFixtures.trainerDir(), JOB, 4, 2);
        Path checkpoints = checkpoints(JOB);
        Files.createDirectories(checkpoints.resolve(".tmp-step-00000006-0f1e"));
        Path broken = Files.createDirectories(checkpoints.resolve("step-00000006"));
        for (Path file : LifecycleFiles.filesOf(checkpoints.resolve("step-00000004"))) {
            if (!file.getFileName().toString().equals("model.params")) {
                Files.copy(file, broken.resolve(file.getFileName()));
            }
        }
    }

    @AfterAll
    static void removeRun() throws IOException {
        LifecycleFiles.deleteTree(checkpoints(JOB).getParent());
    }

    @BeforeEach
    void clients() throws IOException {
        LifecycleFixtures.reset(jdbc);
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        HttpServiceProxyFactory proxies = HttpServiceProxyFactory.builderFor(
                        RestClientAdapter.create(RestClient.create("http://localhost:" + port)))
                .build();
        trainer = proxies.createClient(TrainerClient.class);
        lifecycle = proxies.createClient(LifecycleClient.class);
    }

    @Test
    void listsAJobsCheckpointsOldestFirstWithTheLossesTheyWereSavedWith() {
        List<CheckpointInfo> listed = trainer.checkpoints(JOB);

        assertThat(listed).extracting(CheckpointInfo::step).containsExactly(2L, 4L, 6L);
        assertThat(listed)
                .extracting(CheckpointInfo::path)
                .containsExactly(
                        "runs/" + JOB + "/checkpoints/step-00000002",
                        "runs/" + JOB + "/checkpoints/step-00000004",
                        "runs/" + JOB + "/checkpoints/step-00000006");
        assertThat(listed).extracting(CheckpointInfo::complete).containsExactly(true, true, false);
        assertThat(listed.subList(0, 2)).allSatisfy(c -> {
            assertThat(c.trainLoss()).isPositive();
            assertThat(c.validationLoss()).isPositive();
            assertThat(c.createdAt()).isBetween(Instant.now().minus(Duration.ofHours(1)), Instant.now());
        });
    }

    @Test
    void aListedPathIsWhatConsolidationTakes() {
        CheckpointInfo newestComplete = trainer.checkpoints(JOB).get(1);

        ConsolidationResult result = lifecycle.consolidate(
                new ConsolidateRequest(newestComplete.path(), "from the listing", List.of(), Map.of(), Map.of(), "t"));

        assertThat(result.succeeded()).as(String.valueOf(result.message())).isTrue();
        assertThat(result.version().sourceCheckpoint()).endsWith(newestComplete.path());
    }

    @Test
    void aJobWhoseRunSavedNothingYetHasNoCheckpoints() throws IOException {
        UUID started = UUID.randomUUID();
        Files.createDirectories(checkpoints(started).getParent());
        try {
            assertThat(trainer.checkpoints(started)).isEmpty();
        } finally {
            LifecycleFiles.deleteTree(checkpoints(started).getParent());
        }
    }

    @Test
    void anUnknownJobIsANotFoundProblem() {
        ResponseEntity<String> answer = get("/api/trainer/runs/" + UUID.randomUUID() + "/checkpoints");

        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody()).contains("\"code\":\"run-not-found\"");
    }

    @Test
    void aMalformedJobIdIsABadRequestProblem() {
        ResponseEntity<String> answer = get("/api/trainer/runs/not-a-job/checkpoints");

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private ResponseEntity<String> get(String path) {
        return http.get().uri(path).retrieve().toEntity(String.class);
    }

    private static Path checkpoints(UUID job) {
        return LifecycleFixtures.trainerDir()
                .resolve("runs")
                .resolve(job.toString())
                .resolve("checkpoints");
    }
}
