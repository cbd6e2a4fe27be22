package dev.llmfleet.trainer.lifecycle.versions;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.generate.Generation;
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
import dev.llmfleet.model.runtime.LanguageModel;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds a version folder from a run's checkpoint, and checks that what it built loads and generates. */
@Component
class VersionBuilder {

    private final ModelVersionRepository repository;
    private final LifecyclePaths paths;

    VersionBuilder(ModelVersionRepository repository, LifecyclePaths paths) {
        this.repository = repository;
        this.paths = paths;
    }

    /** A full checkpoint's model files as they are, or an adapter merged into the version it was trained on. */
    Path build(VerifiedCheckpoint source, Path target) throws IOException {
        if (!LoraFiles.isAdapter(source)) {
            List<CheckpointEntry> entries = ModelFiles.modelFileNames(source).stream()
                    .map(name -> new CheckpointEntry(name, out -> Files.copy(source.file(name), out)))
                    .toList();
            return CheckpointWriter.write(target, entries);
        }
        VerifiedCheckpoint base = CheckpointReader.open(baseOf(source));
        try (NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
                LoraModel adapted = LoraFiles.load(source, base, root);
                CausalLanguageModel merged = adapted.merge(root)) {
            return CheckpointWriter.write(target, ModelFiles.entries(merged, base.file(FleetTokenizer.FILE_NAME)));
        }
    }

    /**
     * Throws unless {@code folder} matches its manifest and opens as the fleet opens models to serve
     * them (weights, tokenizer, chat template), gives finite logits and generates.
     */
    void verify(Path folder, String prompt) {
        VerifiedCheckpoint checkpoint = CheckpointReader.open(folder);
        try (NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
                LanguageModel model = LanguageModel.open(checkpoint, root);
                NDManager scope = root.newSubManager()) {
            int[] ids = model.chat().text(prompt);
            NDArray tokens = scope.create(Arrays.stream(ids).asLongStream().toArray(), new Shape(1, ids.length))
                    .toType(DataType.INT64, false);
            NDArray logits = model.model().forward(tokens, null);
            if (logits.isNaN().any().getBoolean() || logits.isInfinite().any().getBoolean()) {
                throw new IllegalStateException("the model in " + folder + " produces non-finite logits");
            }
            // The same decoding (sampler, stop rules) that serving uses; ending on a stop token counts as generating.
            Generation generated = model.generator().generate(ids, GenerationParams.greedy(4));
            if (generated.tokens().length == 0 && generated.finishReason() != Generation.FinishReason.STOP) {
                throw new IllegalStateException("the model in " + folder + " generates nothing");
            }
        }
    }

    private Path baseOf(VerifiedCheckpoint adapter) {
        String baseSha = LoraFiles.readConfig(adapter).baseManifestSha256();
        if (baseSha == null) {
            throw new IllegalStateException(
                    "adapter " + adapter.directory() + " does not name the base it was trained on");
        }
        return repository
                .findFirstByManifestSha256AndDeletedAtIsNullOrderByNumberDesc(baseSha)
                .map(v -> paths.version(v.name()))
                .orElseThrow(() -> new IllegalStateException("the base of adapter " + adapter.directory()
                        + " (manifest " + baseSha + ") is not an existing version"));
    }
}
