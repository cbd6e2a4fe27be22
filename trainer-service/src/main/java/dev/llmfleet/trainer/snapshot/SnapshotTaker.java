package dev.llmfleet.trainer.snapshot;

import dev.llmfleet.api.trainer.EvolutionSnapshot;
import dev.llmfleet.api.trainer.SnapshotAnswer;
import dev.llmfleet.trainer.TrainerProperties;
import dev.llmfleet.trainer.engine.EvaluationResult;
import dev.llmfleet.trainer.lifecycle.versions.VersionService;
import dev.llmfleet.trainer.validation.DatasetValidator;
import dev.llmfleet.trainer.validation.Example;
import dev.llmfleet.trainer.validation.ValidationSplit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Takes a snapshot from the checkpoint written at an evaluation step: the fixed prompts (the
 * first of the dataset's validation split, or a configured file), answered by that checkpoint's
 * model. Runs on the training thread, between steps, so it sees exactly the evaluated weights.
 */
@Component
public class SnapshotTaker {

    private final DatasetValidator reader;
    private final SnapshotService snapshots;
    private final TrainerProperties properties;
    private final Clock clock;

    private final VersionService versions;

    SnapshotTaker(
            DatasetValidator reader,
            SnapshotService snapshots,
            TrainerProperties properties,
            Clock clock,
            VersionService versions) {
        this.versions = versions;
        this.reader = reader;
        this.snapshots = snapshots;
        this.properties = properties;
        this.clock = clock;
    }

    /** The prompts every snapshot of a dataset asks, in a fixed order. */
    public List<Example> prompts(Path datasetFile) throws IOException {
        Path configured = properties.snapshots().promptsFile();
        int wanted = properties.snapshots().prompts();
        if (configured != null) {
            return reader.examples(configured).stream().limit(wanted).toList();
        }
        List<Example> all = reader.examples(datasetFile);
        List<Integer> validation = ValidationSplit.validationIndexes(
                all.size(),
                properties.training().validationFraction(),
                properties.training().seed());
        List<Integer> chosen = validation.isEmpty()
                ? java.util.stream.IntStream.range(0, all.size()).boxed().toList()
                : validation;
        return chosen.stream().limit(wanted).map(all::get).toList();
    }

    public EvolutionSnapshot take(
            String dataset, UUID jobId, List<Example> prompts, Path checkpoint, EvaluationResult evaluation) {
        List<SnapshotAnswer> answers = SnapshotProbe.answer(
                checkpoint,
                versions::folderWithManifest,
                prompts,
                properties.snapshots().maxNewTokens());
        EvolutionSnapshot snapshot = new EvolutionSnapshot(
                dataset,
                evaluation.step(),
                jobId,
                evaluation.trainingLoss(),
                evaluation.validationLoss(),
                (int) answers.stream().filter(SnapshotAnswer::correct).count(),
                answers.size(),
                answers,
                clock.instant());
        snapshots.store(snapshot);
        return snapshot;
    }
}
