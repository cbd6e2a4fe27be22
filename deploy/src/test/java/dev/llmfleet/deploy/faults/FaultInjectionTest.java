package dev.llmfleet.deploy.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-safety suite: the trainer is killed with SIGKILL twenty times (at random moments of
 * training, while a checkpoint is written, during an evaluation or a consolidation) and every kill
 * is followed by the invariants' checks. The benchmark {@code FaultInjectionBenchmark} runs the same
 * driver for a hundred kills and more.
 */
class FaultInjectionTest {

    @TempDir
    Path dataDir;

    @Test
    void twentyKillsOfTheTrainerBreakNoPromise() throws Exception {
        FaultReport report = FaultInjection.run(new FaultInjection.Settings(
                dataDir, 20, 20261202L, 120, Duration.ofSeconds(40), Duration.ofMinutes(4), System.out::println));
        System.out.println(report.line());

        assertThat(report.violations()).isEmpty();
        assertThat(report.kills()).isEqualTo(20);
        assertThat(report.restarts()).isEqualTo(20);
        assertThat(report.killsByPoint()).containsKeys(KillPoint.TRAINING, KillPoint.CHECKPOINT_WRITE);
        assertThat(report.deployed()).isTrue();
    }
}
