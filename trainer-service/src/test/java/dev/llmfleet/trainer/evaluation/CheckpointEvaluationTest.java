package dev.llmfleet.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.api.lifecycle.ConsolidateRequest;
import dev.llmfleet.api.lifecycle.ConsolidationResult;
import dev.llmfleet.api.orchestrator.EvaluationItemResult;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.ChatTemplate;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.model.tokenizer.SpecialTokens;
import dev.llmfleet.trainer.TrainedRuns;
import dev.llmfleet.trainer.engine.AnswerProbe;
import dev.llmfleet.trainer.engine.CheckpointMetrics;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import dev.llmfleet.trainer.lifecycle.LifecycleTest;
import dev.llmfleet.trainer.lifecycle.versions.ConsolidationService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Evaluating run checkpoints and versions the way evaluation jobs ask: answers, answer losses, refusals. */
@LifecycleTest
class CheckpointEvaluationTest {

    private static final UUID JOB = UUID.randomUUID();
    private static final int STEPS = 150;
    private static final String TRAINED = "runs/" + JOB + "/checkpoints/step-00000150";

    @Autowired
    CheckpointEvaluator evaluator;

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path outside;

    @BeforeAll
    static void trainOnAdditions() throws IOException {
        TrainedRuns.train(LifecycleFixtures.trainerDir(), JOB, STEPS, STEPS);
    }

    @AfterAll
    static void removeRun() throws IOException {
        LifecycleFiles.deleteTree(LifecycleFixtures.trainerDir().resolve("runs").resolve(JOB.toString()));
    }

    @BeforeEach
    void noVersions() throws IOException {
        LifecycleFixtures.reset(jdbc);
    }

    @Test
    void answersEveryQuestionInOrderAndTheTrainedCheckpointLosesLessThanAnUntrainedOne() throws IOException {
        String untrained = relative(LifecycleFixtures.fullCheckpoint("eval-untrained", 1, 5, -1));

        EvaluationReport trained = evaluate(TRAINED, additions());
        EvaluationReport fresh = evaluate(untrained, additions());

        assertThat(trained.results()).extracting(EvaluationItemResult::index).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(trained.results())
                .allSatisfy(r -> assertThat(r.answerLoss()).isFinite().isPositive());
        assertThat(trained.validationLoss())
                .isEqualTo(trained.results().stream()
                        .mapToDouble(EvaluationItemResult::answerLoss)
                        .average()
                        .orElseThrow());
        assertThat(trained.validationLoss()).isLessThan(fresh.validationLoss() / 3);
        for (int i = 0; i < trained.results().size(); i++) {
            assertThat(trained.results().get(i).answerLoss())
                    .as("question %d", i)
                    .isLessThan(fresh.results().get(i).answerLoss());
        }
        assertThat(trained.results())
                .filteredOn(r -> r.generated().equals(additions().get(r.index()).answer()))
                .as("questions the trained model answers right")
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void reportsTheCheckpointsStepAndTheTrainingLossSavedWithIt() {
        EvaluationReport report = evaluate(TRAINED, additions());

        Path folder = LifecycleFixtures.trainerDir().resolve(TRAINED);
        assertThat(report.step()).isEqualTo(STEPS);
        assertThat(report.trainLoss())
                .isNotNull()
                .isEqualTo(CheckpointMetrics.read(folder).orElseThrow().trainingLoss());
        assertThat(report.tookMillis()).isNotNegative();
    }

    @Test
    void theRightAnswerCostsLessThanAWrongOneAndTheAnswerIsNotPartOfThePrompt() {
        List<SuiteItem> items = List.of(question("What is 3+4?", "7"), question("What is 3+4?", "9"));

        EvaluationReport report = evaluate(TRAINED, items);

        assertThat(report.results().get(0).answerLoss())
                .isLessThan(report.results().get(1).answerLoss());
        assertThat(report.results().get(0).generated())
                .as("the same prompt, whatever the answer")
                .isEqualTo(report.results().get(1).generated());
    }

    @Test
    void theAnswerLossIsTheMeanNegativeLogLikelihoodOfTheAnswerAndItsEndOfTurnGivenThePrompt() {
        double reported = evaluate(TRAINED, List.of(question("What is 9+8?", "17")))
                .results()
                .getFirst()
                .answerLoss();

        VerifiedCheckpoint checkpoint =
                CheckpointReader.open(LifecycleFixtures.trainerDir().resolve(TRAINED));
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = ModelFiles.loadTokenizer(checkpoint);
                CausalLanguageModel model = ModelFiles.loadModel(checkpoint, manager)) {
            int[] prompt = new ChatTemplate(tokenizer).prompt(List.of(ChatMessage.user("What is 9+8?")));
            int[] answer = IntStream.concat(
                            IntStream.of(tokenizer.encode("17")), IntStream.of(tokenizer.idOf(SpecialTokens.END)))
                    .toArray();
            long[] inputs = IntStream.concat(IntStream.of(prompt), IntStream.of(answer))
                    .limit(prompt.length + answer.length - 1)
                    .asLongStream()
                    .toArray();
            float[] logits = model.forward(manager.create(inputs, new Shape(1, inputs.length)), null)
                    .toFloatArray();
            int vocabulary = model.config().vocabSize();
            double negativeLogLikelihood = 0;
            for (int k = 0; k < answer.length; k++) {
                int row = (prompt.length - 1 + k) * vocabulary;
                double max = Double.NEGATIVE_INFINITY;
                for (int v = 0; v < vocabulary; v++) {
                    max = Math.max(max, logits[row + v]);
                }
                double sum = 0;
                for (int v = 0; v < vocabulary; v++) {
                    sum += Math.exp(logits[row + v] - max);
                }
                negativeLogLikelihood += max + Math.log(sum) - logits[row + answer[k]];
            }
            assertThat(reported).isCloseTo(negativeLogLikelihood / answer.length, within(1e-4));
        }
    }

