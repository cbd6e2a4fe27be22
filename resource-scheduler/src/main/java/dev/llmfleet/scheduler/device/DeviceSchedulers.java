package dev.llmfleet.scheduler.device;

import dev.llmfleet.scheduler.SchedulerProperties;
import dev.llmfleet.scheduler.device.DeviceService.DeviceKey;
import dev.llmfleet.scheduler.device.DeviceService.DevicesReported;
import dev.llmfleet.scheduler.queue.LeaseService;
import dev.llmfleet.scheduler.queue.QueueChanged;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one {@link DeviceScheduler} running per fresh device, starts one when a device appears,
 * stops it when the device goes stale or is removed, and wakes them when the queue changes.
 */
@Component
@ConditionalOnProperty(name = "fleet.scheduler.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DeviceSchedulers implements SmartLifecycle {

    private final DeviceService devices;
    private final LeaseService leases;
    private final LoopSupervisor supervisor;
    private final Duration tick;
    private final Map<DeviceKey, DeviceScheduler> schedulers = new ConcurrentHashMap<>();
    private volatile boolean running;

    DeviceSchedulers(
            DeviceService devices,
            LeaseService leases,
            SchedulerProperties properties,
            MeterRegistry meters,
            LoopSupervisor supervisor) {
        this.supervisor = supervisor;
        this.devices = devices;
        this.leases = leases;
        this.tick = properties.scheduling().tick();
        Gauge.builder("fleet.scheduler.device.schedulers", schedulers::size)
                .description("Device schedulers running in this instance")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${fleet.scheduler.scheduling.tick:1s}")
    synchronized void refresh() {
        if (!running) {
            return;
        }
        Set<DeviceKey> fresh = devices.freshDevices().stream().collect(Collectors.toSet());
        schedulers.keySet().removeIf(key -> {
            if (fresh.contains(key)) {
                return false;
            }
            schedulers.get(key).stop();
            return true;
        });
        for (DeviceKey key : fresh) {
            schedulers.computeIfAbsent(key, k -> {
                DeviceScheduler scheduler = new DeviceScheduler(k, leases, tick);
                scheduler.start(supervisor);
                return scheduler;
            });
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onQueueChanged(QueueChanged changed) {
        schedulers.values().forEach(DeviceScheduler::wake);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onDevicesReported(DevicesReported reported) {
        refresh();
        schedulers.forEach((key, scheduler) -> {
            if (key.host().equals(reported.host())) {
                scheduler.wake();
            }
        });
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        schedulers.values().forEach(DeviceScheduler::stop);
        schedulers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
