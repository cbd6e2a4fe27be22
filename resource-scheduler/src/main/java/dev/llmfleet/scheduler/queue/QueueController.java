package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.ChangePriorityRequest;
import dev.llmfleet.api.scheduler.JobActionRequest;
import dev.llmfleet.api.scheduler.JobHistoryEntry;
import dev.llmfleet.api.scheduler.JobPage;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.QueueStatus;
import dev.llmfleet.api.scheduler.SubmitJobRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/scheduler")
class QueueController {

    private final QueueService queue;

    QueueController(QueueService queue) {
        this.queue = queue;
    }

    @PostMapping("/jobs")
    ResponseEntity<JobResponse> submit(@Valid @RequestBody SubmitJobRequest request) {
        JobResponse job = queue.submit(request);
        return ResponseEntity.created(URI.create("/api/scheduler/jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/jobs/{jobId}")
    JobResponse get(@PathVariable UUID jobId) {
        return queue.get(jobId);
    }

    @GetMapping("/jobs")
    JobPage list(
            @RequestParam(required = false) JobState state,
            @RequestParam(required = false) JobPriority priority,
            @RequestParam(required = false) String host,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(10_000) int size) {
        return queue.list(state, priority, host, page, size);
    }

    @GetMapping("/jobs/{jobId}/history")
    List<JobHistoryEntry> history(@PathVariable UUID jobId) {
        return queue.history(jobId);
    }

    @PutMapping("/jobs/{jobId}/priority")
    JobResponse changePriority(@PathVariable UUID jobId, @Valid @RequestBody ChangePriorityRequest request) {
        return queue.changePriority(jobId, request);
    }

    @PostMapping("/jobs/{jobId}/cancel")
    JobResponse cancel(@PathVariable UUID jobId, @Valid @RequestBody JobActionRequest request) {
        return queue.cancel(jobId, request);
    }

    @PostMapping("/jobs/{jobId}/skip")
    JobResponse skip(@PathVariable UUID jobId, @Valid @RequestBody JobActionRequest request) {
        return queue.skip(jobId, request);
    }

    @PostMapping("/jobs/{jobId}/pause")
    JobResponse pause(@PathVariable UUID jobId, @Valid @RequestBody JobActionRequest request) {
        return queue.pause(jobId, request);
    }

    @PostMapping("/jobs/{jobId}/resume")
    JobResponse resume(@PathVariable UUID jobId, @Valid @RequestBody JobActionRequest request) {
        return queue.resume(jobId, request);
    }

    @PostMapping("/jobs/{jobId}/retry")
    JobResponse retry(@PathVariable UUID jobId, @Valid @RequestBody JobActionRequest request) {
        return queue.retry(jobId, request);
    }

    @GetMapping("/queue")
    QueueStatus status() {
        return queue.status();
    }
}
