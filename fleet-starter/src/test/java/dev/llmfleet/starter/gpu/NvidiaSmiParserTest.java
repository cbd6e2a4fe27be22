package dev.llmfleet.starter.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.DeviceInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixture {@code gpu/nvidia-smi-query-gpu.csv} follows nvidia-smi's CSV output for the fleet's
 * query (no header, no units, {@code ", "} between fields) for a host with two RTX 4090s, one
 * idle and one busy. No GPU host was available when it was written, so it is reconstructed from
 * that format rather than captured; replace it with a capture from a real host when one is at hand.
 */
class NvidiaSmiParserTest {

    @Test
    void readsEveryGpuOfTheRecordedOutput() throws IOException {
        List<DeviceInfo> devices = NvidiaSmiParser.parse(fixture("gpu/nvidia-smi-query-gpu.csv"));

        assertThat(devices)
                .containsExactly(
                        new DeviceInfo(
                                0,
                                "GPU-5f1e3a9c-7b2d-4e8a-9c61-0d4f2b7a8e13",
                                "NVIDIA GeForce RTX 4090",
                                24_564,
                                23_975,
                                0,
                                34),
                        new DeviceInfo(
                                1,
                                "GPU-a2c47e10-3f95-4b6d-8e27-91b0c5d3f6a4",
                                "NVIDIA GeForce RTX 4090",
                                24_564,
                                3_306,
                                97,
                                71));
    }

    @Test
    void readsUnsupportedFieldsAsUnknownRatherThanZero() {
        List<DeviceInfo> devices =
                NvidiaSmiParser.parse("0, GPU-1, NVIDIA A100-SXM4-80GB, 81920, 81050, [N/A], [Not Supported]\n");

        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.utilizationPercent()).isNull();
            assertThat(device.temperatureC()).isNull();
            assertThat(device.memoryFreeMb()).isEqualTo(81_050);
        });
    }

    @Test
    void skipsLinesItCannotReadAndKeepsTheOthers() {
        List<DeviceInfo> devices = NvidiaSmiParser.parse("""
                NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver
                0, GPU-1, Tesla T4, [N/A], 15000, 0, 40

                1, GPU-2, Tesla T4, 15360, 15000, 3, 41
                """);

        assertThat(devices).extracting(DeviceInfo::uuid).containsExactly("GPU-2");
    }

    @Test
    void keepsACommaInsideTheCardsName() {
        assertThat(NvidiaSmiParser.parse("0, GPU-9, Some Card, Rev 2, 8192, 8000, 1, 30"))
                .singleElement()
                .satisfies(device -> assertThat(device.name()).isEqualTo("Some Card, Rev 2"));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = NvidiaSmiParserTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
