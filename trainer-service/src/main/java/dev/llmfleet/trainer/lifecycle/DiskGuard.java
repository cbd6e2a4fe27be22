package dev.llmfleet.trainer.lifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Refuses work that would fill a disk past {@code fleet.trainer.lifecycle.disk-watermark}. Every
 * lifecycle operation that writes (consolidation, backups, restores) asks first; training can too.
 */
@Component
public class DiskGuard {

    private final double watermark;

    public DiskGuard(LifecycleProperties properties) {
        this.watermark = properties.diskWatermark();
    }

    /**
     * Throws {@link DiskSpaceException} when writing {@code bytesNeeded} more under {@code where}
     * would take its disk past the watermark.
     */
    public void require(String work, Path where, long bytesNeeded) {
        try {
            Path existing = where.toAbsolutePath();
            while (!Files.exists(existing)) {
                existing = existing.getParent();
            }
            FileStore store = Files.getFileStore(existing);
            long total = store.getTotalSpace();
            long used = total - store.getUsableSpace();
            if (total <= 0 || (double) (used + bytesNeeded) / total > watermark) {
                throw DiskSpaceException.wouldExceed(work, where, bytesNeeded, used, total, watermark);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + where, e);
        }
    }
}