    @Test
    void greedyAnswersAndLossesAreTheSameEveryTime() {
        EvaluationReport first = evaluate(TRAINED, additions());
        EvaluationReport second = evaluate(TRAINED, additions());

        assertThat(second.results()).isEqualTo(first.results());
    }

    @Test
    void questionsAreAskedInTheChatFormatTrainingLearnsAndInferenceServes(@TempDir Path tokenizerDir) {
        SuiteItem item = new SuiteItem("arithmetic", 1, "Answer with the number only.", "What is 2+5?", "7");
        try (FleetTokenizer tokenizer = FleetTokenizer.shipped(tokenizerDir)) {
            ChatTemplate template = new ChatTemplate(tokenizer);

            TokenSequence asked = template.conversation(CheckpointEvaluator.conversation(item));

            int promptLength = AnswerProbe.promptLength(asked);
            int[] served = template.prompt(
                    List.of(ChatMessage.system("Answer with the number only."), ChatMessage.user("What is 2+5?")));
            assertThat(Arrays.copyOf(asked.ids(), promptLength)).containsExactly(served);
            assertThat(tokenizer.decode(Arrays.copyOfRange(asked.ids(), promptLength, asked.length() - 1)))
                    .isEqualTo("7");
            assertThat(asked.learnedCount())
                    .as("the answer and its end of turn")
                    .isEqualTo(asked.length() - promptLength);
        }
    }

    @Test
    void aVersionAndTheCurrentLinkAnswerLikeTheCheckpointTheyWereMadeFrom() {
        ConsolidationResult made = consolidation.consolidate(
                new ConsolidateRequest(TRAINED, "evaluated", List.of(), Map.of(), Map.of(), "tester"));
        assertThat(made.succeeded()).as(String.valueOf(made.message())).isTrue();

        EvaluationReport checkpoint = evaluate(TRAINED, additions());
        EvaluationReport version = evaluate("versions/v001", additions());
        EvaluationReport current = evaluate("current", additions());

        assertThat(version.results()).isEqualTo(checkpoint.results());
        assertThat(current.results()).isEqualTo(checkpoint.results());
        assertThat(version.step()).isEqualTo(STEPS);
        assertThat(version.trainLoss()).isNull();
    }

