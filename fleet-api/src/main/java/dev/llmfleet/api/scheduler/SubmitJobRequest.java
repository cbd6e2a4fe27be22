package dev.llmfleet.api.scheduler;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job to put on the queue.
 *
 * @param kind what the job does
 * @param priority which queue; {@code NORMAL} when absent
 * @param payloadRef the dataset or payload the worker needs (e.g. {@code sha256:...} or a file name)
 * @param model the model the job trains or runs; the key of the VRAM estimate's per-model correction
 * @param requiredVramMb the device memory the job needs; when absent it is estimated from {@code profile}
 * @param profile what the job trains, for the VRAM estimate (optional when {@code requiredVramMb} is given)
 * @param submittedBy who asked for it (user, service or API key name)
 * @param host the host it must run on, or none for any
 * @param deviceUuid the device it must run on, or none for any
 * @param maxAttempts how many leases it gets before it fails; the scheduler's default when absent
 * @param settings what the job runs with, as its submitter describes it (a training job: its run
 *     settings); shown with the job, never read by the scheduler
 */
public record SubmitJobRequest(
        @NotNull JobKind kind,
        JobPriority priority,
        @NotBlank @Size(max = 500) String payloadRef,
        @Size(max = 200) String model,
        @Min(0) @Max(16_777_216) Long requiredVramMb,
        @Valid VramEstimateRequest profile,
        @NotBlank @Size(max = 200) String submittedBy,
        @Size(max = 255) String host,
        @Size(max = 100) String deviceUuid,
        @Min(1) @Max(100) Integer maxAttempts,
        Map<String, Object> settings) {

    public SubmitJobRequest {
        priority = priority == null ? JobPriority.NORMAL : priority;
        host = host == null || host.isBlank() ? null : host;
        deviceUuid = deviceUuid == null || deviceUuid.isBlank() ? null : deviceUuid;
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A job with an explicit VRAM need and no placement constraint. */
    public static SubmitJobRequest of(
            JobKind kind, JobPriority priority, String payloadRef, long requiredVramMb, String submittedBy) {
        return new SubmitJobRequest(
                kind, priority, payloadRef, null, requiredVramMb, null, submittedBy, null, null, null, null);
    }

    @AssertTrue(message = "give requiredVramMb or a profile to estimate it from")
    public boolean isVramKnown() {
        return requiredVramMb != null || profile != null;
    }
}
