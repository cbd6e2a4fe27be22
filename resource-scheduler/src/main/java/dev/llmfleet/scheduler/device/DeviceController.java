package dev.llmfleet.scheduler.device;

import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.DeviceReportResponse;
import dev.llmfleet.api.scheduler.DeviceStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/scheduler")
class DeviceController {

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @PutMapping("/hosts/{host}/devices")
    DeviceReportResponse report(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._:-]{1,255}", message = "must be a host name or address")
                    String host,
            @Valid @RequestBody DeviceReport report) {
        return devices.report(host, report);
    }

    @GetMapping("/devices")
    List<DeviceStatus> devices() {
        return devices.devices();
    }
}
