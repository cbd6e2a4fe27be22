package dev.llmfleet.benchmarks.model;

import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.CheckpointWriter;
import dev.llmfleet.model.hf.DecoderConfig;
import dev.llmfleet.model.hf.HfModelWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Qwen3-0.6B-shaped folder the model harnesses share: Qwen3-0.6B's published config, random
 * weights from a fixed seed in BF16 files, and the real Qwen3 tokenizer and chat template, written
 * once under {@code benchmarks/target} and reused while it verifies against its manifest.
 */
final class Qwen3ShapedModel {

    private static final long SEED = 0x0_6B;

    private Qwen3ShapedModel() {}

    /** Where the folder lives (a verified checkpoint folder, as a version is). */
    static Path folder(Path root) {
        return root.resolve("benchmarks/target/qwen3-0.6b-shaped/model");
    }

    /** {@code -Dtokenizer=DIR}, else the folder the build unpacks for the fleet-model tests. */
    static Path tokenizer(Path root) {
        return Path.of(System.getProperty(
                "tokenizer",
                root.resolve("fleet-model/target/qwen3-tokenizer/package/models")
                        .toString()));
    }

    /** The folder at {@code model}: kept when it verifies, written (again) otherwise. */
    static Path writeOrReuse(Path model, Path tokenizer) throws IOException {
        if (Files.isDirectory(model)) {
            try {
                CheckpointReader.open(model);
                return model;
            } catch (CheckpointCorruptedException e) {
                System.out.println("rewriting " + model + ": " + e.getMessage());
                delete(model);
            }
        }
        if (!Files.isRegularFile(tokenizer.resolve("tokenizer.json"))) {
            throw new IllegalStateException("no Qwen3 tokenizer in " + tokenizer
                    + ": run the fleet-model tests once (the build fetches it) or pass -Dtokenizer=DIR");
        }
        List<CheckpointEntry> entries = new ArrayList<>(HfModelWriter.entries(
                config(),
                HfModelWriter.synthetic(SEED),
                tokenizer,
                List.of("tokenizer.json", "tokenizer_config.json")));
        entries.add(CheckpointEntry.text("generation_config.json", "{\"eos_token_id\": [151645, 151643]}"));
        return CheckpointWriter.write(model, entries);
    }

    private static DecoderConfig config() {
        return DecoderConfig.parse(CONFIG);
    }

    /** The repository root, whether the harness runs from it or from {@code benchmarks/}. */
    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("benchmarks")) ? here : here.getParent();
    }

    /** This process's peak resident set so far ({@code VmHWM}), in KiB; -1 where Linux does not say. */
    static long peakRssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Bytes of the files under {@code folder}. */
    static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        }
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Qwen3-0.6B's config.json, as published. */
    private static final String CONFIG = """
            {
              "architectures": ["Qwen3ForCausalLM"],
              "attention_bias": false,
              "attention_dropout": 0.0,
              "bos_token_id": 151643,
              "eos_token_id": 151645,
              "head_dim": 128,
              "hidden_act": "silu",
              "hidden_size": 1024,
              "initializer_range": 0.02,
              "intermediate_size": 3072,
              "max_position_embeddings": 40960,
              "max_window_layers": 28,
              "model_type": "qwen3",
              "num_attention_heads": 16,
              "num_hidden_layers": 28,
              "num_key_value_heads": 8,
              "rms_norm_eps": 1e-06,
              "rope_scaling": null,
              "rope_theta": 1000000,
              "sliding_window": null,
              "tie_word_embeddings": true,
              "torch_dtype": "bfloat16",
              "transformers_version": "4.51.0",
              "use_cache": true,
              "use_sliding_window": false,
              "vocab_size": 151936
            }
            """;
}
