package dev.llmfleet.trainer.control;

import dev.llmfleet.api.trainer.ControlAction;
import dev.llmfleet.api.trainer.TrainerStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/trainer")
class ControlController {

    private final TrainerControlService control;

    ControlController(TrainerControlService control) {
        this.control = control;
    }

    @GetMapping("/status")
    TrainerStatus status() {
        return control.status();
    }

    @PostMapping("/control/{action}")
    TrainerStatus control(@PathVariable ControlAction action) {
        return control.request(action);
    }
}
