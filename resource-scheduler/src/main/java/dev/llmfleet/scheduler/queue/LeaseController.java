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

/** The worker side: long-poll for leases, heartbeat them, report how they ended, give them back on a restart. */
@RestController
@RequestMapping("/api/scheduler")
class LeaseController {

    private final LeaseService leases;

    LeaseController(LeaseService leases) {
        this.leases = leases;
    }

    @GetMapping("/leases")
    List<Lease> poll(
            @RequestParam @NotBlank String host,
            @RequestParam(required = false) String device,
            @RequestParam(defaultValue = "20") @Min(0) @Max(300) int waitSeconds)
            throws InterruptedException {
        return leases.pollLeases(
                host, device == null || device.isBlank() ? null : device, Duration.ofSeconds(waitSeconds));
    }

    @PostMapping("/hosts/{host}/leases/release")
    List<JobResponse> releaseHost(@PathVariable String host) {
        return leases.releaseHost(host);
    }

    @PutMapping("/leases/{leaseId}/heartbeat")
    LeaseHeartbeatResponse heartbeat(@PathVariable UUID leaseId) {
        return leases.heartbeat(leaseId);
    }

    @PostMapping("/leases/{leaseId}/complete")
    JobResponse complete(@PathVariable UUID leaseId, @Valid @RequestBody CompleteJobRequest request) {
        return leases.complete(leaseId, request);
    }

    @PostMapping("/leases/{leaseId}/fail")
    JobResponse fail(@PathVariable UUID leaseId, @Valid @RequestBody FailJobRequest request) {
        return leases.fail(leaseId, request);
    }

    @PostMapping("/leases/{leaseId}/paused")
    JobResponse paused(@PathVariable UUID leaseId, @Valid @RequestBody PausedRequest request) {
        return leases.paused(leaseId, request);
    }
}
