package dev.llmfleet.scheduler.vram;

import dev.llmfleet.api.scheduler.VramEstimate;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** "What does batch 30 need?": as JSON, or as query parameters for a quick curl. */
@RestController
@RequestMapping("/api/scheduler/vram-estimates")
class VramController {

    private final VramService vram;

    VramController(VramService vram) {
        this.vram = vram;
    }

    @PostMapping
    VramEstimate estimate(@Valid @RequestBody VramEstimateRequest request) {
        return vram.estimate(request);
    }

    @GetMapping
    VramEstimate estimateFromQuery(@Valid @ModelAttribute VramEstimateRequest request) {
        return vram.estimate(request);
    }
}
