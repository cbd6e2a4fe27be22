package dev.llmfleet.trainer.lifecycle.retention;

import dev.llmfleet.api.lifecycle.CheckpointPinRequest;
import dev.llmfleet.api.lifecycle.CheckpointPinView;
import dev.llmfleet.api.lifecycle.RetentionReport;
import dev.llmfleet.api.lifecycle.RetentionRequest;
import dev.llmfleet.trainer.lifecycle.LifecycleProperties;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trainer/checkpoints")
class RetentionController {

    private final CheckpointRetention retention;
    private final CheckpointPins pins;
    private final LifecycleProperties properties;

    RetentionController(CheckpointRetention retention, CheckpointPins pins, LifecycleProperties properties) {
        this.retention = retention;
        this.pins = pins;
        this.properties = properties;
    }

    @PostMapping("/retention")
    RetentionReport apply(@RequestBody RetentionRequest request) {
        if (request.runCheckpoints() == null) {
            throw InvalidRetentionRequestException.missingField("runCheckpoints");
        }
        int keepLast = request.keepLast() == null ? properties.keepLastCheckpoints() : request.keepLast();
        return retention.apply(Path.of(request.runCheckpoints()), keepLast, request.execute());
    }

    @GetMapping("/pins")
    List<CheckpointPinView> pins() {
        return pins.list();
    }

    @PostMapping("/pins")
    @ResponseStatus(HttpStatus.CREATED)
    CheckpointPinView pin(@RequestBody CheckpointPinRequest request) {
        return pins.pin(request);
    }

    @DeleteMapping("/pins/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unpin(@PathVariable long id) {
        pins.unpin(id);
    }
}
