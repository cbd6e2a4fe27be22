package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run's checkpoints, {@code step-00000100} and so on: writes them (model or adapter, optimizer,
 * training state, {@link CheckpointMetrics}) and keeps the last K plus the best.
 */
final class CheckpointStore {

    static final String OPTIMIZER = "optimizer.params";
    private static final String PREFIX = "step-";

    private final Path root;
    /** The model's tokenizer; a Hugging Face model's other files (chat template, generation config) lie beside it. */
    private final Path tokenizer;

    private final int keepLast;

    CheckpointStore(Path root, Path tokenizer, int keepLast) {
        this.root = root;
        this.tokenizer = tokenizer;
        this.keepLast = keepLast;
    }

    static String nameFor(long step) {
        return PREFIX + String.format("%08d", step);
    }

    Path pathFor(long step) {
        return root.resolve(nameFor(step));
    }

    Path save(CausalLanguageModel model, AdamW optimizer, TrainingState state, CheckpointMetrics metrics) {
        Path target = root.resolve(nameFor(state.step()));
        // A LoRA run saves its adapter, never the frozen base it was trained on.
        List<CheckpointEntry> entries = new ArrayList<>(
                model instanceof LoraModel lora
                        ? LoraFiles.entries(lora, tokenizer)
                        : ModelFiles.exactEntries(model, tokenizer));
        entries.add(ModelFiles.ndList(OPTIMIZER, optimizer.state()));
        entries.add(CheckpointEntry.text(TrainingState.FILE_NAME, state.toJson()));
        entries.add(CheckpointEntry.text(CheckpointMetrics.FILE_NAME, metrics.toJson()));
        try {
            if (Files.exists(target)) {
                return target; // the same step saved twice (a stop on a save step): nothing new to write
            }
            CheckpointWriter.write(target, entries);
            prune(state.bestStep());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save checkpoint " + target, e);
        }
    }

    private void prune(long bestStep) throws IOException {
        List<Path> checkpoints = list();
        Set<Path> keep = checkpoints.stream()
                .skip(Math.max(0, checkpoints.size() - keepLast))
                .collect(Collectors.toCollection(HashSet::new));
        if (bestStep >= 0) {
            keep.add(root.resolve(nameFor(bestStep)));
        }
        for (Path checkpoint : checkpoints) {
            if (!keep.contains(checkpoint)) {
                delete(checkpoint);
            }
        }
    }

    /** Complete checkpoint folders, oldest first; temporary folders start with a dot and are never listed. */
    List<Path> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
