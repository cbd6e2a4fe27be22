package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What {@code --demo} and {@code --demo --base DIR} hand the services. */
class DemoModeArgumentsTest {

    @Test
    void theDemoTrainsTheTinyModelWithItsOwnSettingsUnlessTheCommandLineGivesOthers() {
        String[] args = DemoMode.arguments(new String[] {"--demo", "--fleet.trainer.training.max-steps=50"});

        assertThat(args)
                .contains("--fleet.trainer.training.max-steps=50", "--fleet.trainer.training.batch-size=32")
                .doesNotContain("--demo", "--fleet.trainer.training.max-steps=3000")
                .noneMatch(a -> a.startsWith("--fleet.trainer.training.method="));
        assertThat(DemoMode.base(new String[] {"--demo"})).isEmpty();
    }

    @Test
    void aBaseFolderBecomesImportableAndItsRunsAreLoraWithSmallBatches() {
        String[] given = {"--demo", "--base", "models/Qwen3-0.6B", "--fleet.trainer.training.batch-size=2"};

        String[] args = DemoMode.arguments(given);

        Path folder = Path.of("models/Qwen3-0.6B").toAbsolutePath().normalize();
        assertThat(DemoMode.base(given)).contains(folder);
        assertThat(DemoMode.base(new String[] {"--demo", "--base=/srv/m/Qwen3"}))
                .contains(Path.of("/srv/m/Qwen3"));
        assertThat(args)
                .contains(
                        "--fleet.trainer.lifecycle.import-roots=" + folder.getParent(),
                        "--fleet.trainer.training.method=lora",
                        "--fleet.trainer.training.batch-size=2",
                        "--fleet.trainer.training.max-steps=100")
                .doesNotContain("--demo", "--base", "models/Qwen3-0.6B", "--fleet.trainer.training.batch-size=4");
    }
}
