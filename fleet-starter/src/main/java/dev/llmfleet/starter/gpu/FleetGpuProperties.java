package dev.llmfleet.starter.gpu;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How a training or inference host reports its devices to the resource-scheduler ({@code fleet.gpu.*}).
 *
 * @param enabled whether to report at all (only on training and inference hosts in any case)
 * @param command the nvidia-smi invocation; its output must be in {@link NvidiaSmiParser}'s format
 * @param commandTimeout how long nvidia-smi may take before the CPU is reported instead
 * @param reportInterval how often to report (well inside the scheduler's stale-after, 30 s by default)
 * @param cpuMemoryBudget the memory offered as the one CPU device on a machine without a GPU
 */
@Validated
@ConfigurationProperties("fleet.gpu")
public record FleetGpuProperties(
        @DefaultValue("true") boolean enabled,

        @NotEmpty @DefaultValue({"nvidia-smi", "--query-gpu=" + NvidiaSmiParser.QUERY, "--format=csv,noheader,nounits"})
        List<String> command,

        @NotNull @DefaultValue("5s") Duration commandTimeout,
        @NotNull @DefaultValue("5s") Duration reportInterval,
        @NotNull @DefaultValue("8GB") DataSize cpuMemoryBudget) {}
