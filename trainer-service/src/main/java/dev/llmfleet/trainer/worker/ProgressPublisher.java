package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.observability.ObservabilityClient;
import dev.llmfleet.api.observability.RunProgress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * Sends run progress to the observability-hub's run monitor off the training thread. Only the
 * newest report waits to be sent: a slow or absent hub costs the run nothing but stale curves.
 */
@Component
class ProgressPublisher implements AutoCloseable {

    private static final Log log = LogFactory.getLog(ProgressPublisher.class);

    private final ObservabilityClient observability;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1),
            r -> {
                Thread t = new Thread(r, "trainer-progress");
                t.setDaemon(true);
                return t;
            },
            new ThreadPoolExecutor.DiscardOldestPolicy());

    ProgressPublisher(ObservabilityClient observability) {
        this.observability = observability;
    }

    void publish(RunProgress progress) {
        sender.execute(() -> {
            try {
                observability.reportProgress(progress.runId(), progress);
            } catch (RuntimeException e) {
                log.debug("Run progress not delivered to the observability-hub: " + e);
            }
        });
    }

    @Override
    public void close() {
        sender.shutdown();
    }
}
