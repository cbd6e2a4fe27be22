package dev.llmfleet.trainer.lifecycle.backups;

import dev.llmfleet.model.checkpoint.ModelFiles;
import dev.llmfleet.trainer.lifecycle.LifecycleFixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A backup copier that can damage the next copy of the weights by one byte, as a failing disk would. */
@TestConfiguration(proxyBeanMethods = false)
public class BackupFaults {

    @Bean
    @Primary
    CorruptingCopier corruptingBackupCopier() {
        return new CorruptingCopier();
    }

    public static final class CorruptingCopier extends BackupCopier {
        private volatile boolean corruptNext;

        public void corruptNextWeightsCopy() {
            corruptNext = true;
        }

        public void reset() {
            corruptNext = false;
        }

        @Override
        void copy(Path from, Path to) throws IOException {
            super.copy(from, to);
            if (corruptNext && to.getFileName().toString().equals(ModelFiles.WEIGHTS)) {
                corruptNext = false;
                LifecycleFixtures.corruptOneByte(to);
            }
        }
    }
}
