package dev.llmfleet.trainer.evaluation;

import dev.llmfleet.api.lifecycle.VersionView;
import dev.llmfleet.api.orchestrator.EvaluationItemResult;
import dev.llmfleet.api.orchestrator.EvaluationReport;
import dev.llmfleet.api.orchestrator.EvaluationSpec;
import dev.llmfleet.api.orchestrator.SuiteItem;
import dev.llmfleet.model.chat.ChatMessage;
import dev.llmfleet.model.chat.TokenSequence;
import dev.llmfleet.model.checkpoint.CheckpointCorruptedException;
import dev.llmfleet.model.checkpoint.CheckpointReader;
import dev.llmfleet.model.checkpoint.VerifiedCheckpoint;
import dev.llmfleet.model.faults.HoldPoints;
import dev.llmfleet.model.lora.LoraFiles;
import dev.llmfleet.trainer.engine.AnswerProbe;
import dev.llmfleet.trainer.engine.CheckpointMetrics;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import dev.llmfleet.trainer.lifecycle.retention.CheckpointReaders;
import dev.llmfleet.trainer.lifecycle.versions.VersionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Answers an evaluation spec with the checkpoint it names. Every suite question becomes the
 * conversation its skill's chat_sft_v1 data holds (system prompt when it has one, question, right
 * answer) through the chat template training and inference share; the model answers the prompt
 * part greedily, and the right answer's tokens with their end-of-turn token are scored
 * teacher-forced, the way training's validation loss scores them.
 *
 * <p>The checkpoint is named relative to the trainer's data folder: a run's checkpoint
 * ({@code runs/<jobId>/checkpoints/step-00000100}; a LoRA adapter is put on the version it was
 * trained on) or a version ({@code versions/v003}, {@code current}). Nothing outside that folder is
 * read, whatever {@code ..} or links the name holds.
 */
@Component
public class CheckpointEvaluator {

    private static final Pattern STEP_FOLDER = Pattern.compile("step-(\\d{1,18})");

    private final LifecyclePaths paths;
    private final VersionService versions;
    private final CheckpointReaders readers;

    CheckpointEvaluator(LifecyclePaths paths, VersionService versions, CheckpointReaders readers) {
        this.paths = paths;
        this.versions = versions;
        this.readers = readers;
    }

    /**
     * The report of the spec, or empty when {@code stopRequested} turned true before every question
     * was answered; an {@link EvaluationRefusedException} when it cannot run as asked.
     */
    public Optional<EvaluationReport> evaluate(EvaluationSpec spec, BooleanSupplier stopRequested) {
        long started = System.nanoTime();
        requireAnswerable(spec);
        Path named = paths.resolveInside(spec.checkpoint())
                .orElseThrow(() -> EvaluationRefusedException.outsideDataFolder(spec.checkpoint()));
        // retention keeps the checkpoint while it is read; registered before the look, so it cannot go between
        try (CheckpointReaders.Reading reading = readers.reading(named)) {
            Path folder = folderOf(spec.checkpoint());
            try (CheckpointReaders.Reading real = readers.reading(folder)) {
                return evaluate(spec, folder, started, stopRequested);
            }
        }
    }

    private Optional<EvaluationReport> evaluate(
            EvaluationSpec spec, Path folder, long started, BooleanSupplier stopRequested) {
        List<EvaluationItemResult> results = new ArrayList<>();
        try (AnswerProbe probe = open(spec.checkpoint(), folder)) {
            List<TokenSequence> questions = sequences(probe, spec.items());
            for (int i = 0; i < questions.size(); i++) {
                if (stopRequested.getAsBoolean()) {
                    return Optional.empty();
                }
                TokenSequence question = questions.get(i);
                results.add(
                        new EvaluationItemResult(i, probe.answer(question, spec.maxNewTokens()), probe.loss(question)));
                HoldPoints.reached(HoldPoints.EVALUATION);
            }
        }
        double meanLoss = results.stream()
                .mapToDouble(EvaluationItemResult::answerLoss)
                .average()
                .orElseThrow();
        Double trainLoss = CheckpointMetrics.read(folder)
                .map(CheckpointMetrics::trainingLoss)
                .orElse(null);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        return Optional.of(new EvaluationReport(results, stepOf(folder), trainLoss, meanLoss, tookMillis));
    }

