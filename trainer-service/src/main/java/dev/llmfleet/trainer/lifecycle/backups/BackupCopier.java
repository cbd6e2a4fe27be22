package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.trainer.lifecycle.LifecycleFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Writes one file of a backup; whatever it writes is read back and checked before it counts. */
@Component
class BackupCopier {

    void copy(Path from, Path to) throws IOException {
        LifecycleFiles.copyFile(from, to);
    }
}
