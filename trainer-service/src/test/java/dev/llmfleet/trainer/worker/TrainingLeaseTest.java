package dev.llmfleet.trainer.worker;

import static dev.llmfleet.trainer.TrainingData.additionChats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.trainer.TrainerServiceApplication;
import dev.llmfleet.trainer.control.TrainerControlService;
import dev.llmfleet.trainer.dataset.DatasetService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The worker training a TRAINING lease of a stand-in scheduler: a dataset is COMPLETED only when
 * the scheduler took the completion.
 */
@SpringBootTest(
        classes = TrainerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.gpu.enabled=false",
            "fleet.trainer.inbox.enabled=false",
            "fleet.trainer.worker.enabled=true",
            "fleet.trainer.worker.poll-wait=1s",
            "fleet.trainer.worker.retry-delay=1s",
            "fleet.trainer.worker.completion-attempts=2",
            "fleet.trainer.worker.completion-backoff=100ms",
            "fleet.trainer.training.base=scratch",
            "fleet.trainer.training.max-steps=4",
            "fleet.trainer.training.batch-size=4",
            "fleet.trainer.training.save-steps=2",
            "fleet.trainer.training.eval-steps=4",
            "fleet.trainer.snapshots.prompts=1",
            "fleet.trainer.snapshots.max-new-tokens=2",
            "fleet.data-dir=" + TrainingLeaseTest.DATA_DIR
        })
class TrainingLeaseTest {

    static final String DATA_DIR = "target/training-lease-test-data";
    static final StandInFleet fleet = StandInFleet.start();
    static final Duration PATIENCE = Duration.ofSeconds(120);
    /** The device the worker polls on a host without a GPU. */
    static final String CPU = "cpu-localhost";

    @DynamicPropertySource
    static void standIn(DynamicPropertyRegistry registry) {
        registry.add("fleet.registry.url", fleet::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    DatasetService datasets;

    @Autowired
    TrainerControlService control;

    @AfterAll
    static void stopTheStandIn() {
        fleet.close();
    }

    @Test
    void aRunWhoseCompletionIsRefusedLeavesItsDatasetQueuedAndItsNextLeaseCompletesFromTheFinalCheckpoint() {
        String sha = upload().dataset().sha256();
        await().atMost(PATIENCE).until(() -> fleet.submitted.containsKey("sha256:" + sha));
        JobResponse job = fleet.submitted.get("sha256:" + sha);
        fleet.refuseCompletions = true;

        Lease first = fleet.trainingLease(job, 1, CPU);

        await().atMost(PATIENCE)
                .until(() -> fleet.completionsOffered.contains(first.leaseId())
                        && datasets.get(sha).status() != DatasetStatus.TRAINING);
        DatasetView refused = datasets.get(sha);
        assertThat(refused.status()).isEqualTo(DatasetStatus.QUEUED);
        assertThat(refused.lastReason()).contains("refused the completion");
        assertThat(fleet.completed).doesNotContainKey(first.leaseId());

        fleet.refuseCompletions = false;
        Lease second = fleet.trainingLease(job, 2, CPU);

        await().atMost(PATIENCE).until(() -> datasets.get(sha).status() == DatasetStatus.COMPLETED);
        assertThat(fleet.completed.get(second.leaseId()).summary()).isEqualTo("trained 4 steps");
        assertThat(control.status().resumedFromStep())
                .as("the second lease continued from the final checkpoint")
                .isEqualTo(4L);
    }

    private IntakeResult upload() {
        // Content of its own on every run: the database outlives the test.
        int offset = ThreadLocalRandom.current().nextInt(1_000_000);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add(
                "file",
                new ByteArrayResource(
                        String.join("\n", additionChats(40, offset)).getBytes(StandardCharsets.UTF_8)) {
                    @Override
                    public String getFilename() {
                        return "additions.jsonl";
                    }
                });
        return RestClient.create("http://localhost:" + port)
                .post()
                .uri("/api/trainer/uploads")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .body(IntakeResult.class);
    }
}
