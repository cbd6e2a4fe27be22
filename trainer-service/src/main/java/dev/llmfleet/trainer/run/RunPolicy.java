package dev.llmfleet.trainer.run;

import dev.llmfleet.api.trainer.RunSettings;
import dev.llmfleet.model.lora.LoraConfig;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.engine.DatasetFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the run settings a dataset came with into the settings its job runs with: every absent
 * field takes the trainer's default ({@code fleet.trainer.training.*}), and every setting that
 * makes no sense is refused with its field named, before anything is stored or queued. Settings
 * that depend on the model (context, projections) are checked against the base as it resolves now;
 * a {@code deployed} base is resolved again when the job starts.
 */
@Component
public class RunPolicy {

    public static final String FULL = "full";
    public static final String LORA = "lora";
    public static final String FP32 = "fp32";
    public static final String BF16 = "bf16";
    private static final Set<String> SCHEDULES = Set.of("cosine", "linear", "constant");
    private static final int MAX_BATCH = 4096;
    private static final int MAX_ACCUMULATION = 1024;
    private static final int MAX_EPOCHS = 1000;
    private static final int MAX_STEPS = 100_000_000;
    private static final int MAX_SYSTEM_PROMPT = 8192;
    private static final int DEFAULT_MAX_LENGTH = 2048;

    private final TrainerProperties.Training defaults;
    private final TrainingPlan plan;
    private final BaseModels bases;

    RunPolicy(TrainerProperties properties, TrainingPlan plan, BaseModels bases) {
        this.defaults = properties.training();
        this.plan = plan;
        this.bases = bases;
    }

