package dev.llmfleet.inference.engine;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One request as the batch loop sees it: its prompt, the tokens generated so far, the token that
 * was sampled but not yet fed back, and when it must stop.
 */
final class Sequence {

    private final int[] prompt;
    private final int budget;
    private final int[] stopTokens;
    private final TokenSampler sampler;
    private final TextStream text;
    private final GenerationHandle handle;
    private final String modelVersion;
    private final Consumer<Sequence> onEnd;
    private final long submittedNanos = System.nanoTime();
    private long firstTokenNanos;
    private int generated;
    private int pendingToken = -1;
    private boolean finished;
    private GenerationResult.FinishReason finishReason;

    Sequence(
            int[] prompt,
            int budget,
            int[] stopTokens,
            SamplingSettings settings,
            TextStream text,
            GenerationHandle handle,
            String modelVersion,
            Consumer<Sequence> onEnd) {
        this.prompt = prompt;
        this.budget = budget;
        this.stopTokens = stopTokens;
        this.sampler = new TokenSampler(settings);
        this.text = text;
        this.handle = handle;
        this.modelVersion = modelVersion;
        this.onEnd = onEnd;
    }

    GenerationHandle handle() {
        return handle;
    }

    int[] prompt() {
        return prompt;
    }

    int pendingToken() {
        return pendingToken;
    }

    /** Tokens of this sequence whose keys and values are in the cache. */
    int cachedLength() {
        return prompt.length + Math.max(0, generated - 1);
    }

    boolean isFinished() {
        return finished;
    }

    int generated() {
        return generated;
    }

    long timeToFirstTokenNanos() {
        return firstTokenNanos - submittedNanos;
    }

    /** Nanoseconds from the first token to now: the decoding part of the request. */
    long decodingNanos() {
        return System.nanoTime() - firstTokenNanos;
    }

    GenerationResult.FinishReason finishReason() {
        return finishReason;
    }

    /** Samples from this row's logits, streams the new text, and finishes when a stop rule says so. */
    void accept(float[] logits, int offset, int vocab) {
        if (handle.isCancelled()) {
            finish(GenerationResult.FinishReason.CANCELLED, text.length());
            return;
        }
        int token = sampler.next(logits, offset, vocab);
        if (generated++ == 0) {
            firstTokenNanos = System.nanoTime();
        }
        pendingToken = token;
        if (Arrays.stream(stopTokens).anyMatch(t -> t == token)) {
            finish(GenerationResult.FinishReason.STOP, text.length());
            return;
        }
        int stopAt = text.add(token);
        if (stopAt >= 0) {
            finish(GenerationResult.FinishReason.STOP, stopAt);
        } else if (generated >= budget) {
            finish(GenerationResult.FinishReason.LENGTH, text.length());
        } else {
            String delta = text.delta();
            if (!delta.isEmpty()) {
                handle.emit(new StreamEvent.Delta(delta));
            }
        }
    }

    void fail(RuntimeException error) {
        if (!finished) {
            finished = true;
            handle.emit(new StreamEvent.Failed(error));
            onEnd.accept(this);
        }
    }

    private void finish(GenerationResult.FinishReason reason, int end) {
        finished = true;
        finishReason = reason;
        String rest = text.finish(end);
        if (!rest.isEmpty()) {
            handle.emit(new StreamEvent.Delta(rest));
        }
        handle.emit(new StreamEvent.Done(
                new GenerationResult(text.text(end), reason, prompt.length, generated, modelVersion)));
        onEnd.accept(this);
    }
}
