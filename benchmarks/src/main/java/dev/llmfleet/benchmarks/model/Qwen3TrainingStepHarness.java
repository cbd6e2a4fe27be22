package dev.llmfleet.benchmarks.model;

import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.trainer.run.ModelShape;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * One training step of a Qwen3-0.6B-shaped model on this host's CPU through trainer-service's
 * {@code TrainingEngine}, full fine-tuning and LoRA (rank 8, alpha 16, no dropout, every
 * projection): the first step's time (warm-up included), the mean of the later steps, training
 * tokens per second, trainable parameters, peak RSS and the size of the checkpoint saved, then the
 * VRAM resource-scheduler estimates for the same model on a GPU beside the seed system's figures.
 *
 * <p>Each mode runs in a child JVM of its own ({@code -Dmode=full|lora}, same java and class path)
 * so that its peak RSS ({@code VmHWM}) is its own. A child that brings the host's available memory
 * under {@code minAvailableMiB} (1024) is stopped and reported as not finished, with the peak it
 * reached, rather than left to the kernel's OOM killer. The base folder is the one {@link
 * Qwen3ShapedHarness} uses; the data is 64 arithmetic conversations padded by a system turn to at
 * most {@code tokens} tokens each in the Qwen3 chat format.
 *
 * <p>{@code ./mvnw -q -pl benchmarks exec:exec -Dbench=dev.llmfleet.benchmarks.model.Qwen3TrainingStepHarness}
 * runs it with its defaults (exec:exec passes no system properties on). To set them, run the class
 * from the repository root with {@code java}, the class path from {@code ./mvnw -q -pl benchmarks
 * dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}: {@code java
 * --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Dbatch=4 -cp
 * benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * dev.llmfleet.benchmarks.model.Qwen3TrainingStepHarness}. Properties: {@code tokens} per sequence
 * (64), optimizer {@code steps} (3), {@code batch} (2), {@code modes} ({@code full,lora}), {@code
 * threads} (the available processors), {@code minAvailableMiB}, {@code tokenizer} folder (only to
 * write the base folder). The defaults are small because a step of this model takes about a minute
 * on two cores.
 */
public final class Qwen3TrainingStepHarness {

    private static final int EXAMPLES = 64;
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private Qwen3TrainingStepHarness() {}

    public static void main(String[] args) throws Exception {
        Sizes sizes = Sizes.fromSystemProperties();
        Path root = Qwen3ShapedModel.repositoryRoot();
        Path work = root.resolve("benchmarks/target/qwen3-training-step");
        Path model = Qwen3ShapedModel.folder(root);
        Path dataset = work.resolve("train.jsonl");
        String mode = System.getProperty("mode");
        if (mode != null) {
            NativeRuntime.configure(sizes.threads(), 1);
            TrainingStepRun.Result result = TrainingStepRun.run(
                    mode, model, dataset, sizes.tokens(), sizes.steps(), sizes.batch(), work.resolve("run-" + mode));
            Files.writeString(
                    resultFile(work, mode), JsonMapper.builder().build().writeValueAsString(result));
            return;
        }
        long started = System.nanoTime();
        Qwen3ShapedModel.writeOrReuse(model, Qwen3ShapedModel.tokenizer(root));
        System.out.printf("model folder %s ready in %.1f s%n", model, (System.nanoTime() - started) / 1e9);
        Files.createDirectories(work);
        IntSummaryStatistics lengths = PaddedChatDataset.write(dataset, model, EXAMPLES, sizes.tokens(), 7);
        System.out.printf(
                "dataset %s: %d conversations of %d to %d tokens (mean %.1f), max length %d%n",
                dataset, lengths.getCount(), lengths.getMin(), lengths.getMax(), lengths.getAverage(), sizes.tokens());
        System.out.printf(
                "steps %d, batch %d, accumulation 1, %d intra-op threads%n",
                sizes.steps(), sizes.batch(), sizes.threads());
        long minAvailableKib = Long.getLong("minAvailableMiB", 1024) * 1024;
        List<ModeOutcome> outcomes = new ArrayList<>();
        for (String each : System.getProperty("modes", "full,lora").split(",")) {
            outcomes.add(child(each.strip(), work, sizes, minAvailableKib));
        }
        printTable(outcomes);
        ModelShape shape = ModelShape.of(model);
        SchedulerVramFigures.print(shape, shape.adapterParameters(TrainingStepRun.LORA));
    }

