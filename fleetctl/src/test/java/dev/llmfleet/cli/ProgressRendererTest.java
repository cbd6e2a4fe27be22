package dev.llmfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmfleet.api.trainer.TrainerStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressRendererTest {

    @ParameterizedTest
    @CsvSource({
        "0,   100, [..........]",
        "9,   100, [..........]",
        "10,  100, [#.........]",
        "55,  100, [#####.....]",
        "100, 100, [##########]",
        "150, 100, [##########]",
        "5,   0,   [..........]"
    })
    void fillsTheBarInProportionToTheStepsWithoutGoingPastFull(long step, long total, String bar) {
        assertThat(new ProgressRenderer(10, false).bar(step, total)).isEqualTo(bar);
    }

    @Test
    void keepsTheBarAtItsConfiguredWidth() {
        for (int width : new int[] {1, 7, 30, 80}) {
            String line =
                    new ProgressRenderer(width, false).line(TrainerStatuses.training(33, 200, 1.0, null, null, null));

            assertThat(line).startsWith("[").contains("]  33/200");
            assertThat(line.indexOf(']')).as("width " + width).isEqualTo(width + 1);
        }
    }

    @Test
    void refusesABarWithoutWidth() {
        assertThatThrownBy(() -> new ProgressRenderer(0, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "45, 45s", "60, 1m 00s", "65, 1m 05s", "3599, 59m 59s", "3725, 1h 02m", "93600, 1d 02h"})
    void formatsTheEtaAsPeopleReadIt(long seconds, String eta) {
        assertThat(Formats.duration(seconds)).isEqualTo(eta);
    }

    @Test
    void anUnknownEtaIsDashes() {
        assertThat(Formats.duration(null)).isEqualTo("--");
        assertThat(new ProgressRenderer(10, false).line(TrainerStatuses.training(1, 10, null, null, null, null)))
                .endsWith("ETA --")
                .contains("loss -  val -  - tok/s");
    }

    @Test
    void showsStepLossValidationLossSpeedAndEta() {
        String line =
                new ProgressRenderer(20, false).line(TrainerStatuses.training(120, 200, 1.23456, 1.5, 1234.4, 65L));

        assertThat(line)
                .isEqualTo("[############........]  120/200   60%  loss 1.2346  val 1.5000  1,234 tok/s  ETA 1m 05s");
    }

    @Test
    void namesTheStateWhenTheRunIsNotSimplyTraining() {
        String line = new ProgressRenderer(10, false).line(TrainerStatuses.idle(200, 200));

        assertThat(line).contains("200/200  100%").endsWith("IDLE");
    }

    @Test
    void onATerminalRedrawsOneLineInPlaceAndBlanksWhatALongerLineLeft() {
        ProgressRenderer renderer = new ProgressRenderer(10, true);
        TrainerStatus longer = TrainerStatuses.training(5, 10, 1.0, 1.1, 12_345_678.0, 3725L);
        TrainerStatus shorter = TrainerStatuses.training(6, 10, 1.0, 1.1, 1.0, 5L);

        String first = renderer.update(longer);
        String second = renderer.update(shorter);

        assertThat(first).startsWith("\r").doesNotContain("\n");
        assertThat(second).startsWith("\r" + renderer.line(shorter)).doesNotContain("\n");
        assertThat(second).hasSize(first.length()).endsWith(" ");
        assertThat(renderer.finish()).isEqualTo("\n");
    }

    @Test
    void elsewherePrintsOneLinePerChangeAndNothingWhenNothingChanged() {
        ProgressRenderer renderer = new ProgressRenderer(10, false);
        TrainerStatus step5 = TrainerStatuses.training(5, 10, 1.0, 1.1, 100.0, 30L);

        String first = renderer.update(step5);
        String same = renderer.update(step5);
        String next = renderer.update(TrainerStatuses.training(6, 10, 0.9, 1.1, 100.0, 25L));

        assertThat(first).isEqualTo(renderer.line(step5) + "\n").doesNotContain("\r");
        assertThat(same).isEmpty();
        assertThat(next).startsWith("[######....]  6/10").endsWith("\n").doesNotContain("\r");
        assertThat(renderer.finish()).isEmpty();
    }

    @Test
    void finishingBeforeAnyLineWritesNothing() {
        assertThat(new ProgressRenderer(10, true).finish()).isEmpty();
    }
}
