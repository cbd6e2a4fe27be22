package dev.llmfleet.scheduler;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of resource-scheduler ({@code fleet.scheduler.*}).
 *
 * @param queue limits of the job queue
 * @param leases how long a lease holds and how workers wait for one
 * @param devices when a device that stopped reporting is given up on
 * @param scheduling the per-device schedulers
 * @param vram the VRAM estimate
 */
@Validated
@ConfigurationProperties("fleet.scheduler")
public record SchedulerProperties(
        @Valid @NotNull @DefaultValue Queue queue,
        @Valid @NotNull @DefaultValue Leases leases,
        @Valid @NotNull @DefaultValue Devices devices,
        @Valid @NotNull @DefaultValue Scheduling scheduling,
        @Valid @NotNull @DefaultValue Vram vram) {

    /**
     * @param defaultMaxAttempts leases a job gets when its submitter does not say
     * @param recentlyCompleted how many completed jobs the queue status shows
     * @param maxPageSize the largest page a listing returns
     */
    public record Queue(
            @Min(1) @Max(100) @DefaultValue("3") int defaultMaxAttempts,
            @Min(0) @Max(1000) @DefaultValue("10") int recentlyCompleted,
            @Min(1) @Max(10_000) @DefaultValue("200") int maxPageSize) {}

    /**
     * @param ttl how long a lease holds without a heartbeat; workers beat every third of it
     * @param sweepInterval how often expired leases are looked for
     * @param maxWait the longest a worker's long-poll waits
     * @param pollRecheck how often a waiting long-poll re-reads the database (leases granted by
     *     another scheduler instance)
     */
    public record Leases(
            @NotNull @DefaultValue("30s") Duration ttl,
            @NotNull @DefaultValue("1s") Duration sweepInterval,
            @NotNull @DefaultValue("30s") Duration maxWait,
            @NotNull @DefaultValue("1s") Duration pollRecheck) {}

    /** @param staleAfter a device silent for this long is stale: nothing more is scheduled on it */
    public record Devices(@NotNull @DefaultValue("30s") Duration staleAfter) {}

    /**
     * @param enabled whether this instance runs a scheduler per device (off: only the API)
     * @param tick how often each device's scheduler looks at the queue without being woken
     */
    public record Scheduling(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("1s") Duration tick) {}

    /**
     * @param overheadMb what every run needs besides its tensors (CUDA context, allocator slack)
     * @param correctionWindow how many of a model's latest finished runs correct its estimate
     */
    public record Vram(
            @Min(0) @DefaultValue("1024") long overheadMb,
            @Min(1) @Max(1000) @DefaultValue("20") int correctionWindow) {}
}
