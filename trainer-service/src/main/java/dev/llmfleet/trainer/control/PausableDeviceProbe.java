package dev.llmfleet.trainer.control;

import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.trainer.TrainerState;
import dev.llmfleet.starter.gpu.DeviceProbe;
import dev.llmfleet.starter.gpu.FleetGpuProperties;
import java.util.List;

/**
 * The starter's device probe, except that a paused trainer offers no free memory: the scheduler
 * then leases it nothing, rather than leases that would wait, expire and use up attempts.
 */
public class PausableDeviceProbe extends DeviceProbe {

    private final TrainerControlService control;

    public PausableDeviceProbe(FleetGpuProperties gpu, String host, TrainerControlService control) {
        super(gpu, host);
        this.control = control;
    }

    @Override
    public List<DeviceInfo> probe() {
        List<DeviceInfo> devices = super.probe();
        if (control.status().state() != TrainerState.PAUSED) {
            return devices;
        }
        return devices.stream()
                .map(d -> new DeviceInfo(
                        d.index(), d.uuid(), d.name(), d.memoryTotalMb(), 0, d.utilizationPercent(), d.temperatureC()))
                .toList();
    }
}
