package dev.llmfleet.starter.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.DeviceInfo;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceProbeTest {

    @Test
    void reportsTheGpusTheCommandLists() throws URISyntaxException {
        Path fixture = Path.of(getClass()
                .getClassLoader()
                .getResource("gpu/nvidia-smi-query-gpu.csv")
                .toURI());
        DeviceProbe probe = new DeviceProbe(List.of("cat", fixture.toString()), Duration.ofSeconds(5), "h1", 8192);

        assertThat(probe.probe()).extracting(DeviceInfo::index).containsExactly(0, 1);
    }

    @Test
    void reportsTheCpuWithItsBudgetWhenThereIsNoNvidiaSmi() {
        DeviceProbe probe =
                new DeviceProbe(List.of("nvidia-smi-that-does-not-exist"), Duration.ofSeconds(5), "h1", 8192);

        assertThat(probe.probe()).singleElement().satisfies(cpu -> {
            assertThat(cpu.uuid()).isEqualTo("cpu-h1");
            assertThat(cpu.memoryTotalMb()).isEqualTo(8192);
            assertThat(cpu.memoryFreeMb()).isEqualTo(8192);
            assertThat(cpu.name()).startsWith("CPU (");
        });
    }

    @Test
    void reportsTheCpuWhenTheCommandFailsOrListsNothing() {
        assertThat(new DeviceProbe(List.of("false"), Duration.ofSeconds(5), "h1", 4096).probe())
                .extracting(DeviceInfo::uuid)
                .containsExactly("cpu-h1");
        assertThat(new DeviceProbe(List.of("true"), Duration.ofSeconds(5), "h1", 4096).probe())
                .extracting(DeviceInfo::uuid)
                .containsExactly("cpu-h1");
    }

    @Test
    void givesUpOnACommandThatHangs() {
        DeviceProbe probe = new DeviceProbe(List.of("sleep", "30"), Duration.ofMillis(200), "h1", 4096);

        assertThat(probe.probe()).extracting(DeviceInfo::uuid).containsExactly("cpu-h1");
    }
}
