package dev.llmfleet.trainer.lifecycle.retention;

import dev.llmfleet.api.lifecycle.CheckpointPinRequest;
import dev.llmfleet.api.lifecycle.CheckpointPinView;
import dev.llmfleet.trainer.lifecycle.LifecyclePaths;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints that deployments and running or paused jobs need. The training worker pins a job's
 * checkpoint when it starts or pauses and unpins it when the job ends.
 */
@Service
public class CheckpointPins {

    private final CheckpointPinRepository repository;
    private final LifecyclePaths paths;
    private final Clock clock;

    CheckpointPins(CheckpointPinRepository repository, LifecyclePaths paths, Clock clock) {
        this.repository = repository;
        this.paths = paths;
        this.clock = clock;
    }

    @Transactional
    public CheckpointPinView pin(CheckpointPinRequest request) {
        if (request.checkpoint() == null || request.kind() == null || request.holder() == null) {
            throw InvalidRetentionRequestException.missingField("checkpoint, kind and holder");
        }
        Path checkpoint = Path.of(request.checkpoint()).toAbsolutePath().normalize();
        if (!paths.contains(checkpoint)) {
            throw InvalidRetentionRequestException.outsideDataFolder(request.checkpoint());
        }
        return repository
                .save(new CheckpointPin(checkpoint, request.kind(), request.holder(), clock.instant()))
                .toView();
    }

    @Transactional
    public void unpin(long id) {
        CheckpointPin pin = repository.findById(id).orElseThrow(() -> InvalidRetentionRequestException.pinNotFound(id));
        repository.delete(pin);
    }

    public List<CheckpointPinView> list() {
        return repository.findAll().stream().map(CheckpointPin::toView).toList();
    }
}
