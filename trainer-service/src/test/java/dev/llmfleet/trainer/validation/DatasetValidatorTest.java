package dev.llmfleet.trainer.validation;

import static dev.llmfleet.trainer.TrainingData.additionChats;
import static dev.llmfleet.trainer.TrainingData.chat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.llmfleet.api.trainer.ValidationIssue;
import dev.llmfleet.api.trainer.ValidationLevel;
import dev.llmfleet.api.trainer.ValidationReport;
import dev.llmfleet.trainer.TestProperties;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.TrainingData;
import dev.llmfleet.trainer.storage.TrainerPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DatasetValidatorTest {

    @TempDir
    static Path root;

    static TokenCounter tokens;
    static DatasetValidator validator;
    static TrainerProperties properties;

    @BeforeAll
    static void validator() {
        properties = TestProperties.of(Map.of("fleet.trainer.training.max-length", "64"));
        tokens = new TokenCounter(new TrainerPaths(root.resolve("trainer")));
        validator = new DatasetValidator(
                new DatasetSpecRegistry(properties),
                tokens,
                JsonMapper.builder().build(),
                properties,
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        tokens.close();
    }

    @Test
    void acceptsWellFormedChatDataWithItsSpecAndCounts() throws IOException {
        ValidationReport report = validate(additionChats(30, 0));

        assertThat(report.accepted()).isTrue();
        assertThat(report.spec()).isEqualTo("chat_sft_v1");
        assertThat(report.lines()).isEqualTo(30);
        assertThat(report.examples()).isEqualTo(30);
        assertThat(report.tokens()).isPositive();
        assertThat(report.issues()).isEmpty();
    }

    @Test
    void acceptsCompletionDataAndTheCurriculumsSkillSpecs() throws IOException {
        assertThat(validate(List.of(
                                TrainingData.completion("The capital of France is", " Paris."),
                                TrainingData.completion("Two and two make", " four.")))
                        .spec())
                .isEqualTo("completion_v1");
        assertThat(validate(List.of(
                                TrainingData.skillChat("arithmetic", "What is 1+2?", "3"),
                                TrainingData.skillChat("arithmetic", "What is 2+2?", "4")))
                        .spec())
                .isEqualTo("skill_arithmetic_v1");
    }

    @Test
    void rejectsAFileWithABadLineThreeNamingThatLine() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(5, 0));
        lines.set(2, "{\"messages\": [{\"role\": \"user\", \"content\": \"What is");

        ValidationReport report = validate(lines);

        assertThat(report.accepted()).isFalse();
        assertThat(report.issues())
                .extracting(ValidationIssue::line, ValidationIssue::code)
                .containsExactly(tuple(3L, "invalid-json"));
    }

    @Test
    void rejectsAnUnknownRole() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(5, 0));
        lines.set(1, TrainingData.chatWithRole("robot", "What is 9+9?", "18"));

        ValidationReport report = validate(lines);

        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.line()).isEqualTo(2);
            assertThat(issue.code()).isEqualTo("unknown-role");
            assertThat(issue.message()).contains("robot");
        });
    }

    @Test
    void rejectsShapesThatMatchNoRegisteredSpecRatherThanGuessing() throws IOException {
        ValidationReport report = validate(List.of(
                "{\"question\": \"What is 1+1?\", \"answer\": \"2\"}",
                TrainingData.skillChat("chemistry", "H2O?", "water")));

        assertThat(report.spec()).isNull();
        assertThat(report.issues())
                .extracting(ValidationIssue::line, ValidationIssue::code)
                .containsExactly(tuple(1L, "unknown-spec"), tuple(2L, "unknown-spec"));
    }

    @Test
    void rejectsALeakedAnswerNamingTheLine() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(8, 0));
        lines.set(4, chat("Echo: quick fox jumps", "quick fox jumps"));

        ValidationReport report = validate(lines);

        assertThat(report.issues())
                .extracting(ValidationIssue::line, ValidationIssue::level, ValidationIssue::code)
                .containsExactly(tuple(5L, ValidationLevel.DEEP, "answer-leak"));
    }

    @Test
    void rejectsAValidationExampleWhosePromptIsAlsoInTraining() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(20, 0));
        List<Integer> held = ValidationSplit.validationIndexes(
                20,
                properties.training().validationFraction(),
                properties.training().seed());
        int validation = held.getFirst();
        int training = validation == 0 ? 1 : 0;
        lines.set(training, chat("What is " + (validation / 10) + "+" + (validation % 10) + "?", "a different answer"));

        ValidationReport report = validate(lines);

        assertThat(report.issues())
                .extracting(ValidationIssue::line, ValidationIssue::code)
                .containsExactly(tuple(validation + 1L, "split-overlap"));
        assertThat(report.issues().getFirst().message()).contains("training line " + (training + 1));
    }

    @Test
    void rejectsDuplicatesEmptyExamplesWrongRoleOrderAndOverlongExamples() throws IOException {
        List<String> lines = new ArrayList<>(additionChats(6, 0));
        lines.set(1, lines.get(0));
        lines.set(2, chat("What is 7+7?", "  "));
        lines.set(3, TrainingData.chatWithRole("assistant", "I start", "and go on"));
        lines.set(4, chat("Tell me a long story about ".repeat(4), "Once upon a time there was a long story."));

        ValidationReport report = validate(lines);

        assertThat(report.issues())
                .extracting(ValidationIssue::line, ValidationIssue::code)
                .containsExactly(
                        tuple(2L, "duplicate"),
                        tuple(3L, "empty-example"),
                        tuple(4L, "role-order"),
                        tuple(5L, "too-long"));
        assertThat(report.issues().getFirst().message()).contains("line 1");
    }

    @Test
    void reportsInvalidUtf8AndBlankLinesWithoutStoppingAtThem() throws IOException {
        Path file = root.resolve("bytes.jsonl");
        byte[] good = (chat("What is 1+1?", "2") + "\n").getBytes();
        byte[] bad = {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Files.write(file, concat(good, bad, "\n".getBytes(), good));

        ValidationReport report = validator.validate(file, "bytes.jsonl", "0".repeat(64), ValidationLevel.DEEP);

        assertThat(report.issues())
                .extracting(ValidationIssue::line, ValidationIssue::code)
                .containsExactly(tuple(2L, "invalid-encoding"), tuple(3L, "blank-line"), tuple(4L, "duplicate"));
    }

    private ValidationReport validate(List<String> lines) throws IOException {
        Path file = TrainingData.write(root.resolve("data-" + System.nanoTime() + ".jsonl"), lines);
        return validator.validate(file, file.getFileName().toString(), "0".repeat(64), ValidationLevel.DEEP);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
