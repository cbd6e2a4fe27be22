package dev.llmfleet.inference.engine;

import dev.llmfleet.model.generate.Continuation;
import dev.llmfleet.model.generate.Generation;
import java.util.function.Consumer;

/**
 * One request as the batch loop sees it: its prompt, its {@link Continuation} (sampling and stop
 * rules, shared with every other generation in the fleet), the token that was sampled but not yet
 * fed back, and the timings its metrics need.
 */
final class Sequence {

    private final int[] prompt;
    private final Continuation continuation;
    private final GenerationHandle handle;
    private final String modelVersion;
    private final Consumer<Sequence> onEnd;
    private final long submittedNanos = System.nanoTime();
    private long firstTokenNanos;
    private int pendingToken = -1;
    private boolean failed;

    Sequence(
            int[] prompt,
            Continuation continuation,
            GenerationHandle handle,
            String modelVersion,
            Consumer<Sequence> onEnd) {
        this.prompt = prompt;
        this.continuation = continuation;
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

    boolean isFinished() {
        return failed || continuation.isFinished();
    }

    int generated() {
        return continuation.generated();
    }

    long timeToFirstTokenNanos() {
        return firstTokenNanos - submittedNanos;
    }

    /** Nanoseconds from the first token to now: the decoding part of the request. */
    long decodingNanos() {
        return System.nanoTime() - firstTokenNanos;
    }

    /** Why it ended; null while running or when it failed. */
    GenerationResult.FinishReason finishReason() {
        Generation.FinishReason reason = continuation.finishReason();
        return reason == null || failed ? null : GenerationResult.FinishReason.valueOf(reason.name());
    }

    /** Samples from this row's logits, streams the new text, and finishes when a stop rule says so. */
    void accept(float[] logits, int offset, int vocab) {
        if (handle.isCancelled()) {
            continuation.cancel();
            end();
            return;
        }
        Continuation.Step step = continuation.accept(logits, offset, vocab);
        if (continuation.generated() == 1) {
            firstTokenNanos = System.nanoTime();
        }
        pendingToken = step.token();
        if (!step.delta().isEmpty() || !step.logprobs().isEmpty()) {
            handle.emit(new StreamEvent.Delta(step.delta(), step.logprobs()));
        }
        if (step.finished()) {
            end();
        }
    }

    void fail(RuntimeException error) {
        if (!isFinished()) {
            failed = true;
            handle.emit(new StreamEvent.Failed(error));
            onEnd.accept(this);
        }
    }

    private void end() {
        Generation generation = continuation.result();
        handle.emit(new StreamEvent.Done(new GenerationResult(
                generation.text(),
                finishReason(),
                prompt.length,
                continuation.generated(),
                modelVersion,
                generation.logprobs())));
        onEnd.accept(this);
    }
}
