package dev.llmfleet.orchestrator.twin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reads the parts of one twin at the same time, each on its own virtual thread. A part that
 * fails reads as null and is named in {@link #unavailable()}: one service down never hides the rest.
 */
final class PartReader implements AutoCloseable {

    private static final Log log = LogFactory.getLog(PartReader.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> unavailable = Collections.synchronizedList(new ArrayList<>());

    <T> Future<T> read(String part, Callable<T> reading) {
        return executor.submit(() -> {
            try {
                return reading.call();
            } catch (Exception e) {
                unavailable.add(part);
                log.debug("Twin part " + part + " is unavailable: " + e.getMessage());
                return null;
            }
        });
    }

    /** Marks a part unavailable that was read some other way. */
    void unavailable(String part) {
        unavailable.add(part);
    }

    static <T> T await(Future<T> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the twin", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A twin part failed outside its guard", e.getCause());
        }
    }

    List<String> unavailable() {
        synchronized (unavailable) {
            return unavailable.stream().sorted().toList();
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}
