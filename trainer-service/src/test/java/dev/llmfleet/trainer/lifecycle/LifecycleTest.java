package dev.llmfleet.trainer.lifecycle;

import dev.llmfleet.trainer.lifecycle.backups.BackupFaults;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One Spring context for every lifecycle test (same properties, same faults), on the real
 * PostgreSQL and a data folder under {@code target/}; the trainer's worker, inbox and device
 * reporter are off. Tests start from nothing through {@link LifecycleFixtures#reset}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.security.enabled=false",
            "fleet.trainer.worker.enabled=false",
            "fleet.trainer.inbox.enabled=false",
            "fleet.trainer.device.report-enabled=false",
            "fleet.data-dir=" + LifecycleFixtures.DATA_DIR,
            "fleet.trainer.lifecycle.second-backup-location=" + LifecycleFixtures.SECOND_BACKUPS
        })
@Import({BackupFaults.class, ConsolidationFaults.class})
public @interface LifecycleTest {}
