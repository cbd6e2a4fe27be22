package dev.llmfleet.scheduler.vram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.scheduler.Optimizer;
import dev.llmfleet.api.scheduler.Precision;
import dev.llmfleet.api.scheduler.VramEstimateRequest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VramFormulaTest {

    @Test
    void countsSixteenBytesPerParameterForMixedPrecisionAdamBeforeActivations() {
        VramFormula formula = VramFormula.of(run(7_000_000_000L, 1, 1, Precision.BF16, Optimizer.ADAMW, null));

        long perParameter = formula.weightsBytes() + formula.gradientsBytes() + formula.optimizerBytes();
        assertThat(perParameter).isEqualTo(16L * 7_000_000_000L);
    }

    @Test
    void growsLinearlyWithTheBatchThroughTheActivations() {
        VramFormula batch16 = VramFormula.of(run(125_000_000L, 16, 1024, Precision.FP16, Optimizer.ADAMW, null));
        VramFormula batch30 = VramFormula.of(run(125_000_000L, 30, 1024, Precision.FP16, Optimizer.ADAMW, null));

        assertThat(batch30.weightsBytes()).isEqualTo(batch16.weightsBytes());
        assertThat((double) batch30.activationsBytes() / batch16.activationsBytes())
                .isCloseTo(30.0 / 16.0, Offset.offset(0.001));
        assertThat(batch30.totalMb(1024)).isGreaterThan(batch16.totalMb(1024));
    }

    @Test
    void keepsNoGradientsOrOptimizerStateWithoutAnOptimizer() {
        VramFormula inference = VramFormula.of(run(1_000_000_000L, 1, 2048, Precision.FP16, Optimizer.NONE, null));

        assertThat(inference.gradientsBytes()).isZero();
        assertThat(inference.optimizerBytes()).isZero();
        assertThat(inference.weightsMb()).isEqualTo((long) Math.ceil(2_000_000_000L / (1024.0 * 1024.0)));
    }

    @Test
    void trainsOnlyTheAdapterUnderLora() {
        VramFormula lora = VramFormula.of(run(1_000_000_000L, 8, 512, Precision.BF16, Optimizer.ADAMW, 4_000_000L));

        assertThat(lora.gradientsBytes()).isEqualTo(4_000_000L * 2);
        assertThat(lora.optimizerBytes()).isEqualTo(4_000_000L * (8 + 4));
    }

    @Test
    void derivesAGptLikeShapeFromTheParameterCount() {
        VramFormula.Shape shape = VramFormula.Shape.of(7_000_000_000L, null, null);

        assertThat(shape.hidden()).isBetween(4000, 4400);
        assertThat(shape.layers()).isBetween(30, 35);
    }

    private static VramEstimateRequest run(
            long parameters, int batch, int sequence, Precision precision, Optimizer optimizer, Long trainable) {
        return new VramEstimateRequest("m", parameters, batch, sequence, precision, optimizer, trainable, null, null);
    }
}
