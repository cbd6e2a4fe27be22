package dev.llmfleet.observability.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.observability.Anomaly;
import dev.llmfleet.api.observability.AnomalyKind;
import dev.llmfleet.observability.TestProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    final AnomalyDetector detector =
            new AnomalyDetector(TestProperties.with(Map.of()).anomaly());
    final Instant at = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void flagsAnInjectedSpikeAndNotTheNoiseAroundIt() {
        Random random = new Random(42);
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double value = 70 + random.nextGaussian() * 1.5; // a GPU at about 70 °C
            if (i == 300) {
                value = 95;
            }
            if (detector.observe(AnomalyKind.GPU_TEMPERATURE, "trainer/0", value, at)
                    .isPresent()) {
                flagged.add(i);
            }
        }

        assertThat(flagged).containsExactly(300);
    }

    @Test
    void judgesNothingDuringTheWarmUp() {
        for (int i = 0; i < 19; i++) {
            assertThat(detector.observe(AnomalyKind.THROUGHPUT, "run-1", i % 2 == 0 ? 100 : 5000, at))
                    .isEmpty();
        }
    }

    @Test
    void flagsALossThatGoesNanAtOnce() {
        detector.observe(AnomalyKind.LOSS, "run-1", 2.5, at);

        Optional<Anomaly> nan = detector.observe(AnomalyKind.LOSS, "run-1", Double.NaN, at);

        assertThat(nan).hasValueSatisfying(a -> {
            assertThat(a.reason()).isEqualTo("not-a-number");
            assertThat(a.series()).isEqualTo("LOSS:run-1");
        });
    }

    @Test
    void flagsALossThatJumpsAtOnceEvenDuringTheWarmUp() {
        detector.observe(AnomalyKind.LOSS, "run-1", 2.5, at);
        detector.observe(AnomalyKind.LOSS, "run-1", 2.4, at);

        assertThat(detector.observe(AnomalyKind.LOSS, "run-1", 2.3, at)).isEmpty();
        assertThat(detector.observe(AnomalyKind.LOSS, "run-1", 7.0, at))
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("jump"));
    }

    @Test
    void aSlowlyFallingLossIsNotAnAnomaly() {
        Random random = new Random(7);
        double loss = 4.0;
        for (int step = 0; step < 1000; step++) {
            loss *= 0.998;
            double noisy = loss * (1 + random.nextGaussian() * 0.01);
            assertThat(detector.observe(AnomalyKind.LOSS, "run-2", noisy, at))
                    .as("step " + step)
                    .isEmpty();
        }
    }

    @Test
    void acceptsANewLevelAfterItPersists() {
        for (int i = 0; i < 100; i++) {
            detector.observe(AnomalyKind.ERROR_RATE, "error", 1 + (i % 3) * 0.1, at);
        }
        int flagged = 0;
        for (int i = 0; i < 100; i++) {
            if (detector.observe(AnomalyKind.ERROR_RATE, "error", 10 + (i % 3) * 0.1, at)
                    .isPresent()) {
                flagged++;
            }
        }

        assertThat(flagged).isBetween(1, 25);
    }
}
