package dev.llmfleet.starter.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One long-lived loop of a service on a thread of its own. Whatever it throws, an {@link Error}
 * such as an {@code UnsatisfiedLinkError} or an {@code OutOfMemoryError} included, is logged,
 * reported, and the body starts again after a back-off that doubles up to a ceiling (and starts
 * from the floor again once the body has run a while without failing). While the body is not
 * running the loop is down, which the service's readiness shows.
 */
public final class SupervisedLoop {

    private static final Log log = LogFactory.getLog(SupervisedLoop.class);

    /** What a loop is doing now. */
    public enum State {
        RUNNING,
        RESTARTING,
        STOPPED
    }

    /** A loop's state for readiness and the twin: how often it crashed and why it last did. */
    public record Status(String name, State state, int crashes, String lastFailure, Instant lastFailureAt) {}

    private final String name;
    private final LoopBody body;
    private final Backoff backoff;
    private final BiConsumer<SupervisedLoop, Throwable> onCrash;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile State state = State.RUNNING;
    private volatile int crashes;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    SupervisedLoop(
            String name,
            boolean virtual,
            LoopBody body,
            Backoff backoff,
            BiConsumer<SupervisedLoop, Throwable> onCrash,
            Clock clock) {
        this.name = name;
        this.body = body;
        this.backoff = backoff;
        this.onCrash = onCrash;
        this.clock = clock;
        Thread.Builder builder = virtual
                ? Thread.ofVirtual().name(name)
                : Thread.ofPlatform().name(name).daemon();
        this.thread = builder.unstarted(this::supervise);
    }

    void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    /** True once {@link #stop} was asked: the body should finish what it does and return. */
    public boolean stopping() {
        return stopping;
    }

    /** Asks the body to return; it is not interrupted (a body that must be cut short interrupts itself). */
    public void stop() {
        stopping = true;
    }

    /** Interrupts the loop's thread, to cut a blocking wait short. */
    public void interrupt() {
        thread.interrupt();
    }

    /** Waits for the thread to end; true when it did. */
    public boolean join(Duration timeout) throws InterruptedException {
        return thread.join(timeout);
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    public Status status() {
        return new Status(name, state, crashes, lastFailure, lastFailureAt);
    }

    private void supervise() {
        Duration delay = backoff.floor();
        while (!stopping) {
            Instant started = clock.instant();
            state = State.RUNNING;
            Throwable failure = null;
            try {
                body.run(this);
            } catch (InterruptedException e) {
                if (stopping) {
                    break;
                }
                failure = e;
            } catch (Throwable e) {
                failure = e;
            }
            if (stopping) {
                break;
            }
            if (failure == null) {
                failure = new IllegalStateException("the loop returned while the service still runs");
            }
            state = State.RESTARTING;
            crashes++;
            lastFailure = failure.getClass().getName() + ": " + failure.getMessage();
            lastFailureAt = clock.instant();
            if (Duration.between(started, lastFailureAt).compareTo(backoff.healthyAfter()) >= 0) {
                delay = backoff.floor();
            }
            log.error("Loop " + name + " died (crash " + crashes + "); restarting in " + delay, failure);
            try {
                onCrash.accept(this, failure);
            } catch (Throwable reportFailed) {
                log.warn("Could not report the crash of " + name + ": " + reportFailed);
            }
            if (!sleep(delay)) {
                break;
            }
            delay = backoff.next(delay);
        }
        state = State.STOPPED;
    }

    private boolean sleep(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        try {
            while (!stopping) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Duration.ofNanos(Math.min(left, 100_000_000L)));
            }
        } catch (InterruptedException e) {
            // a stop cuts the back-off short; otherwise the restart comes now
            return !stopping;
        }
        return false;
    }

    /** Back-off between restarts: from {@code floor}, doubling to {@code ceiling}; back to the floor after a healthy run. */
    public record Backoff(Duration floor, Duration ceiling, Duration healthyAfter) {

        public static final Backoff DEFAULT =
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(5));

        Duration next(Duration current) {
            Duration doubled = current.multipliedBy(2);
            return doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
        }
    }
}
