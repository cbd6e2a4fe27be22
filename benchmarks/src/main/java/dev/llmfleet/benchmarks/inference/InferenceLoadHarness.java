package dev.llmfleet.benchmarks.inference;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.engine.GenerationHandle;
import dev.llmfleet.inference.engine.GenerationRequest;
import dev.llmfleet.inference.engine.GenerationResult;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.inference.engine.LoadedModel;
import dev.llmfleet.inference.engine.PromptInput;
import dev.llmfleet.inference.engine.SamplingSettings;
import dev.llmfleet.inference.engine.StreamEvent;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the inference engine at concurrency 1, 4 and 16: each client sends greedy requests of a
 * fixed length back to back. Prints completion tokens per second over the whole run and time to
 * first token (p50/p99). The model is a random-weight GPT of 4 layers, width 256 and context 256,
 * saved and loaded as a real checkpoint.
 *
 * <p>{@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.inference.InferenceLoadHarness}
 * (system properties {@code seconds}, {@code tokens}, {@code threads}).
 */
public final class InferenceLoadHarness {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private InferenceLoadHarness() {}

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("seconds", 15);
        int tokens = Integer.getInteger("tokens", 64);
        int threads = Integer.getInteger("threads", 1);
        GptConfig config = GptConfig.of(4, 8, 256, 256, 263);
        NativeRuntime.configure(threads, 1);
        Path dir = Files.createTempDirectory("inference-bench-");
        Path checkpoint = write(config, dir);
        InferenceProperties properties = new InferenceProperties(
                "fleet",
                null,
                null,
                dir,
                "trainer-service",
                new InferenceProperties.Engine(256, 16, threads, 1),
                new InferenceProperties.Limits(4096, tokens, WAIT, 4096),
                new InferenceProperties.Readiness(Duration.ofSeconds(30), Duration.ofSeconds(10), 4));
        InferenceEngine engine = new InferenceEngine(properties, new SimpleMeterRegistry(), Clock.systemUTC());
        engine.swap(
                LoadedModel.load(CheckpointReader.open(checkpoint), "fleet", "bench", "bench", Instant.now(), 4096));
        System.out.printf(
                "model: %d layers, width %d, context %d (%,d parameters); %d tokens per request, %d s per level,"
                        + " %d intra-op thread(s), %d cores%n",
                config.layers(),
                config.hiddenSize(),
                config.contextLength(),
                engine.currentModel().orElseThrow().parameters(),
                tokens,
                seconds,
                threads,
                Runtime.getRuntime().availableProcessors());
        run(engine, 4, Duration.ofSeconds(3), tokens); // warm-up
        double base = 0;
        for (int concurrency : new int[] {1, 4, 16}) {
            Result result = run(engine, concurrency, Duration.ofSeconds(seconds), tokens);
            if (concurrency == 1) {
                base = result.tokensPerSecond();
            }
            System.out.printf(
                    "concurrency %2d: %8.1f tokens/s (x%.1f)  requests %4d  TTFT p50 %7.1f ms  p99 %7.1f ms%n",
                    concurrency,
                    result.tokensPerSecond(),
                    result.tokensPerSecond() / base,
                    result.requests(),
                    result.ttftP50Millis(),
                    result.ttftP99Millis());
        }
        engine.destroy();
    }

    /** What one level of load measured. */
    public record Result(double tokensPerSecond, int requests, double ttftP50Millis, double ttftP99Millis) {}

    /** {@code concurrency} clients sending greedy requests of {@code tokens} back to back for {@code duration}. */
    public static Result run(InferenceEngine engine, int concurrency, Duration duration, int tokens)
            throws InterruptedException {
        AtomicLong generated = new AtomicLong();
        ConcurrentLinkedQueue<Long> ttfts = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    GenerationRequest request = new GenerationRequest(
                            new PromptInput.Text("Request " + i + " from client " + client + ": once upon a time"),
                            new SamplingSettings(tokens, 0.0, 1.0, 0, List.of(), i, -1));
                    long submitted = System.nanoTime();
                    GenerationHandle handle = engine.submit(request);
                    try {
                        StreamEvent first = handle.next(WAIT);
                        ttfts.add(System.nanoTime() - submitted);
                        GenerationResult result =
                                first instanceof StreamEvent.Done done ? done.result() : handle.await(WAIT);
                        generated.addAndGet(result.completionTokens());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = ttfts.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(generated.get() / elapsed, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Path write(GptConfig config, Path dir) throws Exception {
        try (NDManager manager = NDManager.newBaseManager();
                CausalLanguageModel model = GptModel.create(config, manager, 1);
                FleetTokenizer tokenizer = FleetTokenizer.shipped(dir.resolve(".tokenizer"))) {
            return CheckpointWriter.write(dir.resolve("bench"), ModelFiles.entries(model, tokenizer.source()));
        }
    }
}
