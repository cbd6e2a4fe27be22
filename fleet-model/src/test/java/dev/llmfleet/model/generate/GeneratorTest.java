package dev.llmfleet.model.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.llmfleet.model.CausalLanguageModel;
import dev.llmfleet.model.gpt.GptConfig;
import dev.llmfleet.model.gpt.GptModel;
import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {

    @TempDir
    Path directory;

    @Test
    void cachedAndUncachedGenerationProduceTheSameTokens() {
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(directory);
                CausalLanguageModel model = GptModel.create(GptConfig.tiny(), manager, 11)) {
            // No stop tokens: an untrained model must run the full length for the comparison to mean something.
            Generator generator = new Generator(model, tokenizer);
            int[] prompt = tokenizer.encode("What is 3+4?");

            for (GenerationParams params :
                    List.of(GenerationParams.greedy(24), new GenerationParams(24, 0.8, 0.9, 40, List.of(), 5))) {
                Generation cached = generator.generate(prompt, params, true);
                Generation uncached = generator.generate(prompt, params, false);

                assertThat(cached.tokens()).hasSize(24).containsExactly(uncached.tokens());
            }
        }
    }

    @Test
    void stopsAtStopTokenAndNeverExceedsTheContext() {
        try (NDManager manager = NDManager.newBaseManager();
                FleetTokenizer tokenizer = FleetTokenizer.shipped(directory);
                CausalLanguageModel model = GptModel.create(GptConfig.tiny(), manager, 11)) {
            int[] prompt = tokenizer.encode("x".repeat(60));
            int first = new Generator(model, tokenizer)
                    .generate(prompt, GenerationParams.greedy(1))
                    .tokens()[0];

            Generation stopped = new Generator(model, tokenizer, first).generate(prompt, GenerationParams.greedy(10));
            Generation capped = new Generator(model, tokenizer).generate(prompt, GenerationParams.greedy(10));

            assertThat(stopped.tokens()).isEmpty();
            assertThat(stopped.finishReason()).isEqualTo(Generation.FinishReason.STOP);
            assertThat(capped.tokens()).hasSize(4);
            assertThat(capped.finishReason()).isEqualTo(Generation.FinishReason.LENGTH);
        }
    }
}
