package dev.llmfleet.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.llmfleet.api.trainer.RunSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a dataset is to be trained, as {@code queue add} takes it: a {@link RunSettings} file, each of
 * whose fields an option overrides. Values are only parsed here; the trainer judges them and names
 * the field it refuses.
 */
final class RunSettingsOptions {

    /** A misspelt field in a file is refused rather than silently left to the trainer's default. */
    private static final JsonMapper reader = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** An absent field takes the trainer's default, so none is sent as null. */
    private static final JsonMapper writer = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--run",
            paramLabel = "FILE",
            description = "Run settings as a JSON object (the trainer's run settings shape); the options below"
                    + " override its fields")
    Path file;

    @Option(names = "--base", description = "What the run starts from: a version (v003), deployed or scratch")
    String base;

    @Option(names = "--method", description = "full (every weight trains) or lora (adapters on the frozen base)")
    String method;

    @Option(names = "--lora-rank", paramLabel = "N", description = "The adapters' rank")
    Integer loraRank;

    @Option(names = "--lora-alpha", paramLabel = "X", description = "The adapters' scale numerator")
    Double loraAlpha;

    @Option(names = "--lora-dropout", paramLabel = "P", description = "Dropout on the adapters' input")
    Double loraDropout;

    @Option(
            names = "--lora-targets",
            paramLabel = "NAMES",
            split = ",",
            description = "The projections that get an adapter, comma separated (q_proj,v_proj)")
    List<String> loraTargets;

    @Option(names = "--learning-rate", paramLabel = "X", description = "The peak learning rate")
    Double learningRate;

    @Option(names = "--schedule", description = "cosine, linear or constant, each after a linear warm-up")
    String schedule;

    @Option(names = "--warmup-steps", paramLabel = "N", description = "Optimizer steps of warm-up")
    Integer warmupSteps;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training split")
    Integer epochs;

    @Option(names = "--max-steps", paramLabel = "N", description = "Optimizer steps (instead of --epochs)")
    Integer maxSteps;

    @Option(names = "--batch-size", paramLabel = "N", description = "Sequences per micro-batch")
    Integer batchSize;

    @Option(names = "--gradient-accumulation", paramLabel = "N", description = "Micro-batches per optimizer step")
    Integer gradientAccumulation;

    @Option(names = "--max-length", paramLabel = "TOKENS", description = "The longest sequence; longer ones are cut")
    Integer maxLength;

    @Option(names = "--precision", description = "fp32, or bf16 where the device supports it")
    String precision;

    @Option(names = "--system-prompt", paramLabel = "TEXT", description = "A system turn for chat examples without one")
    String systemPrompt;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the weights, the data order and the split")
    Long seed;

    /** The settings to send: the file's, overridden option by option; empty when none was given. */
    Optional<RunSettings> settings() {
        RunSettings fromFile = file == null ? RunSettings.defaults() : read(file);
        RunSettings merged = new RunSettings(
                or(base, fromFile.base()),
                or(method, fromFile.method()),
                lora(fromFile.lora()),
                or(learningRate, fromFile.learningRate()),
                or(schedule, fromFile.schedule()),
                or(warmupSteps, fromFile.warmupSteps()),
                or(epochs, fromFile.epochs()),
                or(maxSteps, fromFile.maxSteps()),
                or(batchSize, fromFile.batchSize()),
                or(gradientAccumulation, fromFile.gradientAccumulation()),
                or(maxLength, fromFile.maxLength()),
                or(precision, fromFile.precision()),
                or(systemPrompt, fromFile.systemPrompt()),
                or(seed, fromFile.seed()));
        return merged.equals(RunSettings.defaults()) ? Optional.empty() : Optional.of(merged);
    }

    /** The JSON the trainer reads, without the fields left to its defaults. */
    static byte[] json(RunSettings settings) {
        return writer.writeValueAsBytes(settings);
    }

    private RunSettings.Lora lora(RunSettings.Lora fromFile) {
        if (loraRank == null && loraAlpha == null && loraDropout == null && loraTargets == null) {
            return fromFile;
        }
        RunSettings.Lora given = fromFile == null ? new RunSettings.Lora(null, null, null, null) : fromFile;
        List<String> targets = loraTargets == null
                ? given.targets()
                : loraTargets.stream()
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList();
        return new RunSettings.Lora(
                or(loraRank, given.rank()), or(loraAlpha, given.alpha()), or(loraDropout, given.dropout()), targets);
    }

    private RunSettings read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw usage("No such run settings file: " + path);
        }
        try {
            RunSettings settings = reader.readValue(path.toFile(), RunSettings.class);
            return settings == null ? RunSettings.defaults() : settings;
        } catch (JacksonException e) {
            throw usage("Cannot read run settings from " + path + ": " + e.getOriginalMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    private static <T> T or(T option, T fromFile) {
        return option != null ? option : fromFile;
    }
}
