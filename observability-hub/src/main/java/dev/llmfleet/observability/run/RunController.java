package dev.llmfleet.observability.run;

import dev.llmfleet.api.observability.RunPoint;
import dev.llmfleet.api.observability.RunProgress;
import dev.llmfleet.api.observability.RunView;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/observability/runs")
class RunController {

    private final RunMonitor monitor;

    RunController(RunMonitor monitor) {
        this.monitor = monitor;
    }

    /** A trainer reports a run's progress; the id in the path must be the report's. */
    @PutMapping("/{runId}/progress")
    RunView report(@PathVariable String runId, @Valid @RequestBody RunProgress progress) {
        if (!runId.equals(progress.runId())) {
            throw RunMismatchException.of(runId, progress.runId());
        }
        return monitor.report(progress);
    }

    @GetMapping
    List<RunView> runs() {
        return monitor.runs();
    }

    @GetMapping("/{runId}")
    RunView run(@PathVariable String runId) {
        return monitor.run(runId);
    }

    @GetMapping("/{runId}/points")
    List<RunPoint> points(@PathVariable String runId) {
        return monitor.points(runId);
    }
}
