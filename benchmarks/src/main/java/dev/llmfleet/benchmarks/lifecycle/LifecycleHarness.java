package dev.llmfleet.benchmarks.lifecycle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Model lifecycle figures: forward time of a base model, the same with LoRA adapters and merged;
 * merge time; adapter against full checkpoint size; and the throughput of a verified backup copy
 * (copy with fsync, then every byte read back through SHA-256).
 *
 * <p>{@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.lifecycle.LifecycleHarness}
 */
public final class LifecycleHarness {

    private static final int WARMUP = 5;
    private static final int RUNS = 30;

    private LifecycleHarness() {}

    public static void main(String[] args) throws IOException {
        NativeRuntime.configure(2, 1);
        GptConfig config = GptConfig.of(4, 8, 256, 128, 263);
        Path work = Files.createTempDirectory("lifecycle-bench");
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(work.resolve("tok"));
                LoraModel lora = LoraModel.attach(
                        GptModel.create(config, manager, 1), new LoraConfig(8, 16, 0.05, List.of()), 2, null)) {
            NDArray tokens = tokens(manager, 8, 128);
            double base = medianMillis(lora.base(), tokens);
            double adapted = medianMillis(lora, tokens);
            long mergeStart = System.nanoTime();
            try (CausalLanguageModel merged = lora.merge(manager)) {
                double mergeMillis = (System.nanoTime() - mergeStart) / 1e6;
                double mergedForward = medianMillis(merged, tokens);
                long full = LifecycleFiles.size(
                        CheckpointWriter.write(work.resolve("full"), ModelFiles.entries(merged, tokenizer.source())));
                long adapter = LifecycleFiles.size(
                        CheckpointWriter.write(work.resolve("adapter"), LoraFiles.entries(lora, tokenizer.source())));
                System.out.printf(
                        "model: %d layers, hidden %d, %d parameters; adapter rank 8 on all projections: %d parameters%n",
                        config.layers(),
                        config.hiddenSize(),
                        lora.base().parameters().count(),
                        lora.parameters().count());
                System.out.printf(
                        "forward (8 x 128 tokens, median of %d): base %.1f ms, base+LoRA %.1f ms (%+.0f%%), merged %.1f ms%n",
                        RUNS, base, adapted, 100 * (adapted / base - 1), mergedForward);
                System.out.printf("merge: %.1f ms%n", mergeMillis);
                System.out.printf(
                        "checkpoint size: full %d KB, adapter %d KB (%.1f%%)%n",
                        full / 1024, adapter / 1024, 100.0 * adapter / full);
            }
        }
        verifiedCopy(work, 128);
        LifecycleFiles.deleteTree(work);
    }

    private static void verifiedCopy(Path work, int megabytes) throws IOException {
        Path source = work.resolve("weights.bin");
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (var out = Files.newOutputStream(source)) {
            for (int i = 0; i < megabytes; i++) {
                out.write(block);
            }
        }
        String expected = LifecycleFiles.sha256(source);
        double[] rates = new double[3];
        for (int i = 0; i < rates.length; i++) {
            Path copy = work.resolve("copy-" + i);
            long start = System.nanoTime();
            LifecycleFiles.copyFile(source, copy);
            if (!LifecycleFiles.sha256(copy).equals(expected)) {
                throw new IllegalStateException("copy does not verify");
            }
            rates[i] = megabytes / ((System.nanoTime() - start) / 1e9);
            Files.delete(copy);
        }
        Arrays.sort(rates);
        System.out.printf(
                "verified backup copy (%d MB, copy + fsync + SHA-256 read-back), median of 3: %.0f MB/s%n",
                megabytes, rates[1]);
    }

    private static double medianMillis(CausalLanguageModel model, NDArray tokens) {
        double[] times = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            try (NDManager scope = model.manager().newSubManager()) {
                NDArray input = tokens.duplicate();
                input.attach(scope);
                long start = System.nanoTime();
                model.forward(input, null).getFloat(0, 0, 0);
                if (i >= WARMUP) {
                    times[i - WARMUP] = (System.nanoTime() - start) / 1e6;
                }
            }
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private static NDArray tokens(NDManager manager, int batch, int length) {
        long[] ids = new long[batch * length];
        Random random = new Random(3);
        for (int i = 0; i < ids.length; i++) {
            ids[i] = random.nextInt(263);
        }
        return manager.create(ids, new Shape(batch, length)).toType(DataType.INT64, false);
    }
}
