package dev.llmfleet.scheduler.device;

import dev.llmfleet.api.scheduler.DeviceInfo;
import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.DeviceReportResponse;
import dev.llmfleet.api.scheduler.DeviceStatus;
import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.queue.QueueService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fleet's device inventory, kept from the hosts' reports. A device whose host stops
 * reporting goes stale: no scheduler places work on it, and its lease runs out on its own.
 */
@Service
public class DeviceService {

    private final DeviceRepository devices;
    private final QueueService queue;
    private final ApplicationEventPublisher events;
    private final Duration staleAfter;
    private final Clock clock;

    DeviceService(
            DeviceRepository devices,
            QueueService queue,
            ApplicationEventPublisher events,
            SchedulerProperties properties,
            Clock clock) {
        this.devices = devices;
        this.queue = queue;
        this.events = events;
        this.staleAfter = properties.devices().staleAfter();
        this.clock = clock;
    }

    /** Replaces what is known of {@code host}'s devices; one it no longer lists is removed. */
    @Transactional
    public DeviceReportResponse report(String host, DeviceReport report) {
        Instant now = clock.instant();
        Set<String> reported = new HashSet<>();
        for (DeviceInfo info : report.devices()) {
            if (!reported.add(info.uuid())) {
                throw InvalidDeviceReportException.duplicateUuid(host, info.uuid());
            }
            devices.findById(info.uuid())
                    .ifPresentOrElse(
                            device -> device.update(host, info, now), () -> devices.save(new Device(host, info, now)));
        }
        devices.findByHost(host).stream()
                .filter(device -> !reported.contains(device.uuid()))
                .forEach(devices::delete);
        events.publishEvent(new DevicesReported(host));
        return new DeviceReportResponse(host, reported.size(), now.plus(staleAfter));
    }

    @Transactional(readOnly = true)
    public List<DeviceStatus> devices() {
        Instant now = clock.instant();
        Map<String, UUID> busy = queue.jobsByDevice();
        return devices.findAllByOrderByHostAscIndexAsc().stream()
                .map(device -> device.toStatus(device.isStale(staleAfter, now), busy.get(device.uuid())))
                .toList();
    }

    /** The devices that reported recently enough to be scheduled on, as (host, uuid). */
    @Transactional(readOnly = true)
    public List<DeviceKey> freshDevices() {
        return devices.findByLastReportAtAfter(clock.instant().minus(staleAfter)).stream()
                .map(device -> new DeviceKey(device.host(), device.uuid()))
                .toList();
    }

    /** A device as a scheduler addresses it. */
    public record DeviceKey(String host, String uuid) {}

    /** A host reported; its schedulers should look at the queue (after commit). */
    record DevicesReported(String host) {}
}
