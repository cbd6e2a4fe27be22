package dev.llmfleet.model.hf;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.ModelFormatException;
import dev.llmfleet.model.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A Hugging Face model folder, checked as a whole before anything uses it: {@code config.json}
 * describes a decoder the fleet runs, the weights ({@code model.safetensors}, or shards listed by
 * {@code model.safetensors.index.json}) hold every tensor the config needs with the right shape and a
 * float dtype and nothing the model would not use, and the tokenizer files are there and parse.
 * Only safetensors headers are read here; weights are memory-mapped when the model is loaded.
 */
public final class HfModelFolder {

    public static final String WEIGHTS = "model.safetensors";
    public static final String WEIGHTS_INDEX = "model.safetensors.index.json";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String CHAT_TEMPLATE = "chat_template.jinja";
    /** Tokenizer files other tools write beside {@code tokenizer.json}; kept with the model when present. */
    static final List<String> TOKENIZER_EXTRAS =
            List.of("special_tokens_map.json", "added_tokens.json", "vocab.json", "merges.txt", CHAT_TEMPLATE);

    private static final Pattern SHARD_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.safetensors");

    private final Path directory;
    private final DecoderConfig config;
    private final GenerationConfig generation;
    private final TokenizerConfig tokenizer;
    private final Map<String, SafetensorsFile> fileOfTensor;
    private final List<String> files;

    private HfModelFolder(
            Path directory,
            DecoderConfig config,
            GenerationConfig generation,
            TokenizerConfig tokenizer,
            Map<String, SafetensorsFile> fileOfTensor,
            List<String> files) {
        this.directory = directory;
        this.config = config;
        this.generation = generation;
        this.tokenizer = tokenizer;
        this.fileOfTensor = fileOfTensor;
        this.files = files;
    }

    /** Whether {@code directory} holds a Hugging Face config ({@code model_type}), as opposed to the fleet's own GPT format. */
    public static boolean isHfFolder(Path directory) {
        return modelType(directory).isPresent();
    }

