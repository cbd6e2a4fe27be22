package dev.llmfleet.trainer.worker;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.api.scheduler.JobResponse;
import dev.llmfleet.api.scheduler.JobState;
import dev.llmfleet.api.scheduler.Lease;
import dev.llmfleet.api.scheduler.SchedulerClient;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A {@link SchedulerClient} for unit tests: the calls named are answered by their handlers, any other fails. */
final class ScriptedScheduler {

    private ScriptedScheduler() {}

    static SchedulerClient answering(Map<String, Function<Object[], Object>> answers) {
        return (SchedulerClient) Proxy.newProxyInstance(
                SchedulerClient.class.getClassLoader(),
                new Class<?>[] {SchedulerClient.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "scripted scheduler";
                        };
                    }
                    Function<Object[], Object> answer = answers.get(method.getName());
                    if (answer == null) {
                        throw new UnsupportedOperationException("not scripted: " + method.getName());
                    }
                    return answer.apply(args);
                });
    }

    /** A TRAINING lease on {@code localhost/cpu-0}, renewed every {@code heartbeatIntervalMs}. */
    static Lease lease(long heartbeatIntervalMs) {
        UUID leaseId = UUID.randomUUID();
        JobResponse job = job(UUID.randomUUID(), JobState.LEASED);
        return new Lease(leaseId, job.id(), "localhost", "cpu-0", 1, job.leaseExpiresAt(), heartbeatIntervalMs, job);
    }

    static JobResponse job(UUID id, JobState state) {
        Instant now = Instant.now();
        return new JobResponse(
                id,
                JobKind.TRAINING,
                JobPriority.NORMAL,
                state,
                0,
                "sha256:feed",
                "gpt-tiny",
                64,
                "trainer-service",
                null,
                null,
                1,
                3,
                null,
                "localhost",
                "cpu-0",
                now.plusSeconds(60),
                false,
                null,
                null,
                null,
                now,
                now,
                null);
    }
}
