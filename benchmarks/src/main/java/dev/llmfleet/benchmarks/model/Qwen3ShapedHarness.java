package dev.llmfleet.benchmarks.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.llmfleet.benchmarks.inference.InferenceLoadHarness;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.inference.engine.InferenceEngine;
import dev.llmfleet.inference.engine.LoadedModel;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Qwen3-0.6B's shape with random weights made at run time (hidden 1024, 28 layers, 16 heads, 8 KV
 * heads, head_dim 128, intermediate 3072, vocabulary 151,936, tied, BF16 files, float32 compute):
 * forward tokens per second for one sequence and for eight together, generation tokens per second
 * through the inference engine at concurrency 1 and 8, the JVM's peak RSS, and the same forward pass
 * in PyTorch from Python ({@code benchmarks/python/qwen3_forward.py}) on the same folder, as a ratio.
 *
 * <p>{@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.model.Qwen3ShapedHarness}
 * runs it with its defaults; run the class with {@code java} to set its system properties ({@code tokens}
 * per forward sequence, {@code generate} tokens per request, {@code seconds} of load per level,
 * {@code threads}, {@code tokenizer} folder, {@code python}). The Qwen3
 * tokenizer is the one the build fetches for the tests ({@code fleet-model/target/qwen3-tokenizer}).
 */
public final class Qwen3ShapedHarness {

    private static final Duration WAIT = Duration.ofMinutes(30);

    private Qwen3ShapedHarness() {}

    public static void main(String[] args) throws Exception {
        int tokens = Integer.getInteger("tokens", 128);
        int generate = Integer.getInteger("generate", 32);
        int seconds = Integer.getInteger("seconds", 60);
        int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
        NativeRuntime.configure(threads, 1);
        Path root = Qwen3ShapedModel.repositoryRoot();
        long started = System.nanoTime();
        Path model = Qwen3ShapedModel.writeOrReuse(Qwen3ShapedModel.folder(root), Qwen3ShapedModel.tokenizer(root));
        System.out.printf(
                "model folder %s ready in %.1f s (%,d bytes)%n", model, seconds(started), Qwen3ShapedModel.size(model));

        double[] forward = forwardTokensPerSecond(model, tokens, threads);
        double[] generation = generationTokensPerSecond(model, generate, seconds, threads);
        long rss = Qwen3ShapedModel.peakRssKib();
        System.out.printf("JVM peak RSS %.0f MiB%n", rss / 1024.0);

        String python = pytorch(model, tokens, threads);
        System.out.println("PyTorch from Python: " + python);
        JsonNode torch = JsonMapper.builder().build().readTree(python);
        double torchOne = torch.get("batch1_tokens_per_second").asDouble();
        double torchEight = torch.get("batch8_tokens_per_second").asDouble();
        System.out.printf(
                "forward, fleet / PyTorch: batch 1 %.2f, batch 8 %.2f%n",
                forward[0] / torchOne, forward[1] / torchEight);
        System.out.printf(
                "summary: forward %.1f tok/s (1) %.1f tok/s (8); generation %.2f tok/s (1) %.2f tok/s (8);"
                        + " peak RSS %.0f MiB%n",
                forward[0], forward[1], generation[0], generation[1], rss / 1024.0);
    }

    private static double[] forwardTokensPerSecond(Path model, int tokens, int threads) {
        long started = System.nanoTime();
        try (NDManager manager = NDManager.newBaseManager();
                LanguageModel loaded = LanguageModel.open(CheckpointReader.open(model), manager)) {
            JniUtils.setGradMode(false);
            System.out.printf(
                    "loaded %,d parameters (%s) in %.1f s; %d intra-op threads%n",
                    loaded.description().parameters(), loaded.description().dtype(), seconds(started), threads);
            double[] result = new double[2];
            int[] batches = {1, 8};
            for (int b = 0; b < batches.length; b++) {
                result[b] = forward(loaded.model(), manager, batches[b], tokens);
                System.out.printf("forward: batch %d x %d tokens: %.1f tokens/s%n", batches[b], tokens, result[b]);
            }
            return result;
        }
    }

    private static double forward(CausalLanguageModel model, NDManager manager, int batch, int tokens) {
        SplittableRandom random = new SplittableRandom(batch);
        long[] ids = new long[batch * tokens];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(model.config().vocabSize());
        }
        int repeat = 3;
        long elapsed = 0;
        for (int i = -1; i < repeat; i++) {
            try (NDManager step = manager.newSubManager()) {
                long started = System.nanoTime();
                NDArray logits = model.forward(step.create(ids, new Shape(batch, tokens)), null);
                logits.get(0).toFloatArray();
                if (i >= 0) {
                    elapsed += System.nanoTime() - started;
                }
            }
        }
        return (double) batch * tokens * repeat / (elapsed / 1e9);
    }

    private static double[] generationTokensPerSecond(Path model, int generate, int seconds, int threads)
            throws InterruptedException {
        InferenceProperties properties = new InferenceProperties(
                "fleet",
                null,
                null,
                model.getParent(),
                "trainer-service",
                new InferenceProperties.Engine(64, 8, threads, 1),
                new InferenceProperties.Limits(4096, generate, WAIT, 2048),
                new InferenceProperties.Readiness(Duration.ofSeconds(30), Duration.ofSeconds(10), 4));
        InferenceEngine engine = new InferenceEngine(properties, new SimpleMeterRegistry(), Clock.systemUTC());
        engine.swap(LoadedModel.load(CheckpointReader.open(model), "fleet", "bench", "bench", Instant.now(), 2048));
        double[] result = new double[2];
        int[] levels = {1, 8};
        for (int l = 0; l < levels.length; l++) {
            InferenceLoadHarness.Result load =
                    InferenceLoadHarness.run(engine, levels[l], Duration.ofSeconds(seconds), generate);
            result[l] = load.tokensPerSecond();
            System.out.printf(
                    "generation: concurrency %d, %d requests of %d tokens in %d s: %.2f tokens/s, TTFT p50 %.0f ms%n",
                    levels[l], load.requests(), generate, seconds, load.tokensPerSecond(), load.ttftP50Millis());
        }
        engine.destroy();
        return result;
    }

    private static String pytorch(Path model, int tokens, int threads) throws IOException, InterruptedException {
        Path script = Qwen3ShapedModel.repositoryRoot().resolve("benchmarks/python/qwen3_forward.py");
        Process process = new ProcessBuilder(
                        System.getProperty("python", "python3"),
                        script.toString(),
                        "--model",
                        model.toString(),
                        "--tokens",
                        Integer.toString(tokens),
                        "--threads",
                        Integer.toString(threads))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the PyTorch benchmark failed: " + output);
        }
        return output;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
