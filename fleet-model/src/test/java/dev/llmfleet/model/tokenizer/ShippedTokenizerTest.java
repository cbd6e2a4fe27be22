package dev.llmfleet.model.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedTokenizerTest {

    @TempDir
    Path directory;

    @Test
    void shippedFileIsWhatTheGeneratorProduces() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/dev/llmfleet/model/tokenizer/tokenizer.json")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(ByteLevelTokenizerJson.generate().strip());
        }
    }

    @Test
    void roundTripsAnyTextThroughBytesOffline() {
        try (FleetTokenizer tokenizer = FleetTokenizer.shipped(directory)) {
            String text = "What is 3+4? Grüße, 日本 🙂\n\ttabs";
            int[] ids = tokenizer.encode(text);
            assertThat(java.util.Arrays.stream(ids).boxed().toList()).allMatch(id -> id < 256);
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
        }
    }

    @Test
    void specialTokensAreSingleIdsAfterTheBytes() {
        try (FleetTokenizer tokenizer = FleetTokenizer.shipped(directory)) {
            for (int i = 0; i < SpecialTokens.ALL.size(); i++) {
                assertThat(tokenizer.idOf(SpecialTokens.ALL.get(i))).isEqualTo(256 + i);
            }
            assertThat(tokenizer.encode("<|user|>hi<|end|>")).containsExactly(260, 'h', 'i', 262);
        }
    }
}
