package dev.llmfleet.trainer.lifecycle.retention;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The checkpoints being read now (an evaluation loading and answering from one), which retention
 * must not delete. Registering a reader and retention's decide-and-delete exclude each other, so a
 * checkpoint is never deleted between an evaluation's look at it and its load.
 */
@Component
public class CheckpointReaders {

    private final Map<Path, Integer> reading = new HashMap<>();

    /** Marks {@code folder} as being read until the returned handle is closed. */
    public synchronized Reading reading(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        reading.merge(key, 1, Integer::sum);
        return () -> release(key);
    }

    /** The folders being read now. */
    public synchronized Set<Path> inUse() {
        return Set.copyOf(reading.keySet());
    }

    /** Runs {@code work} while no reader can register. */
    synchronized <T> T excludingNewReaders(Supplier<T> work) {
        return work.get();
    }

    private synchronized void release(Path key) {
        reading.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    /** A registration; closing it ends the read. */
    public interface Reading extends AutoCloseable {
        @Override
        void close();
    }
}
