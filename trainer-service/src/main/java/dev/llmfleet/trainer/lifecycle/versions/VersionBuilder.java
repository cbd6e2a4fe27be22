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
import dev.llmfleet.model.generate.GenerationParams;
import dev.llmfleet.model.generate.Generator;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.model.lora.LoraModel;
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

    private static final List<String> MODEL_FILES =
            List.of(GptConfig.FILE_NAME, FleetTokenizer.FILE_NAME, ModelFiles.WEIGHTS);

    private final ModelVersionRepository repository;
    private final LifecyclePaths paths;

    VersionBuilder(ModelVersionRepository repository, LifecyclePaths paths) {
        this.repository = repository;
        this.paths = paths;
    }

    /** A full checkpoint's model files as they are, or an adapter merged into the version it was trained on. */
    Path build(VerifiedCheckpoint source, Path target) throws IOException {
        if (!LoraFiles.isAdapter(source)) {
            List<CheckpointEntry> entries = MODEL_FILES.stream()
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

    /** Throws unless {@code folder} matches its manifest, loads, gives finite logits and generates. */
    void verify(Path folder, String prompt) {
        VerifiedCheckpoint checkpoint = CheckpointReader.open(folder);
        try (NDManager root = NDManager.newBaseManager(NativeRuntime.preferredDevice());
                FleetTokenizer tokenizer = ModelFiles.loadTokenizer(checkpoint);
                CausalLanguageModel model = ModelFiles.loadModel(checkpoint, root);
                NDManager scope = root.newSubManager()) {
            int[] ids = tokenizer.encode(prompt);
            NDArray tokens = scope.create(Arrays.stream(ids).asLongStream().toArray(), new Shape(1, ids.length))
                    .toType(DataType.INT64, false);
            NDArray logits = model.forward(tokens, null);
            if (logits.isNaN().any().getBoolean() || logits.isInfinite().any().getBoolean()) {
                throw new IllegalStateException("the model in " + folder + " produces non-finite logits");
            }
            int[] generated = new Generator(model, tokenizer)
                    .generate(ids, GenerationParams.greedy(4))
                    .tokens();
            if (generated.length == 0) {
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