    /** The settings with every field filled in; refused ({@link InvalidRunSettingsException}) when one makes no sense. */
    public RunSettings effective(RunSettings requested, DatasetFormat format) {
        RunSettings r = requested == null ? RunSettings.defaults() : requested;
        String base = r.base() == null ? defaults.base() : r.base().strip();
        if (base.isEmpty()) {
            throw InvalidRunSettingsException.of("base", "is blank; give a version, deployed or scratch");
        }
        String method = lower(r.method(), defaults.method());
        if (!method.equals(FULL) && !method.equals(LORA)) {
            throw InvalidRunSettingsException.of("method", "is '" + r.method() + "'; give full or lora");
        }
        BaseModels.Resolved resolved = bases.resolve(base);
        ModelShape shape = shapeOf(resolved);
        RunSettings.Lora lora = null;
        if (method.equals(LORA)) {
            if (resolved.isScratch()) {
                throw InvalidRunSettingsException.of(
                        "method",
                        "lora trains adapters on a base model, and base " + base + " is " + resolved.how()
                                + "; train it full or name a version");
            }
            lora = lora(r.lora(), shape);
        } else if (r.lora() != null) {
            throw InvalidRunSettingsException.of("lora", "applies to method lora only; this run is full");
        }
        double learningRate = r.learningRate() == null ? defaults.learningRate() : r.learningRate();
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw InvalidRunSettingsException.of("learningRate", "is " + learningRate + "; give a rate in (0, 1]");
        }
        String schedule = lower(r.schedule(), "cosine");
        if (!SCHEDULES.contains(schedule)) {
            throw InvalidRunSettingsException.of(
                    "schedule", "is '" + r.schedule() + "'; give cosine, linear or constant");
        }
        int warmup = r.warmupSteps() == null ? defaults.warmupSteps() : r.warmupSteps();
        if (warmup < 0) {
            throw InvalidRunSettingsException.of("warmupSteps", "is " + warmup + "; it cannot be negative");
        }
        if (r.epochs() != null && r.maxSteps() != null) {
            throw InvalidRunSettingsException.of("epochs", "and maxSteps are both given; a run is long one way");
        }
        Integer epochs = r.epochs();
        Integer maxSteps = r.epochs() == null ? (r.maxSteps() == null ? defaults.maxSteps() : r.maxSteps()) : null;
        if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
            throw InvalidRunSettingsException.of("epochs", "is " + epochs + "; give 1 to " + MAX_EPOCHS);
        }
        if (maxSteps != null && (maxSteps < 1 || maxSteps > MAX_STEPS)) {
            throw InvalidRunSettingsException.of("maxSteps", "is " + maxSteps + "; give 1 to " + MAX_STEPS);
        }
        if (maxSteps != null && r.warmupSteps() != null && warmup >= maxSteps) {
            throw InvalidRunSettingsException.of(
                    "warmupSteps", "is " + warmup + ", not fewer than the run's " + maxSteps + " steps");
        }
        int batchSize = r.batchSize() == null ? defaults.batchSize() : r.batchSize();
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw InvalidRunSettingsException.of("batchSize", "is " + batchSize + "; give 1 to " + MAX_BATCH);
        }
        int accumulation =
                r.gradientAccumulation() == null ? defaults.gradientAccumulation() : r.gradientAccumulation();
        if (accumulation < 1 || accumulation > MAX_ACCUMULATION) {
            throw InvalidRunSettingsException.of(
                    "gradientAccumulation", "is " + accumulation + "; give 1 to " + MAX_ACCUMULATION);
        }
        int context = shape.contextLength();
        int maxLength = r.maxLength() == null
                ? Math.min(Math.min(defaults.maxLength(), DEFAULT_MAX_LENGTH), context)
                : r.maxLength();
        if (maxLength < 2 || maxLength > context) {
            throw InvalidRunSettingsException.of(
                    "maxLength", "is " + maxLength + "; give 2 to the model's context of " + context + " tokens");
        }
        String precision = lower(r.precision(), FP32);
        if (precision.equals(BF16)) {
            throw InvalidRunSettingsException.of(
                    "precision",
                    "is bf16, which this trainer cannot train on " + NativeRuntime.preferredDevice()
                            + " (it computes in fp32 there); give fp32");
        }
        if (!precision.equals(FP32)) {
            throw InvalidRunSettingsException.of("precision", "is '" + r.precision() + "'; give fp32 or bf16");
        }
        String systemPrompt = r.systemPrompt();
        if (systemPrompt != null) {
            if (systemPrompt.isBlank()) {
                throw InvalidRunSettingsException.of("systemPrompt", "is blank; leave it out for none");
            }
            if (systemPrompt.length() > MAX_SYSTEM_PROMPT) {
                throw InvalidRunSettingsException.of(
                        "systemPrompt", "is " + systemPrompt.length() + " characters, more than " + MAX_SYSTEM_PROMPT);
            }
            if (format == DatasetFormat.COMPLETION_V1) {
                throw InvalidRunSettingsException.of(
                        "systemPrompt", "applies to chat_sft_v1 data; completion_v1 examples have no turns");
            }
        }
        long seed = r.seed() == null ? defaults.seed() : r.seed();
        return new RunSettings(
                base,
                method,
                lora,
                learningRate,
                schedule,
                warmup,
                epochs,
                maxSteps,
                batchSize,
                accumulation,
                maxLength,
                precision,
                systemPrompt,
                seed);
    }

    /** The model a resolved base is: its folder's config, or the demo's GPT for scratch. */
    public ModelShape shapeOf(BaseModels.Resolved base) {
        try {
            return base.isScratch() ? ModelShape.of(plan.model()) : ModelShape.of(base.folder());
        } catch (RuntimeException e) {
            throw InvalidRunSettingsException.of(
                    "base", "version " + base.version() + " cannot be read: " + e.getMessage());
        }
    }

    private RunSettings.Lora lora(RunSettings.Lora given, ModelShape shape) {
        RunSettings.Lora l = given == null ? new RunSettings.Lora(null, null, null, null) : given;
        TrainerProperties.Lora d = defaults.lora();
        int rank = l.rank() == null ? d.rank() : l.rank();
        int narrowest = shape.narrowestProjection();
        if (rank < 1 || rank > narrowest) {
            throw InvalidRunSettingsException.of(
                    "lora.rank", "is " + rank + "; give 1 to " + narrowest + " (the model's narrowest projection)");
        }
        double alpha = l.alpha() == null ? d.alpha() : l.alpha();
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw InvalidRunSettingsException.of("lora.alpha", "is " + alpha + "; give a positive number");
        }
        double dropout = l.dropout() == null ? d.dropout() : l.dropout();
        if (!(dropout >= 0 && dropout < 1)) {
            throw InvalidRunSettingsException.of("lora.dropout", "is " + dropout + "; give a probability in [0, 1)");
        }
        List<String> targets = l.targets() == null ? d.targets() : l.targets();
        if (l.targets() != null && targets.isEmpty()) {
            throw InvalidRunSettingsException.of(
                    "lora.targets", "is empty; name projections, or leave it out for every projection");
        }
        List<String> names = new ArrayList<>();
        for (String target : targets) {
            if (target == null || target.isBlank()) {
                throw InvalidRunSettingsException.of("lora.targets", "holds a blank name");
            }
            names.add(target.strip());
        }
        try {
            LoraConfig resolved = new LoraConfig(rank, alpha, dropout, names)
                    .resolve(List.copyOf(shape.projections().keySet()));
            return new RunSettings.Lora(rank, alpha, dropout, resolved.targets());
        } catch (IllegalArgumentException e) {
            throw InvalidRunSettingsException.of("lora.targets", e.getMessage());
        }
    }

    private static String lower(String value, String fallback) {
        return value == null ? fallback : value.strip().toLowerCase(Locale.ROOT);
    }
}
