package dev.llmfleet.inference.engine;

import dev.llmfleet.model.generate.Continuation;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one thread that runs a model: it takes waiting requests into the batch between steps,
 * prefills them, and decodes every row together. Once retired (a newer model took over) it
 * finishes what it holds, then closes the model.
 */
final class BatchLoop {

    private static final Log log = LogFactory.getLog(BatchLoop.class);

    private final LoadedModel model;
    private final int maxBatchSize;
    private final AtomicInteger waiting;
    private final EngineMetrics metrics;
    private final Consumer<Sequence> onEnd;
    private final LinkedBlockingQueue<Sequence> incoming = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private volatile SupervisedLoop thread;
    private int admitting;
    private boolean retired;
    private boolean exited;

    BatchLoop(
            LoadedModel model,
            int maxBatchSize,
            AtomicInteger waiting,
            EngineMetrics metrics,
            Consumer<Sequence> onEnd) {
        this.model = model;
        this.maxBatchSize = maxBatchSize;
        this.waiting = waiting;
        this.metrics = metrics;
        this.onEnd = onEnd;
    }

    LoadedModel model() {
        return model;
    }

    String version() {
        return model.info().version();
    }

    /** Starts the loop's thread under {@code supervisor}: a crash fails the batch it held, and the loop starts again. */
    void start(LoopSupervisor supervisor) {
        thread = supervisor.start("inference-" + version(), this::run);
    }

    /** Reserves a place for a submission; false once this loop has closed its model. */
    boolean admit() {
        synchronized (lock) {
            if (exited) {
                return false;
            }
            admitting++;
            return true;
        }
    }

    /** Ends a reservation, queueing the sequence unless it was refused (null). */
    void admitted(Sequence sequence) {
        synchronized (lock) {
            admitting--;
            if (sequence != null) {
                incoming.add(sequence);
            }
        }
    }

    /** Stops taking new work once what is queued and running is done, then closes the model. */
    void retire() {
        synchronized (lock) {
            retired = true;
        }
    }

    void awaitExit(long millis) throws InterruptedException {
        thread.join(Duration.ofMillis(millis));
    }

    private void run(SupervisedLoop loop) {
        try (DecodeBatch batch = new DecodeBatch(model.model(), model.model().manager())) {
            while (true) {
                List<Sequence> newcomers = take(batch);
                if (newcomers == null) {
                    close();
                    loop.stop();
                    return;
                }
                try {
                    newcomers.forEach(batch::prefill);
                    if (batch.needsMerge(model.contextLength())) {
                        batch.merge();
                    }
                    if (batch.liveRows() > 0) {
                        metrics.step(version(), batch.size());
                        batch.step();
                    }
                } catch (RuntimeException | Error e) {
                    log.error("Decode step failed on model " + version() + "; failing its requests", e);
                    InferenceException failure = InferenceException.generationFailed(e);
                    newcomers.forEach(s -> s.fail(failure));
                    batch.unfinished().forEach(s -> s.fail(failure));
                    batch.clear();
                    if (e instanceof Error) {
                        throw e; // the native side may be broken: a fresh batch after the supervisor's back-off
                    }
                }
            }
        }
    }

    /** Retired and idle: fails whatever slipped in after the last look, then closes the model. */
    private void close() {
        synchronized (lock) {
            exited = true;
        }
        List<Sequence> stranded = new ArrayList<>();
        incoming.drainTo(stranded);
        waiting.addAndGet(-stranded.size());
        stranded.forEach(s -> s.fail(InferenceException.noModelLoaded()));
        model.close();
        log.info("Model " + version() + " closed after its last request");
    }

    /** Newcomers that fit in the batch (blocking while it is empty); null when retired and idle. */
    private List<Sequence> take(DecodeBatch batch) {
        List<Sequence> newcomers = new ArrayList<>();
        while (batch.liveRows() == 0 && newcomers.isEmpty()) {
            if (batch.size() > 0) {
                batch.clear();
            }
            try {
                Sequence first = incoming.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    newcomers.add(first);
                } else if (idleAndRetired()) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        incoming.drainTo(newcomers, maxBatchSize - batch.liveRows() - newcomers.size());
        waiting.addAndGet(-newcomers.size());
        return newcomers;
    }

    private boolean idleAndRetired() {
        synchronized (lock) {
            if (retired && admitting == 0 && incoming.isEmpty()) {
                exited = true;
            }
            return exited;
        }
    }

    Sequence sequence(int[] prompt, SamplingSettings settings, GenerationHandle handle) {
        int budget = Math.min(settings.maxTokens(), model.contextLength() - prompt.length);
        Continuation continuation = new Continuation(
                model.tokenizer(), model.stopTokens(), settings.resolve(model.defaults(), budget), budget);
        return new Sequence(prompt, continuation, handle, version(), onEnd);
    }
}
