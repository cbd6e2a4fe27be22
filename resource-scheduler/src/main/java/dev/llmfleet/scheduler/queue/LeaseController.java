package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.CompleteJobRequest;
import dev.llmfleet.api.scheduler.FailJobRequest;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.LeaseHeartbeatResponse;
import dev.llmfleet.api.scheduler.PausedRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The worker side: long-poll for leases, heartbeat them, report how they ended. */
@RestController
@RequestMapping("/api/scheduler/leases")
class LeaseController {

    private final LeaseService leases;

    LeaseController(LeaseService leases) {
        this.leases = leases;
    }

    @GetMapping
    List<Lease> poll(
            @RequestParam @NotBlank String host, @RequestParam(defaultValue = "20") @Min(0) @Max(300) int waitSeconds)
            throws InterruptedException {
        return leases.pollLeases(host, Duration.ofSeconds(waitSeconds));
    }

    @PutMapping("/{leaseId}/heartbeat")
    LeaseHeartbeatResponse heartbeat(@PathVariable UUID leaseId) {
        return leases.heartbeat(leaseId);
    }

    @PostMapping("/{leaseId}/complete")
    JobResponse complete(@PathVariable UUID leaseId, @Valid @RequestBody CompleteJobRequest request) {
        return leases.complete(leaseId, request);
    }

    @PostMapping("/{leaseId}/fail")
    JobResponse fail(@PathVariable UUID leaseId, @Valid @RequestBody FailJobRequest request) {
        return leases.fail(leaseId, request);
    }

    @PostMapping("/{leaseId}/paused")
    JobResponse paused(@PathVariable UUID leaseId, @Valid @RequestBody PausedRequest request) {
        return leases.paused(leaseId, request);
    }
}
