package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.scheduler.JobKind;
import dev.llmfleet.api.scheduler.JobPriority;
import dev.llmfleet.scheduler.SchedulerProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** What the queue's services share: settings, clock, events and meters. */
@Component
class QueueContext {

    private final SchedulerProperties settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    QueueContext(SchedulerProperties settings, Clock clock, ApplicationEventPublisher events, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.meters = meters;
    }

    SchedulerProperties settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    ApplicationEventPublisher events() {
        return events;
    }

    MeterRegistry meters() {
        return meters;
    }

    void submitted(JobKind kind, JobPriority priority) {
        Counter.builder("fleet.scheduler.jobs.submitted")
                .description("Jobs put on the queue")
                .tag("kind", kind.name().toLowerCase())
                .tag("priority", priority.name().toLowerCase())
                .register(meters)
                .increment();
    }
}
