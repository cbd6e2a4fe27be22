package dev.llmfleet.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.error.FleetException;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.TestModels;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.generate.Generation;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.Generator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceEngineTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path models;

    static Path version1;

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InferenceEngine engine;

    @BeforeAll
    static void writeModels() {
        version1 = TestModels.checkpoint(models, "v1", 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.destroy();
        }
    }

    InferenceEngine engine(int queueCapacity, int maxBatchSize) {
        InferenceProperties properties = new InferenceProperties(
                "fleet",
                null,
                null,
                models,
                "trainer-service",
                new InferenceProperties.Engine(queueCapacity, maxBatchSize, 1, 1),
                new InferenceProperties.Limits(4096, 256, Duration.ofMinutes(1), 8192),
                new InferenceProperties.Readiness(Duration.ofSeconds(30), Duration.ofSeconds(10), 4));
        engine = new InferenceEngine(properties, registry, Clock.systemUTC());
        return engine;
    }

    static LoadedModel load(Path checkpoint) {
        return LoadedModel.load(
                CheckpointReader.open(checkpoint),
                "fleet",
                checkpoint.getFileName().toString(),
                "test",
                Instant.now(),
                8192);
    }

    static GenerationRequest chat(String text, int maxTokens) {
        return new GenerationRequest(
                new PromptInput.Chat(List.of(ChatMessage.user(text))), SamplingSettings.greedy(maxTokens));
    }

    @Test
    void refusesWorkWithServiceUnavailableBeforeAModelIsLoaded() {
        InferenceEngine engine = engine(4, 4);

        assertThatThrownBy(() -> engine.submit(chat("hi", 4))).isInstanceOfSatisfying(InferenceException.class, e -> {
            assertThat(e.kind()).isEqualTo(FleetException.Kind.UNAVAILABLE);
            assertThat(e.code()).isEqualTo("model-not-loaded");
        });
    }

    @Test
    void batchedGreedyGenerationsMatchFleetModelsOwnGeneratorOneByOne() throws Exception {
        InferenceEngine engine = engine(64, 8);
        LoadedModel model = load(version1);
        List<String> prompts =
                List.of("a", "hello there", "The quick brown fox", "1+1=", "xyz", "Why?", "ok", "Tell me");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            int[] prompt = model.encode(new PromptInput.Chat(List.of(ChatMessage.user(prompts.get(i)))));
            Generation alone = new Generator(model.model(), model.tokenizer(), model.stopTokens())
                    .generate(prompt, GenerationParams.greedy(10 + 3 * i));
            expected.add(alone.text());
        }
        engine.swap(model);

        List<GenerationHandle> handles = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            handles.add(engine.submit(chat(prompts.get(i), 10 + 3 * i)));
        }
        List<String> texts = new ArrayList<>();
        for (GenerationHandle handle : handles) {
            texts.add(handle.await(WAIT).text());
        }

        assertThat(texts).isEqualTo(expected);
        assertThat(texts).doesNotHaveDuplicates();
        assertThat(registry.get("fleet.inference.batch.size").summary().max()).isGreaterThan(1);
    }

    @Test
    void sequencesJoinAndLeaveARunningBatch() throws Exception {
        InferenceEngine engine = engine(64, 16);
        engine.swap(load(version1));
        GenerationResult solo = engine.submit(chat("late joiner", 12)).await(WAIT);

        GenerationHandle longRunning = engine.submit(chat("long", 100));
        List<GenerationHandle> joiners = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            joiners.add(engine.submit(chat("late joiner", 12)));
        }

        for (GenerationHandle joiner : joiners) {
            assertThat(joiner.await(WAIT).text()).isEqualTo(solo.text());
        }
        assertThat(longRunning.await(WAIT).completionTokens()).isPositive();
    }

    @Test
    void refusesWithTooManyRequestsWhenTheQueueIsFull() throws Exception {
        InferenceEngine engine = engine(2, 1);
        engine.swap(load(version1));
        List<GenerationHandle> accepted = new ArrayList<>();
        InferenceException refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            try {
                accepted.add(engine.submit(chat("fill the queue", 100)));
            } catch (InferenceException e) {
                refused = e;
            }
        }

        assertThat(refused).isNotNull();
        assertThat(refused.kind()).isEqualTo(FleetException.Kind.TOO_MANY_REQUESTS);
        accepted.forEach(GenerationHandle::cancel);
        for (GenerationHandle handle : accepted) {
            assertThat(handle.await(WAIT).finishReason()).isIn(GenerationResult.FinishReason.values());
        }
    }

    @Test
    void refusesAPromptThatLeavesNoRoomInTheContext() {
        InferenceEngine engine = engine(4, 4);
        engine.swap(load(version1));

        assertThatThrownBy(() -> engine.submit(chat("x".repeat(TestModels.CONFIG.contextLength()), 4)))
                .isInstanceOfSatisfying(
                        InferenceException.class, e -> assertThat(e.code()).isEqualTo("context-length-exceeded"));
    }

    @Test
    void stopsAtAStopSequenceAndNeverStreamsPastIt() throws Exception {
        InferenceEngine engine = engine(4, 4);
        engine.swap(load(version1));
        String free = engine.submit(chat("stop test", 40)).await(WAIT).text();
        assertThat(free.length()).isGreaterThan(4);
        String stop = free.substring(2, 4);

        GenerationHandle handle = engine.submit(new GenerationRequest(
                new PromptInput.Chat(List.of(ChatMessage.user("stop test"))),
                new SamplingSettings(40, 0.0, 1.0, 0, List.of(stop), 0, -1)));
        StringBuilder streamed = new StringBuilder();
        GenerationResult result = null;
        while (result == null) {
            switch (handle.next(WAIT)) {
                case StreamEvent.Delta d -> streamed.append(d.text());
                case StreamEvent.Done done -> result = done.result();
                case null, default -> throw new AssertionError("no result");
            }
        }

        assertThat(result.text()).isEqualTo(free.substring(0, free.indexOf(stop)));
        assertThat(result.finishReason()).isEqualTo(GenerationResult.FinishReason.STOP);
        assertThat(streamed.toString()).isEqualTo(result.text());
    }

    @Test
    void sameSeedSamplesTheSameTextAtTemperature() throws Exception {
        InferenceEngine engine = engine(16, 8);
        engine.swap(load(version1));
        SamplingSettings sampled = new SamplingSettings(20, 0.9, 0.95, 0, List.of(), 42, -1);
        GenerationRequest request = new GenerationRequest(new PromptInput.Text("Once upon"), sampled);

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> engine.submit(request).await(WAIT).text());
        }
        List<String> texts = new ArrayList<>();
        for (Future<String> text : clients.invokeAll(calls)) {
            texts.add(text.get());
        }
        clients.shutdown();

        assertThat(texts).hasSize(4).containsOnly(texts.getFirst());
    }
}
