package dev.llmfleet.api.scheduler;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Every device of one host, sent on a heartbeat; a device the host no longer lists is removed. */
public record DeviceReport(@NotNull @Size(max = 64) List<@Valid @NotNull DeviceInfo> devices) {

    public DeviceReport {
        devices = devices == null ? null : List.copyOf(devices);
    }
}