    @Test
    void anAdapterIsAnsweredOnTheVersionItWasTrainedOn() throws IOException {
        consolidation.consolidate(new ConsolidateRequest(TRAINED, "base", List.of(), Map.of(), Map.of(), "tester"));
        String adapter = relative(LifecycleFixtures.adapterCheckpoint(
                "eval-adapter", 3, LifecycleFixtures.trainerDir().resolve("versions/v001"), 9));

        EvaluationReport onBase = evaluate("versions/v001", additions());
        EvaluationReport adapted = evaluate(adapter, additions());

        assertThat(adapted.step()).isEqualTo(3);
        assertThat(adapted.results())
                .hasSize(6)
                .allSatisfy(r -> assertThat(r.answerLoss()).isFinite());
        assertThat(adapted.validationLoss()).as("the adapter changes the model").isNotEqualTo(onBase.validationLoss());
        assertThat(evaluate(adapter, additions()).results()).isEqualTo(adapted.results());
    }

    @Test
    void refusesEveryPathThatLeadsOutOfTheDataFolder() throws IOException {
        Path copy = outside.resolve("step-00000150");
        Files.createDirectories(copy);
        for (Path file : LifecycleFiles.filesOf(LifecycleFixtures.trainerDir().resolve(TRAINED))) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Path link = LifecycleFixtures.trainerDir().resolve("runs/" + JOB + "/checkpoints/step-00000999");
        Files.createSymbolicLink(link, copy);
        try {
            for (String path : List.of(
                    "../../etc", "runs/../..", copy.toString(), "runs/" + JOB + "/checkpoints/step-00000999", "")) {
                assertThatThrownBy(() -> evaluate(path, additions()))
                        .as(path)
                        .isInstanceOf(EvaluationRefusedException.class)
                        .hasMessageContaining("is not a folder inside the trainer's data folder");
            }
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void refusesMissingAndDamagedCheckpoints() throws IOException {
        Path damaged = LifecycleFixtures.fullCheckpoint("eval-damaged", 1, 3, -1);
        LifecycleFixtures.corruptOneByte(damaged.resolve("model.params"));

        assertThatThrownBy(() -> evaluate("runs/" + UUID.randomUUID() + "/checkpoints/step-00000001", additions()))
                .isInstanceOf(EvaluationRefusedException.class)
                .hasMessageContaining("does not exist on this host");
        assertThatThrownBy(() -> evaluate(relative(damaged), additions()))
                .isInstanceOf(EvaluationRefusedException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("model.params");
    }

    @Test
    void refusesQuestionsTheModelCannotHoldAndSpecsWithoutQuestions() {
        SuiteItem tooLong = question("What is " + "1+".repeat(40) + "1?", "41");

        assertThatThrownBy(() -> evaluate(TRAINED, List.of(question("What is 1+1?", "2"), tooLong)))
                .isInstanceOf(EvaluationRefusedException.class)
                .hasMessageContaining("question 1")
                .hasMessageContaining("context of 64");
        assertThatThrownBy(() -> evaluate(TRAINED, List.of()))
                .isInstanceOf(EvaluationRefusedException.class)
                .hasMessageContaining("no questions");
    }

    private EvaluationReport evaluate(String checkpoint, List<SuiteItem> items) {
        EvaluationSpec spec = new EvaluationSpec(UUID.randomUUID(), checkpoint, List.of("arithmetic/1@1"), items, 4);
        return evaluator.evaluate(spec, () -> false).orElseThrow();
    }

    private static List<SuiteItem> additions() {
        return List.of(
                question("What is 3+4?", "7"),
                question("What is 1+2?", "3"),
                question("What is 5+5?", "10"),
                question("What is 0+6?", "6"),
                question("What is 9+8?", "17"),
                question("What is 2+7?", "9"));
    }

    private static SuiteItem question(String prompt, String answer) {
        return new SuiteItem("arithmetic", 1, null, prompt, answer);
    }

    private static String relative(Path checkpoint) {
        return LifecycleFixtures.trainerDir().relativize(checkpoint).toString();
    }
}
