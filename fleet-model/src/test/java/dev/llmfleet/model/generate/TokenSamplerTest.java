package dev.llmfleet.model.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSamplerTest {

    private static final float[] LOGITS = {0f, 5f, 4.9f, 1f, -3f};

    @Test
    void greedyPicksTheLargestLogit() {
        assertThat(new TokenSampler(GenerationParams.greedy(1)).next(LOGITS)).isEqualTo(1);
    }

    @Test
    void topKKeepsOnlyTheKMostLikely() {
        TokenSampler sampler = new TokenSampler(new GenerationParams(1, 5.0, 1.0, 2, List.of(), 3));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(sampler.next(LOGITS));
        }
        assertThat(seen).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void smallTopPKeepsOnlyTheMostLikely() {
        TokenSampler sampler = new TokenSampler(new GenerationParams(1, 1.0, 0.01, 0, List.of(), 3));
        for (int i = 0; i < 50; i++) {
            assertThat(sampler.next(LOGITS)).isEqualTo(1);
        }
    }

    @Test
    void sameSeedSamplesTheSameSequence() {
        GenerationParams params = new GenerationParams(1, 1.0, 1.0, 0, List.of(), 42);
        TokenSampler first = new TokenSampler(params);
        TokenSampler second = new TokenSampler(params);
        for (int i = 0; i < 20; i++) {
            assertThat(first.next(LOGITS)).isEqualTo(second.next(LOGITS));
        }
    }
}