    /** The {@code model_type} of the folder's {@code config.json}, read alone: nothing else is opened or checked. */
    public static Optional<String> modelType(Path directory) {
        Path config = directory.resolve(DecoderConfig.FILE_NAME);
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        try {
            JsonNode type = ModelJson.MAPPER.readTree(Files.readString(config)).get("model_type");
            return type == null || !type.isString() ? Optional.empty() : Optional.of(type.asString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Opens and checks the folder; a {@link ModelFormatException} names the first file, field or tensor that is wrong. */
    public static HfModelFolder open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw ModelFormatException.of(directory + " is not a folder");
        }
        DecoderConfig config = DecoderConfig.parse(read(directory, DecoderConfig.FILE_NAME));
        List<String> files = new ArrayList<>(List.of(DecoderConfig.FILE_NAME));
        GenerationConfig generation = GenerationConfig.none();
        if (Files.isRegularFile(directory.resolve(GenerationConfig.FILE_NAME))) {
            generation = GenerationConfig.parse(read(directory, GenerationConfig.FILE_NAME));
            files.add(GenerationConfig.FILE_NAME);
        }
        Map<String, SafetensorsFile> fileOfTensor = weights(directory, config, files);
        if (!Files.isRegularFile(directory.resolve(TOKENIZER))) {
            throw ModelFormatException.of(TOKENIZER + " is missing: the model needs its tokenizer");
        }
        files.add(TOKENIZER);
        TokenizerConfig tokenizer = TokenizerConfig.empty();
        if (Files.isRegularFile(directory.resolve(TokenizerConfig.FILE_NAME))) {
            tokenizer = TokenizerConfig.parse(read(directory, TokenizerConfig.FILE_NAME));
            files.add(TokenizerConfig.FILE_NAME);
        }
        for (String extra : TOKENIZER_EXTRAS) {
            if (Files.isRegularFile(directory.resolve(extra))) {
                files.add(extra);
            }
        }
        if (files.contains(CHAT_TEMPLATE)) {
            tokenizer = tokenizer.withTemplate(read(directory, CHAT_TEMPLATE));
        }
        return new HfModelFolder(directory, config, generation, tokenizer, fileOfTensor, List.copyOf(files));
    }

    private static Map<String, SafetensorsFile> weights(Path directory, DecoderConfig config, List<String> files) {
        List<SafetensorsFile> shards = new ArrayList<>();
        if (Files.isRegularFile(directory.resolve(WEIGHTS_INDEX))) {
            files.add(WEIGHTS_INDEX);
            for (String shard : shardNames(read(directory, WEIGHTS_INDEX))) {
                if (!Files.isRegularFile(directory.resolve(shard))) {
                    throw ModelFormatException.of(WEIGHTS_INDEX + " lists " + shard + ", which is missing");
                }
                shards.add(SafetensorsFile.open(directory.resolve(shard)));
                files.add(shard);
            }
        } else if (Files.isRegularFile(directory.resolve(WEIGHTS))) {
            shards.add(SafetensorsFile.open(directory.resolve(WEIGHTS)));
            files.add(WEIGHTS);
        } else {
            throw ModelFormatException.of("no weights: neither " + WEIGHTS + " nor " + WEIGHTS_INDEX
                    + " is in the folder (only safetensors weights are read)");
        }
        Map<String, SafetensorsFile> fileOfTensor = new LinkedHashMap<>();
        for (SafetensorsFile shard : shards) {
            for (SafetensorsFile.TensorInfo tensor : shard.tensors().values()) {
                if (fileOfTensor.putIfAbsent(tensor.name(), shard) != null) {
                    throw ModelFormatException.tensor(tensor.name(), "is stored twice");
                }
            }
        }
        check(config, fileOfTensor);
        return fileOfTensor;
    }

    private static List<String> shardNames(String indexJson) {
        JsonNode map;
        try {
            map = ModelJson.MAPPER.readTree(indexJson).path("weight_map");
        } catch (tools.jackson.core.JacksonException e) {
            throw ModelFormatException.of(WEIGHTS_INDEX + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!map.isObject() || map.isEmpty()) {
            throw ModelFormatException.field(WEIGHTS_INDEX, "weight_map", "is missing or empty");
        }
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode file : map.values()) {
            String name = file.asString("");
            if (!SHARD_NAME.matcher(name).matches()) {
                throw ModelFormatException.field(
                        WEIGHTS_INDEX,
                        "weight_map",
                        "names a file '" + name + "' that is not a .safetensors file of this folder");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static void check(DecoderConfig config, Map<String, SafetensorsFile> fileOfTensor) {
        SequencedMap<String, long[]> expected = DecoderLayout.tensors(config);
        for (Map.Entry<String, long[]> tensor : expected.entrySet()) {
            SafetensorsFile file = fileOfTensor.get(tensor.getKey());
            if (file == null) {
                throw ModelFormatException.tensor(tensor.getKey(), "is missing from the weights");
            }
            long[] shape = file.tensors().get(tensor.getKey()).shape();
            if (!Arrays.equals(shape, tensor.getValue())) {
                throw ModelFormatException.tensor(
                        tensor.getKey(),
                        "has shape " + Arrays.toString(shape) + " but config.json needs "
                                + Arrays.toString(tensor.getValue()));
            }
        }
        for (String name : fileOfTensor.keySet()) {
            if (!expected.containsKey(name) && !DecoderLayout.ignorable(name, config)) {
                throw ModelFormatException.tensor(
                        name, "is not part of a " + config.modelType() + " model with this config.json");
            }
        }
    }

    private static String read(Path directory, String file) {
        try {
            return Files.readString(directory.resolve(file));
        } catch (IOException e) {
            throw ModelFormatException.unreadable(file, e);
        }
    }

    public Path directory() {
        return directory;
    }

    public DecoderConfig config() {
        return config;
    }

    public GenerationConfig generation() {
        return generation;
    }

    public TokenizerConfig tokenizer() {
        return tokenizer;
    }

    /** The files that make up the model, by name inside the folder: what a copy of it must hold. */
    public List<String> files() {
        return files;
    }

    /** The number of weights the model has (a tied output head counted once). */
    public long parameterCount() {
        return DecoderLayout.tensors(config).values().stream()
                .mapToLong(SafetensorsWriter::elements)
                .sum();
    }

    /** The model in a child of {@code parent}, each tensor streamed from its file into float32. */
    public DecoderModel load(NDManager parent) {
        TensorLoader loader = new TensorLoader();
        try (NDManager staging = parent.newSubManager()) {
            return DecoderModel.of(config, parent, name -> loader.load(fileOfTensor.get(name), name, staging));
        }
    }
}
