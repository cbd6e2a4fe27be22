package dev.llmfleet.starter.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.DeviceReport;
import dev.llmfleet.api.scheduler.DeviceReportResponse;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class FleetGpuAutoConfigurationTest {

    final List<DeviceReport> sent = new CopyOnWriteArrayList<>();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FleetGpuAutoConfiguration.class))
            .withBean(FleetHttpClients.class, () -> new RecordingClients(sent))
            .withPropertyValues(
                    "fleet.gpu.command=nvidia-smi-that-does-not-exist",
                    "fleet.gpu.report-interval=1h",
                    "fleet.instance.host=trainer-1");

    @Test
    void givesTrainingAndInferenceHostsAReporter() {
        runner.withPropertyValues("fleet.service.host-role=training")
                .run(context -> assertThat(context).hasSingleBean(DeviceReporter.class));
        runner.withPropertyValues("fleet.instance.role=inference")
                .run(context -> assertThat(context).hasSingleBean(DeviceReporter.class));
    }

    @Test
    void keepsControlServicesAndDisabledHostsWithoutOne() {
        runner.run(context -> assertThat(context).doesNotHaveBean(DeviceReporter.class));
        runner.withPropertyValues("fleet.service.host-role=control")
                .run(context -> assertThat(context).doesNotHaveBean(DeviceReporter.class));
        runner.withPropertyValues("fleet.service.host-role=training", "fleet.gpu.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DeviceReporter.class));
    }

    @Test
    void reportsTheCpuDeviceOfAGpulessTrainingHostToTheScheduler() {
        runner.withPropertyValues("fleet.service.host-role=training", "fleet.gpu.cpu-memory-budget=2GB")
                .run(context -> {
                    assertThat(context.getBean(DeviceReporter.class).report()).isTrue();
                    assertThat(sent)
                            .last()
                            .satisfies(report -> assertThat(report.devices())
                                    .singleElement()
                                    .satisfies(cpu -> {
                                        assertThat(cpu.uuid()).isEqualTo("cpu-trainer-1");
                                        assertThat(cpu.memoryTotalMb()).isEqualTo(2048);
                                    }));
                });
    }

    /** Hands out a SchedulerClient that records device reports instead of sending them. */
    static final class RecordingClients extends FleetHttpClients {

        private final List<DeviceReport> sent;

        RecordingClients(List<DeviceReport> sent) {
            super(null, null, null);
            this.sent = sent;
        }

        @Override
        public <T> T client(String serviceName, Class<T> type) {
            assertThat(serviceName).isEqualTo("resource-scheduler");
            Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
                if (method.getName().equals("reportDevices")) {
                    sent.add((DeviceReport) args[1]);
                    return new DeviceReportResponse((String) args[0], sent.size(), Instant.EPOCH);
                }
                throw new UnsupportedOperationException(method.getName());
            });
            return type.cast(proxy);
        }
    }
}
