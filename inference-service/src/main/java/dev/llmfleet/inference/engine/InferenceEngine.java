package dev.llmfleet.inference.engine;

import dev.llmfleet.api.inference.ModelInfo;
import dev.llmfleet.inference.InferenceProperties;
import dev.llmfleet.model.runtime.NativeRuntime;
import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Serves generations from the current model through a bounded queue and continuous batching.
 *
 * <p>Refuses work with 503 before a model is loaded and with 429 when the queue is full. A swap
 * points new requests at the new model at once; the old model's loop finishes its requests and
 * then closes it.
 */
@Service
public class InferenceEngine implements DisposableBean {

    private final InferenceProperties.Engine settings;
    private final EngineMetrics metrics;
    private final Clock clock;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicReference<BatchLoop> current = new AtomicReference<>();
    private volatile Instant lastCompletion;

    private final LoopSupervisor supervisor;

    @Autowired
    public InferenceEngine(
            InferenceProperties properties, MeterRegistry registry, Clock clock, LoopSupervisor supervisor) {
        this.settings = properties.engine();
        this.metrics = new EngineMetrics(registry, waiting);
        this.clock = clock;
        this.supervisor = supervisor;
        NativeRuntime.start(settings.intraOpThreads(), settings.interOpThreads());
    }

    /** An engine outside a service (benchmarks): its batch loops restart after a crash, reported nowhere. */
    public InferenceEngine(InferenceProperties properties, MeterRegistry registry, Clock clock) {
        this(properties, registry, clock, new LoopSupervisor(() -> null, SupervisedLoop.Backoff.DEFAULT, clock));
    }

    /** Queues a generation on the current model; the handle streams its events. */
    public GenerationHandle submit(GenerationRequest request) {
        while (true) {
            BatchLoop loop = current.get();
            if (loop == null) {
                throw InferenceException.noModelLoaded();
            }
            if (!loop.admit()) {
                continue; // swapped out and closed between the read and the admission: use the new one
            }
            Sequence sequence = null;
            try {
                sequence = admit(loop, request);
                return sequence.handle();
            } finally {
                loop.admitted(sequence);
            }
        }
    }

    private Sequence admit(BatchLoop loop, GenerationRequest request) {
        int[] prompt = loop.model().encode(request.prompt());
        int context = loop.model().contextLength();
        if (prompt.length >= context) {
            throw InferenceException.promptTooLong(prompt.length, context);
        }
        if (waiting.incrementAndGet() > settings.queueCapacity()) {
            waiting.decrementAndGet();
            metrics.rejected(loop.version());
            throw InferenceException.queueFull(settings.queueCapacity());
        }
        GenerationHandle handle = new GenerationHandle(loop.version(), prompt.length);
        return loop.sequence(prompt, request.sampling(), handle);
    }

    /** Makes {@code next} the model new requests go to; returns what was served before. */
    public synchronized Optional<ModelInfo> swap(LoadedModel next) {
        BatchLoop loop = new BatchLoop(next, settings.maxBatchSize(), waiting, metrics, this::ended);
        loop.start(supervisor);
        BatchLoop previous = current.getAndSet(loop);
        if (previous == null) {
            return Optional.empty();
        }
        previous.retire();
        return Optional.of(previous.model().info());
    }

    public Optional<ModelInfo> currentModel() {
        return Optional.ofNullable(current.get()).map(loop -> loop.model().info());
    }

    /** When a generation last finished normally, on any model. */
    public Optional<Instant> lastCompletion() {
        return Optional.ofNullable(lastCompletion);
    }

    public int queueDepth() {
        return waiting.get();
    }

    private void ended(Sequence sequence) {
        String version = sequence.handle().modelVersion();
        metrics.ended(sequence, version);
        if (sequence.finishReason() == GenerationResult.FinishReason.STOP
                || sequence.finishReason() == GenerationResult.FinishReason.LENGTH) {
            lastCompletion = clock.instant();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        BatchLoop loop = current.getAndSet(null);
        if (loop != null) {
            loop.retire();
            loop.awaitExit(10_000);
        }
    }
}