    /** The run's sizes, from system properties; a child gets them as options. */
    private record Sizes(int tokens, int steps, int batch, int threads) {

        static Sizes fromSystemProperties() {
            return new Sizes(
                    Integer.getInteger("tokens", 64),
                    Integer.getInteger("steps", 3),
                    Integer.getInteger("batch", 2),
                    Integer.getInteger("threads", Runtime.getRuntime().availableProcessors()));
        }

        List<String> asOptions() {
            return List.of("-Dtokens=" + tokens, "-Dsteps=" + steps, "-Dbatch=" + batch, "-Dthreads=" + threads);
        }
    }

    /** A mode's child JVM and, when it finished, what it measured. */
    private record ModeOutcome(String mode, ChildJvm.Outcome child, TrainingStepRun.Result result) {}

    /** Runs {@code mode} in a fresh JVM with this one's options and class path, and reads what it measured. */
    private static ModeOutcome child(String mode, Path work, Sizes sizes, long minAvailableKib)
            throws IOException, InterruptedException {
        Files.deleteIfExists(resultFile(work, mode));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(sizes.asOptions());
        command.addAll(List.of(
                "-Dmode=" + mode,
                "-cp",
                System.getProperty("java.class.path"),
                Qwen3TrainingStepHarness.class.getName()));
        System.out.printf("%n--- %s: child JVM ---%n", mode);
        ChildJvm.Outcome child = ChildJvm.run(command, minAvailableKib);
        System.out.printf(
                "--- %s: child JVM exited with %d after %.1f s, peak RSS %.2f GiB%s ---%n",
                mode,
                child.exitCode(),
                child.seconds(),
                child.peakRssKib() * 1024 / GIB,
                child.stoppedForMemory() ? ", stopped by this harness: the host ran short of memory" : "");
        TrainingStepRun.Result result = child.exitCode() != 0
                ? null
                : JsonMapper.builder()
                        .build()
                        .readValue(Files.readString(resultFile(work, mode)), TrainingStepRun.Result.class);
        return new ModeOutcome(mode, child, result);
    }

    private static Path resultFile(Path work, String mode) {
        return work.resolve("result-" + mode + ".json");
    }

    private static void printTable(List<ModeOutcome> outcomes) {
        System.out.printf(
                "%n%-5s %13s %8s %8s %12s %9s %10s %14s %14s %14s %7s  %s%n",
                "mode",
                "trainable",
                "setup s",
                "step 1 s",
                "later mean s",
                "tokens/s",
                "tok/step",
                "RSS steps GiB",
                "RSS total GiB",
                "checkpoint MiB",
                "save s",
                "losses");
        for (ModeOutcome outcome : outcomes) {
            TrainingStepRun.Result r = outcome.result();
            if (r == null) {
                System.out.printf(
                        "%-5s did not finish: exit %d after %.1f s%s; peak RSS when last seen %.2f GiB%n",
                        outcome.mode(),
                        outcome.child().exitCode(),
                        outcome.child().seconds(),
                        outcome.child().stoppedForMemory()
                                ? ", stopped when the host's available memory fell under -DminAvailableMiB"
                                : "",
                        outcome.child().peakRssKib() * 1024 / GIB);
                continue;
            }
            System.out.printf(
                    "%-5s %,13d %8.1f %8.1f %12.1f %9.1f %10.1f %14.2f %14.2f %,14.0f %7.1f  %s%n",
                    r.mode(),
                    r.trainableParameters(),
                    r.setupSeconds(),
                    r.firstStepSeconds(),
                    r.laterStepSeconds(),
                    r.laterTokensPerSecond(),
                    r.meanTokensPerStep(),
                    r.stepsPeakRssKib() * 1024 / GIB,
                    r.peakRssKib() * 1024 / GIB,
                    r.checkpointBytes() / (1024.0 * 1024.0),
                    r.saveSeconds(),
                    r.losses().stream().map(l -> "%.4f".formatted(l)).toList());
        }
    }
}
