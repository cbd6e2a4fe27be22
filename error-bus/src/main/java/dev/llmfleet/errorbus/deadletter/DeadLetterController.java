package dev.llmfleet.errorbus.deadletter;

import dev.llmfleet.api.errorbus.DeadLetter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/errorbus/dead-letters")
class DeadLetterController {

    private final DeadLetterService deadLetters;

    DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> recent(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.recent(limit);
    }
}
