package dev.llmfleet.model.lora;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.ModelJson;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.Manifest;
import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The adapter's part of a checkpoint: {@code adapter_config.json} (LoRA shape, the base's family and
 * the SHA-256 of the base checkpoint's manifest), {@code adapter.params} (the adapter weights only)
 * and {@code tokenizer.json}. No base weights: an adapter checkpoint is a small fraction of a full one.
 */
public final class LoraFiles {

    public static final String ADAPTER_CONFIG = "adapter_config.json";
    public static final String ADAPTER_WEIGHTS = "adapter.params";
    public static final String FORMAT = "llm-fleet-lora/1";

    /** {@code adapter_config.json}. */
    public record AdapterConfig(String format, LoraConfig lora, String baseFamily, String baseManifestSha256) {}

    private LoraFiles() {}

    public static List<CheckpointEntry> entries(LoraModel model, Path tokenizerJson) {
        AdapterConfig config =
                new AdapterConfig(FORMAT, model.lora(), model.config().family(), model.baseManifestSha256());
        return List.of(
                CheckpointEntry.text(ADAPTER_CONFIG, ModelJson.MAPPER.writeValueAsString(config)),
                new CheckpointEntry(FleetTokenizer.FILE_NAME, out -> Files.copy(tokenizerJson, out)),
                ModelFiles.ndList(ADAPTER_WEIGHTS, model.parameters().toNdList()));
    }

    /** Whether {@code checkpoint} holds an adapter rather than a full model. */
    public static boolean isAdapter(VerifiedCheckpoint checkpoint) {
        return checkpoint.manifest().files().stream().anyMatch(f -> f.path().equals(ADAPTER_CONFIG));
    }

    public static AdapterConfig readConfig(VerifiedCheckpoint adapter) {
        try {
            return ModelJson.MAPPER.readValue(Files.readString(adapter.file(ADAPTER_CONFIG)), AdapterConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ADAPTER_CONFIG + " of " + adapter.directory(), e);
        }
    }

    /**
     * The base in {@code baseCheckpoint} with the adapter in {@code adapterCheckpoint}, refusing a
     * base other than the one the adapter was trained on.
     */
    public static LoraModel load(
            VerifiedCheckpoint adapterCheckpoint, VerifiedCheckpoint baseCheckpoint, NDManager parent) {
        AdapterConfig config = readConfig(adapterCheckpoint);
        String baseSha = manifestSha256(baseCheckpoint.directory());
        if (config.baseManifestSha256() != null && !config.baseManifestSha256().equals(baseSha)) {
            throw new IllegalArgumentException("adapter " + adapterCheckpoint.directory()
                    + " was trained on the base with manifest " + config.baseManifestSha256() + ", not on "
                    + baseCheckpoint.directory() + " (" + baseSha + ")");
        }
        CausalLanguageModel base = ModelFiles.loadModel(baseCheckpoint, parent);
        LoraModel model = LoraModel.attach(base, config.lora(), 0, baseSha);
        try (NDManager scratch = parent.newSubManager()) {
            model.parameters().copyFrom(ModelFiles.readNdList(adapterCheckpoint, ADAPTER_WEIGHTS, scratch));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return model;
    }

    /** SHA-256 (hex) of a checkpoint folder's {@code manifest.json}: one digest that pins every file. */
    public static String manifestSha256(Path checkpointDirectory) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(digest.digest(Files.readAllBytes(checkpointDirectory.resolve(Manifest.FILE_NAME))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifest of " + checkpointDirectory, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
