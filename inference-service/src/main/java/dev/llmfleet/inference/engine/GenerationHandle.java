package dev.llmfleet.inference.engine;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A submitted generation. The engine's loop thread puts events in; the caller's (virtual) thread
 * takes them out, so a slow client never stalls the batch.
 */
public final class GenerationHandle {

    private final BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    private final String modelVersion;
    private final int promptTokens;
    private volatile boolean cancelled;

    GenerationHandle(String modelVersion, int promptTokens) {
        this.modelVersion = modelVersion;
        this.promptTokens = promptTokens;
    }

    /** The version of the model this generation runs on, fixed at submission. */
    public String modelVersion() {
        return modelVersion;
    }

    public int promptTokens() {
        return promptTokens;
    }

    /** The next event, waiting at most {@code timeout}; null when none came in time. */
    public StreamEvent next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits for the end and returns the result, skipping the deltas. */
    public GenerationResult await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            StreamEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            switch (event) {
                case null -> {
                    cancel();
                    throw InferenceException.generationFailed(new IllegalStateException("no result within " + timeout));
                }
                case StreamEvent.Done done -> {
                    return done.result();
                }
                case StreamEvent.Failed failed -> throw failed.error();
                case StreamEvent.Delta ignored -> {}
            }
        }
    }

    /** Asks the engine to stop this generation after the current step (the client went away). */
    public void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    void emit(StreamEvent event) {
        events.add(event);
    }
}
