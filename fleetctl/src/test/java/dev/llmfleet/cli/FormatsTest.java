package dev.llmfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.trainer.RunSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void settingsReadAsOneLineInTheUsualOrderWhateverTheOrderOfTheirKeys() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("seed", 1L);
        settings.put("epochs", 3);
        settings.put("learningRate", 2.5e-5);
        settings.put("method", "full");
        settings.put("lora", Map.of("rank", 8));
        settings.put("base", "scratch");
        settings.put("batchSize", 16);
        settings.put("curriculum", List.of("addition", "subtraction"));

        assertThat(Formats.settings(settings))
                .isEqualTo("base=scratch method=full lr=0.000025 epochs=3 batch=16 seed=1"
                        + " curriculum=addition,subtraction");
    }

    @Test
    void noSettingsAreADash() {
        assertThat(Formats.settings(Map.of())).isEqualTo(Formats.NONE);
        assertThat(Formats.settings((Map<String, ?>) null)).isEqualTo(Formats.NONE);
        assertThat(Formats.settings(RunSettings.defaults())).isEqualTo(Formats.NONE);
    }

    @Test
    void aDatasetsRunSettingsReadLikeAJobsSettings() {
        RunSettings run = new RunSettings(
                "deployed",
                "lora",
                new RunSettings.Lora(8, 16.0, 0.0, List.of("q_proj")),
                0.001,
                "cosine",
                null,
                null,
                200,
                8,
                1,
                256,
                "fp32",
                "Be brief.",
                1L);

        assertThat(Formats.settings(run))
                .isEqualTo("base=deployed method=lora rank=8 alpha=16 lr=0.001 schedule=cosine steps=200 batch=8x1"
                        + " maxLength=256 precision=fp32 seed=1");
    }
}
