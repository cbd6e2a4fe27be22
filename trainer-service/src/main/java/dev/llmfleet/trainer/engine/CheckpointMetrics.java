package dev.llmfleet.trainer.engine;

import dev.llmfleet.model.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code metrics.json}: the losses a checkpoint was saved with, for whoever ranks checkpoints later
 * (the checkpoint listing, evaluations). Informational only: a resume reads {@link TrainingState}.
 *
 * @param step the step the checkpoint was saved at
 * @param trainingLoss the mean training loss of the steps since the previous checkpoint
 * @param validationLoss the validation loss measured at this step, null when there was none
 */
public record CheckpointMetrics(long step, double trainingLoss, Double validationLoss) {

    public static final String FILE_NAME = "metrics.json";

    String toJson() {
        return ModelJson.MAPPER.writeValueAsString(this);
    }

    /** The metrics saved in a checkpoint folder; empty when it has none (older checkpoints, versions) or they are unreadable. */
    public static Optional<CheckpointMetrics> read(Path checkpoint) {
        Path file = checkpoint.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelJson.MAPPER.readValue(Files.readString(file), CheckpointMetrics.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
