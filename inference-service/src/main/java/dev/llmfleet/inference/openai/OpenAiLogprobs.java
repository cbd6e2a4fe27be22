package dev.llmfleet.inference.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.llmfleet.model.generate.TokenLogprob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Token logprobs in OpenAI's two formats: the chat API's {@code content} list and the completions API's columns. */
final class OpenAiLogprobs {

    private OpenAiLogprobs() {}

    /** {@code choices[].logprobs} of a chat completion (or of one streamed chunk). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Chat(List<Token> content, List<Token> refusal) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Token(String token, double logprob, List<Integer> bytes, List<Alternative> topLogprobs) {}

    record Alternative(String token, double logprob, List<Integer> bytes) {}

    /** {@code choices[].logprobs} of a text completion. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Completion(
            List<String> tokens,
            List<Double> tokenLogprobs,
            List<Map<String, Double>> topLogprobs,
            List<Integer> textOffset) {}

    static Chat chat(List<TokenLogprob> steps) {
        List<Token> content = new ArrayList<>();
        for (TokenLogprob step : steps) {
            List<Alternative> top = new ArrayList<>();
            step.top().forEach(c -> top.add(new Alternative(c.text(), c.logprob(), bytes(c.bytes()))));
            TokenLogprob.Candidate chosen = step.chosen();
            content.add(new Token(chosen.text(), chosen.logprob(), bytes(chosen.bytes()), top));
        }
        return new Chat(content, null);
    }

    /** The completions API's columns; text offsets count from {@code startOffset} (the text already sent). */
    static Completion completion(List<TokenLogprob> steps, int startOffset) {
        List<String> tokens = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        List<Map<String, Double>> top = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int offset = startOffset;
        for (TokenLogprob step : steps) {
            tokens.add(step.chosen().text());
            logprobs.add(step.chosen().logprob());
            Map<String, Double> alternatives = new LinkedHashMap<>();
            step.top().forEach(c -> alternatives.putIfAbsent(c.text(), c.logprob()));
            top.add(alternatives);
            offsets.add(offset);
            offset += step.chosen().text().length();
        }
        return new Completion(tokens, logprobs, top, offsets);
    }

    private static List<Integer> bytes(byte[] bytes) {
        List<Integer> values = new ArrayList<>(bytes.length);
        for (byte b : bytes) {
            values.add(b & 0xFF);
        }
        return values;
    }
}
