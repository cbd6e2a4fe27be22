package dev.llmfleet.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoringTest {

    @Test
    void weighsAccuracyAgainstLossAndAnOverfittingGap() {
        Scoring scoring = new Scoring(1.0, 0.1, 0.1);

        assertThat(scoring.score(0.9, 2.0, 1.0)).isCloseTo(0.9 - 0.2 - 0.1, within(1e-12));
        assertThat(scoring.score(0.9, 2.0, null)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void doesNotRewardOrPunishAValidationLossBelowTheTrainingLoss() {
        Scoring scoring = new Scoring(1.0, 0.1, 0.5);

        assertThat(scoring.score(0.5, 1.0, -0.4)).isEqualTo(scoring.score(0.5, 1.0, 0.0));
    }

    @Test
    void theConfiguredWeightsDecideWhichCandidateWins() {
        // accurate but over-fitting against less accurate with a low loss
        double[] accurate = {0.9, 2.0, 1.0};
        double[] lowLoss = {0.8, 1.0, 0.0};

        Scoring accuracyFirst = new Scoring(1.0, 0.01, 0.0);
        Scoring lossFirst = new Scoring(1.0, 0.5, 0.5);

        assertThat(score(accuracyFirst, accurate)).isGreaterThan(score(accuracyFirst, lowLoss));
        assertThat(score(lossFirst, accurate)).isLessThan(score(lossFirst, lowLoss));
    }

    private static double score(Scoring scoring, double[] candidate) {
        return scoring.score(candidate[0], candidate[1], candidate[2]);
    }
}
