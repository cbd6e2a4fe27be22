package dev.llmfleet.trainer.lifecycle;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** Object Mother for lifecycle tests: checkpoints as runs leave them, folder digests, corruption. */
public final class LifecycleFixtures {

    public static final String DATA_DIR = "target/lifecycle-test-data";
    public static final String SECOND_BACKUPS = "target/lifecycle-test-second-backups";

    static {
        NativeRuntime.configure(1, 1);
    }

    private LifecycleFixtures() {}

    public static Path trainerDir() {
        return Path.of(DATA_DIR, "trainer").toAbsolutePath().normalize();
    }

    /** No versions, backups, pins or runs: every test starts here. */
    public static void reset(JdbcTemplate jdbc) throws IOException {
        jdbc.execute("TRUNCATE model_backup, model_version, checkpoint_pin");
        for (String folder : List.of("versions", "backups", "runs-lifecycle")) {
            clearChildren(trainerDir().resolve(folder));
        }
        Files.deleteIfExists(trainerDir().resolve("current"));
        clearChildren(Path.of(SECOND_BACKUPS).toAbsolutePath());
    }

    /** A full-model checkpoint as a run saves it ({@code step-NNNNNNNN} with a training state), weights from {@code seed}. */
    public static Path fullCheckpoint(String run, long step, long seed, long bestStep) throws IOException {
        Path target = runCheckpoints(run).resolve(String.format("step-%08d", step));
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(Files.createTempDirectory("tok"));
                CausalLanguageModel model = GptModel.create(GptConfig.tiny(), manager, seed)) {
            List<CheckpointEntry> entries = new ArrayList<>(ModelFiles.entries(model, tokenizer.source()));
            entries.add(state(step, bestStep));
            return CheckpointWriter.write(target, entries);
        }
    }

    /** An adapter checkpoint trained (here: filled at random from {@code seed}) on the version folder {@code base}. */
    public static Path adapterCheckpoint(String run, long step, Path base, long seed) throws IOException {
        Path target = runCheckpoints(run).resolve(String.format("step-%08d", step));
        try (NDManager manager = NDManager.newBaseManager();
                LoraModel lora = LoraModel.attach(
                        ModelFiles.loadModel(CheckpointReader.open(base), manager),
                        new LoraConfig(4, 8, 0.05, List.of()),
                        seed,
                        LoraFiles.manifestSha256(base))) {
            SplittableRandom random = new SplittableRandom(seed);
            for (NDArray p : lora.parameters().asMap().values()) {
                float[] values = new float[Math.toIntExact(p.getShape().size())];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() - 0.5) * 0.2);
                }
                try (NDManager scratch = manager.newSubManager()) {
                    scratch.create(values, p.getShape()).copyTo(p);
                }
            }
            List<CheckpointEntry> entries = new ArrayList<>(LoraFiles.entries(lora, base.resolve("tokenizer.json")));
            entries.add(state(step, -1));
            return CheckpointWriter.write(target, entries);
        }
    }

    public static Path runCheckpoints(String run) {
        return trainerDir().resolve("runs-lifecycle").resolve(run).resolve("checkpoints");
    }

    /** SHA-256 of every file under {@code root} by relative path, links followed; hidden entries skipped. */
    public static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        if (!Files.exists(root)) {
            return digests;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = root.relativize(path).toString();
                if (!relative.startsWith(".") && !relative.contains("/.")) {
                    digests.put(relative, LifecycleFiles.sha256(path));
                }
            }
        }
        return digests;
    }

    /** Flips every bit of one byte in the middle of {@code file}. */
    public static void corruptOneByte(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long at = raf.length() / 2;
            raf.seek(at);
            int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0xFF);
        }
    }

    private static CheckpointEntry state(long step, long bestStep) {
        return CheckpointEntry.text("training-state.json", "{\"step\": " + step + ", \"best_step\": " + bestStep + "}");
    }

    public static void clearChildren(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                LifecycleFiles.deleteTree(child);
            }
        }
    }
}
