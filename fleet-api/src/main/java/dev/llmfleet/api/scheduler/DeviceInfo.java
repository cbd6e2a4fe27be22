package dev.llmfleet.api.scheduler;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One device of a host as it reports it: a GPU read through {@code nvidia-smi}, or the CPU with a
 * memory budget on a machine without one.
 *
 * @param utilizationPercent null when the device does not say
 * @param temperatureC null when the device does not say
 */
public record DeviceInfo(
        @Min(0) @Max(1024) int index,
        @NotBlank @Size(max = 100) String uuid,
        @NotBlank @Size(max = 200) String name,
        @Min(0) long memoryTotalMb,
        @Min(0) long memoryFreeMb,
        @Min(0) @Max(100) Integer utilizationPercent,
        @Min(-50) @Max(200) Integer temperatureC) {}
