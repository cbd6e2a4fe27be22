package dev.llmfleet.deploy.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting in the driver: it runs outside tests (the benchmark), so without Awaitility. */
final class Poll {

    private Poll() {}

    /** The first non-empty answer of {@code probe}, asked every {@code every} until {@code limit}; empty when none came. */
    static <T> Optional<T> until(Duration limit, Duration every, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            Optional<T> answer;
            try {
                answer = probe.get();
            } catch (RuntimeException notNow) {
                answer = Optional.empty(); // a service restarting or not yet registered: ask again
            }
            if (answer.isPresent()) {
                return answer;
            }
            pause(every);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
