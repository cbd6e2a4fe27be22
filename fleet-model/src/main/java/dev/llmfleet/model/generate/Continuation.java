package dev.llmfleet.model.generate;

import dev.llmfleet.model.tokenizer.FleetTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One generation's decoding state: the sampler, the stop rules and the text so far. Everything that
 * generates (serving, evaluation, the version self-test) feeds each step's logits through
 * {@link #accept}, so all of them pick tokens and stop the same way: at a stop token (not part of
 * the text), at a stop sequence (the text ends before it), or when the token budget is spent.
 */
public final class Continuation {

    private final FleetTokenizer tokenizer;
    private final int[] stopTokens;
    private final GenerationParams params;
    private final int budget;
    private final TokenSampler sampler;
    private final TextStream text;
    private final List<TokenLogprob> logprobs = new ArrayList<>();
    private int pendingLogprobs;
    private int[] tokens = new int[16];
    private int count;
    private Generation.FinishReason finishReason;
    private boolean stoppedByToken;
    private int end;

    /** What one step produced: the token, the text now safe to show, and the logprobs that go with it. */
    public record Step(int token, String delta, List<TokenLogprob> logprobs, boolean finished) {}

    /**
     * @param budget the most tokens to generate: the request's limit, already capped by the room
     *     the context leaves after the prompt
     */
    public Continuation(FleetTokenizer tokenizer, int[] stopTokens, GenerationParams params, int budget) {
        this.tokenizer = tokenizer;
        this.stopTokens = stopTokens.clone();
        this.params = params;
        this.budget = budget;
        this.sampler = new TokenSampler(params);
        this.text = new TextStream(tokenizer, params.stopSequences());
        if (budget < 1) {
            finish(Generation.FinishReason.LENGTH, 0);
        }
    }

    /** Picks the next token from the row {@code logits[offset, offset + vocab)} and applies the stop rules. */
    public Step accept(float[] logits, int offset, int vocab) {
        if (isFinished()) {
            throw new IllegalStateException("the generation has finished");
        }
        int token = sampler.next(logits, offset, vocab);
        append(token);
        if (Arrays.stream(stopTokens).anyMatch(t -> t == token)) {
            stoppedByToken = true;
            return step(token, finish(Generation.FinishReason.STOP, text.length()));
        }
        if (params.wantsLogprobs()) {
            logprobs.add(Logprobs.of(logits, offset, vocab, token, params.logprobs(), tokenizer));
        }
        int stopAt = text.add(token);
        if (stopAt >= 0) {
            return step(token, finish(Generation.FinishReason.STOP, stopAt));
        }
        if (count >= budget) {
            return step(token, finish(Generation.FinishReason.LENGTH, text.length()));
        }
        return step(token, text.delta());
    }

    /** Ends the generation early (the client went away); the text is what was shown so far. */
    public void cancel() {
        if (!isFinished()) {
            finish(Generation.FinishReason.CANCELLED, text.length());
        }
    }

    public boolean isFinished() {
        return finishReason != null;
    }

    /** Why it ended; null while it runs. */
    public Generation.FinishReason finishReason() {
        return finishReason;
    }

    /** Tokens generated so far, a stop token included (what usage counts). */
    public int generated() {
        return count;
    }

    /** The whole result, once finished; its tokens leave out the stop token that ended it. */
    public Generation result() {
        if (!isFinished()) {
            throw new IllegalStateException("the generation is still running");
        }
        int content = stoppedByToken ? count - 1 : count;
        return new Generation(Arrays.copyOf(tokens, content), text.text(end), finishReason, List.copyOf(logprobs));
    }

    private Step step(int token, String delta) {
        List<TokenLogprob> fresh = List.of();
        // Logprobs travel with the text they produced: held back as long as that text is.
        if (!delta.isEmpty() || isFinished()) {
            fresh = List.copyOf(logprobs.subList(pendingLogprobs, logprobs.size()));
            pendingLogprobs = logprobs.size();
        }
        return new Step(token, delta, fresh, isFinished());
    }

    private String finish(Generation.FinishReason reason, int textEnd) {
        finishReason = reason;
        end = Math.max(0, textEnd);
        return text.finish(end);
    }

    private void append(int token) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        tokens[count++] = token;
    }
}
