package dev.llmfleet.trainer.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.error.FleetException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskGuardTest {

    @TempDir
    Path folder;

    @Test
    void allowsWorkThatStaysUnderTheWatermark() {
        assertThatCode(() -> guard(1.0).require("backup", folder, 1024)).doesNotThrowAnyException();
    }

    @Test
    void refusesWorkThatWouldFillTheDiskPastTheWatermarkWithAClearError() throws IOException {
        FileStore store = Files.getFileStore(folder);
        double usedNow = (double) (store.getTotalSpace() - store.getUsableSpace()) / store.getTotalSpace();
        // A watermark a little above today's use: asking for more than the gap must be refused.
        double watermark = Math.min(1.0, usedNow + 0.001);
        long needed = store.getTotalSpace() / 100;

        assertThatThrownBy(() -> guard(watermark).require("consolidation", folder.resolve("not/yet/there"), needed))
                .isInstanceOf(DiskSpaceException.class)
                .hasMessageContaining("refusing consolidation")
                .hasMessageContaining("watermark")
                .satisfies(e ->
                        assertThat(((FleetException) e).kind()).isEqualTo(FleetException.Kind.INSUFFICIENT_STORAGE));
    }

    private static DiskGuard guard(double watermark) {
        return new DiskGuard(new LifecycleProperties(
                null,
                java.time.Duration.ofDays(30),
                3,
                true,
                java.time.Duration.ofHours(1),
                watermark,
                "hi",
                java.util.List.of()));
    }
}
