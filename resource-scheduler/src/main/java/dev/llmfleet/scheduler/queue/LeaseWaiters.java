package dev.llmfleet.scheduler.queue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes the long-polls of a host as soon as a lease for it commits. Each host has a generation
 * counter: a poll notes it before reading the database and sleeps only while it is unchanged, so
 * a lease granted between the read and the sleep is never missed.
 */
@Component
class LeaseWaiters {

    private static final class Signal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long generation;
    }

    private final Map<String, Signal> signals = new ConcurrentHashMap<>();

    long generation(String host) {
        Signal signal = signal(host);
        signal.lock.lock();
        try {
            return signal.generation;
        } finally {
            signal.lock.unlock();
        }
    }

    /** Sleeps until the host's generation moves past {@code seen} or {@code nanos} pass. */
    void await(String host, long seen, long nanos) throws InterruptedException {
        Signal signal = signal(host);
        signal.lock.lock();
        try {
            long left = nanos;
            while (signal.generation == seen && left > 0) {
                left = signal.changed.awaitNanos(left);
            }
        } finally {
            signal.lock.unlock();
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onLeaseGranted(LeaseGranted granted) {
        Signal signal = signal(granted.host());
        signal.lock.lock();
        try {
            signal.generation++;
            signal.changed.signalAll();
        } finally {
            signal.lock.unlock();
        }
    }

    private Signal signal(String host) {
        return signals.computeIfAbsent(host, h -> new Signal());
    }
}
