package dev.llmfleet.errorbus.ingest;

import dev.llmfleet.starter.supervision.LoopSupervisor;
import dev.llmfleet.starter.supervision.SupervisedLoop;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A consumer's thread: polls until stopped, backs off after a failure (the bus or the database
 * away) and goes on. Anything worse (an {@link Error}) ends the pass; the supervisor reports it and
 * starts the loop again.
 */
abstract class ConsumerLoop implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(ConsumerLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final LoopSupervisor supervisor;
    private volatile boolean running;
    private SupervisedLoop thread;

    ConsumerLoop(String name, LoopSupervisor supervisor) {
        this.name = name;
        this.supervisor = supervisor;
    }

    /** Takes and handles one batch; true when more is probably waiting. */
    protected abstract boolean poll() throws Exception;

    /** Waits when the last poll found nothing (pulls that wait on the server need not). */
    protected void idle() throws InterruptedException {}

    protected void onFailure(Exception e) {}

    private void run(SupervisedLoop loop) {
        Duration backoff = Duration.ZERO;
        boolean failing = false;
        while (running && !loop.stopping()) {
            try {
                if (!poll()) {
                    idle();
                }
                if (failing) {
                    log.info(name + " consumes again");
                }
                failing = false;
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!failing) {
                    log.warn(name + " failed; retrying with backoff: " + e);
                }
                failing = true;
                onFailure(e);
                backoff = backoff.isZero() ? Duration.ofMillis(100) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        running = true;
        thread = supervisor.start(name, this::run);
    }

    @Override
    public void stop() {
        running = false;
        SupervisedLoop current = thread;
        if (current != null) {
            current.stop();
            try {
                current.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (current.isAlive()) {
                current.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
