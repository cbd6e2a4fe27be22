package dev.llmfleet.starter.supervision;

import dev.llmfleet.api.errorbus.Severity;
import dev.llmfleet.starter.errors.ErrorReporter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Starts a service's long-lived loops ({@link SupervisedLoop}) and answers for them as the
 * actuator's {@code workers} component, which is part of the readiness group: DOWN while any loop
 * is restarting after a crash. Each crash goes to the error bus as {@code worker-crashed}.
 */
public final class LoopSupervisor implements HealthIndicator {

    public static final String CRASH_CODE = "worker-crashed";

    private final List<SupervisedLoop> loops = new CopyOnWriteArrayList<>();
    private final Supplier<@Nullable ErrorReporter> reporter;
    private final SupervisedLoop.Backoff backoff;
    private final Clock clock;

    public LoopSupervisor(Supplier<@Nullable ErrorReporter> reporter, SupervisedLoop.Backoff backoff, Clock clock) {
        this.reporter = reporter;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Starts {@code body} on a platform thread called {@code name}. */
    public SupervisedLoop start(String name, LoopBody body) {
        return start(name, false, body);
    }

    /** Starts {@code body} on a thread called {@code name}, virtual or not. */
    public SupervisedLoop start(String name, boolean virtual, LoopBody body) {
        SupervisedLoop loop = new SupervisedLoop(name, virtual, body, backoff, this::reportCrash, clock);
        loops.removeIf(old -> !old.isAlive());
        loops.add(loop);
        loop.start();
        return loop;
    }

    public List<SupervisedLoop.Status> statuses() {
        return loops.stream().map(SupervisedLoop::status).toList();
    }

    /** The names of loops restarting after a crash; empty when all run (or have stopped on request). */
    public List<String> down() {
        return statuses().stream()
                .filter(s -> s.state() == SupervisedLoop.State.RESTARTING)
                .map(SupervisedLoop.Status::name)
                .toList();
    }

    @Override
    public Health health() {
        Health.Builder health = down().isEmpty() ? Health.up() : Health.down();
        for (SupervisedLoop.Status status : statuses()) {
            health.withDetail(status.name(), status);
        }
        return health.build();
    }

    private void reportCrash(SupervisedLoop loop, Throwable failure) {
        ErrorReporter errors = reporter.get();
        if (errors != null) {
            errors.report(
                    Severity.ERROR,
                    CRASH_CODE,
                    loop.name() + " died and restarts: " + failure.getClass().getSimpleName() + ": "
                            + failure.getMessage(),
                    failure,
                    null);
        }
    }
}
