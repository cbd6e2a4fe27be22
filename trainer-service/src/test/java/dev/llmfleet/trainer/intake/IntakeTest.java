package dev.llmfleet.trainer.intake;

import static dev.llmfleet.trainer.TrainingData.additionChats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.trainer.DatasetStatus;
import dev.llmfleet.api.trainer.DatasetView;
import dev.llmfleet.api.trainer.IntakeOutcome;
import dev.llmfleet.api.trainer.IntakeResult;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.TrainerServiceApplication;
import dev.llmfleet.trainer.TrainingData;
import dev.llmfleet.trainer.dataset.DatasetService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
import tools.jackson.databind.json.JsonMapper;

/** Files arriving by inbox and by upload: when they are taken, what they become, where they may go. */
@SpringBootTest(
        classes = TrainerServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false", // not about security: issue 3 adapts the tests
            "fleet.trainer.worker.enabled=false",
            "fleet.gpu.enabled=false",
            "fleet.trainer.worker.retry-delay=1h",
            "fleet.trainer.inbox.poll-interval=100ms",
            "fleet.trainer.inbox.stable-for=1s",
            "fleet.trainer.upload.max-size=64KB"
        })
class IntakeTest {

    static final Path dataDir = temporaryDirectory();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fleet.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    DatasetService datasets;

    @Autowired
    JsonMapper json;

    Path trainer = dataDir.resolve("trainer");

    @Test
    void aFileWrittenSlowlyIntoTheInboxIsNotTakenHalfWritten() throws IOException {
        Path file = trainer.resolve("inbox/slow.jsonl");
        List<String> lines = additionChats(8, 20);
        for (String line : lines) {
            int half = line.length() / 2;
            append(file, line.substring(0, half));
            pace();
            assertThat(file).as("still being written, so still in the inbox").exists();
            append(file, line.substring(half) + "\n");
            pace();
            assertThat(file).exists();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(file));
        DatasetView dataset = datasets.list().stream()
                .filter(d -> d.name().equals("slow.jsonl"))
                .findFirst()
                .orElseThrow();
        assertThat(dataset.examples()).isEqualTo(8);
        assertThat(dataset.priority()).isEqualTo(JobPriority.NORMAL);
        assertThat(dataset.status()).isEqualTo(DatasetStatus.ACCEPTED);
        assertThat(Files.readAllLines(trainer.resolve("datasets/" + dataset.sha256() + ".jsonl")))
                .containsExactlyElementsOf(lines);
        assertThat(trainer.resolve("rejected/slow.jsonl")).doesNotExist();
    }

    @Test
    void theSameContentTwiceIsOneDataset() throws IOException {
        String content = String.join("\n", additionChats(10, 40)) + "\n";

        IntakeResult first = upload("first.jsonl", content, null);
        IntakeResult second = upload("second-name.jsonl", content, JobPriority.HIGH);
        Files.writeString(trainer.resolve("inbox/third.jsonl"), content);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(trainer.resolve("inbox/third.jsonl")));

        assertThat(first.outcome()).isEqualTo(IntakeOutcome.ACCEPTED);
        assertThat(second.outcome()).isEqualTo(IntakeOutcome.DUPLICATE);
        assertThat(second.dataset().sha256()).isEqualTo(first.dataset().sha256());
        assertThat(datasets.list())
                .filteredOn(d -> d.sha256().equals(first.dataset().sha256()))
                .hasSize(1);
        assertThat(datasets.get(first.dataset().sha256()).name()).isEqualTo("first.jsonl");
    }

    @Test
    void aFileNamedToTraverseCannotEscapeTheTrainersFolders() throws IOException {
        IntakeResult accepted = upload("../../etc/x.jsonl", String.join("\n", additionChats(5, 60)), null);
        int status = uploadStatus("../../etc/x.jsonl", "not json at all\n");

        assertThat(accepted.dataset().name()).isEqualTo("x.jsonl");
        assertThat(status).isEqualTo(422);
        assertThat(trainer.resolve("rejected/x.jsonl")).exists();
        assertThat(trainer.resolve("rejected/x.jsonl.report.json")).exists();
        assertThat(dataDir.resolve("etc")).doesNotExist();
        assertThat(dataDir.getParent().resolve("etc/x.jsonl")).doesNotExist();
        try (Stream<Path> all = Files.walk(dataDir)) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("x.jsonl")))
                    .allSatisfy(p -> assertThat(p.normalize()).startsWith(trainer.resolve("rejected")));
        }
    }

    @Test
    void aRejectedInboxFileGoesToRejectedWithAReportNamingTheBadLines() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(5, 70));
        lines.set(2, "{\"messages\": [");
        TrainingData.write(trainer.resolve("inbox/team/week1/bad.jsonl"), lines);

        Path rejected = trainer.resolve("rejected/team__week1__bad.jsonl");
        // The report is written before the inbox file is removed: wait for both.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(rejected.resolveSibling(rejected.getFileName() + ".report.json"))
                        && !Files.exists(trainer.resolve("inbox/team/week1/bad.jsonl")));

        ValidationReport report = json.readValue(
                Files.readAllBytes(rejected.resolveSibling(rejected.getFileName() + ".report.json")),
                ValidationReport.class);
        assertThat(report.accepted()).isFalse();
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(3);
            assertThat(issue.code()).isEqualTo("invalid-json");
        });
        assertThat(Files.readAllLines(rejected))
                .as("kept as it came, not fixed")
                .containsExactlyElementsOf(lines);
        assertThat(trainer.resolve("inbox/team/week1/bad.jsonl")).doesNotExist();
    }

    @Test
    void aFileInThePriorityInboxIsHighPriority() throws IOException {
        TrainingData.write(trainer.resolve("inbox/priority/urgent.jsonl"), additionChats(6, 80));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> datasets.list().stream().anyMatch(d -> d.name().equals("urgent.jsonl")));

        DatasetView dataset = datasets.list().stream()
                .filter(d -> d.name().equals("urgent.jsonl"))
                .findFirst()
                .orElseThrow();
        assertThat(dataset.priority()).isEqualTo(JobPriority.HIGH);
        assertThat(dataset.source()).isEqualTo("inbox/priority");
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedAndNothingIsKept() throws IOException {
        String big = (String.join("\n", additionChats(99, 0)) + "\n").repeat(10);

        int status = uploadStatus("big.jsonl", big);

        assertThat(status).isEqualTo(413);
        try (Stream<Path> staged = Files.list(trainer.resolve("staging"))) {
            assertThat(staged).isEmpty();
        }
        assertThat(trainer.resolve("rejected/big.jsonl")).doesNotExist();
    }

    private IntakeResult upload(String name, String content, JobPriority priority) {
        return client().post()
                .uri(u -> u.path("/api/trainer/uploads")
                        .queryParam("priority", priority == null ? "NORMAL" : priority)
                        .build())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart(name, content))
                .retrieve()
                .body(IntakeResult.class);
    }

    private int uploadStatus(String name, String content) {
        return client().post()
                .uri("/api/trainer/uploads")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(multipart(name, content))
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private static MultiValueMap<String, Object> multipart(String name, String content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return parts;
    }

    private RestClient client() {
        return RestClient.create("http://localhost:" + port);
    }

    private static void append(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A writer that is slower than the inbox's scans but faster than its stability window. */
    private static void pace() {
        await().pollDelay(Duration.ofMillis(300)).until(() -> true);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("trainer-intake");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
