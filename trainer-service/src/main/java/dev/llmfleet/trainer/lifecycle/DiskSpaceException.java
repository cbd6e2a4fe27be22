package dev.llmfleet.trainer.lifecycle;

import dev.llmfleet.api.error.FleetException;
import java.nio.file.Path;

/** Work refused because it would fill a disk past the configured watermark. */
public final class DiskSpaceException extends FleetException {

    private DiskSpaceException(String message) {
        super(Kind.INSUFFICIENT_STORAGE, "disk-watermark", message);
    }

    static DiskSpaceException wouldExceed(
            String work, Path where, long needed, long used, long total, double watermark) {
        return new DiskSpaceException(String.format(
                "refusing %s: it needs %d MB on the disk of %s, which would fill it to %.1f%% (%d of %d MB used now); "
                        + "the watermark is %.1f%%. Free space (delete old versions, backups or checkpoints) or raise "
                        + "fleet.trainer.lifecycle.disk-watermark",
                work, mb(needed), where, 100.0 * (used + needed) / total, mb(used), mb(total), 100.0 * watermark));
    }

    private static long mb(long bytes) {
        return Math.ceilDiv(bytes, 1024 * 1024);
    }
}