    /** A suite question as its skill's training data holds it: system prompt when it has one, question, right answer. */
    static List<ChatMessage> conversation(SuiteItem item) {
        List<ChatMessage> messages = new ArrayList<>();
        if (item.system() != null && !item.system().isEmpty()) {
            messages.add(ChatMessage.system(item.system()));
        }
        messages.add(ChatMessage.user(item.prompt()));
        messages.add(ChatMessage.assistant(item.answer()));
        return messages;
    }

    private static void requireAnswerable(EvaluationSpec spec) {
        if (spec.items().isEmpty()) {
            throw EvaluationRefusedException.noQuestions();
        }
        if (spec.maxNewTokens() < 1) {
            throw EvaluationRefusedException.badMaxNewTokens(spec.maxNewTokens());
        }
        for (int i = 0; i < spec.items().size(); i++) {
            SuiteItem item = spec.items().get(i);
            if (item == null || item.prompt() == null || item.answer() == null) {
                throw EvaluationRefusedException.incompleteQuestion(i);
            }
        }
    }

    /** The checkpoint's real folder, after the name was kept inside the data folder. */
    private Path folderOf(String checkpoint) {
        Path folder = paths.resolveInside(checkpoint)
                .orElseThrow(() -> EvaluationRefusedException.outsideDataFolder(checkpoint));
        if (!Files.isDirectory(folder)) {
            throw EvaluationRefusedException.missing(checkpoint);
        }
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            throw EvaluationRefusedException.missing(checkpoint);
        }
    }

    private AnswerProbe open(String name, Path folder) {
        VerifiedCheckpoint checkpoint;
        try {
            checkpoint = CheckpointReader.open(folder);
        } catch (CheckpointCorruptedException e) {
            throw EvaluationRefusedException.unreadable(name, e.getMessage());
        }
        VerifiedCheckpoint base = LoraFiles.isAdapter(checkpoint) ? baseOf(name, checkpoint) : null;
        try {
            return AnswerProbe.open(checkpoint, base);
        } catch (RuntimeException e) {
            throw EvaluationRefusedException.unloadable(name, String.valueOf(e.getMessage()));
        }
    }

    private VerifiedCheckpoint baseOf(String name, VerifiedCheckpoint adapter) {
        String baseSha;
        try {
            baseSha = LoraFiles.readConfig(adapter).baseManifestSha256();
        } catch (RuntimeException e) {
            throw EvaluationRefusedException.unreadable(name, String.valueOf(e.getMessage()));
        }
        Path base = Optional.ofNullable(baseSha)
                .flatMap(versions::folderWithManifest)
                .orElseThrow(() -> EvaluationRefusedException.noBase(name, baseSha));
        try {
            return CheckpointReader.open(base);
        } catch (CheckpointCorruptedException e) {
            throw EvaluationRefusedException.unreadable(name, "its base: " + e.getMessage());
        }
    }

    private static List<TokenSequence> sequences(AnswerProbe probe, List<SuiteItem> items) {
        List<TokenSequence> sequences = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TokenSequence sequence = probe.template().conversation(conversation(items.get(i)));
            if (sequence.length() > probe.contextLength()) {
                throw EvaluationRefusedException.tooLong(i, sequence.length(), probe.contextLength());
            }
            sequences.add(sequence);
        }
        return sequences;
    }

    /** A run checkpoint's step from its folder name; a version's from the checkpoint it was made from; else 0. */
    private long stepOf(Path folder) {
        Optional<Long> own = stepInName(folder);
        if (own.isPresent()) {
            return own.get();
        }
        if (!isVersionsFolder(folder.getParent())) {
            return 0;
        }
        String name = folder.getFileName().toString();
        return versions.list().stream()
                .filter(v -> v.name().equals(name))
                .map(VersionView::sourceCheckpoint)
                .filter(source -> source != null && !source.isBlank())
                .flatMap(source -> stepInName(Path.of(source)).stream())
                .findFirst()
                .orElse(0L);
    }

    private boolean isVersionsFolder(Path folder) {
        try {
            return folder != null && Files.isSameFile(folder, paths.versions());
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> stepInName(Path folder) {
        Path name = folder.getFileName();
        Matcher matcher = name == null ? null : STEP_FOLDER.matcher(name.toString());
        return matcher != null && matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }
}
