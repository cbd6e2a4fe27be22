package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.orchestrator.MutableClock;
import dev.llmfleet.orchestrator.deployment.Deployments;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The fleet around the orchestrator, faked in memory, and a clock tests move. Static, so that an
 * orchestrator started again in the same test (a restart) finds the same fleet.
 */
@TestConfiguration(proxyBeanMethods = false)
class PipelineTestBeans {

    static final FakeScheduler SCHEDULER = new FakeScheduler();
    static final FakeTrainer TRAINER = new FakeTrainer(SCHEDULER);
    static final FakeLifecycle LIFECYCLE = new FakeLifecycle();
    static final FakeDeployments DEPLOYMENTS = new FakeDeployments();
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    static void reset() {
        SCHEDULER.reset();
        TRAINER.reset();
        LIFECYCLE.reset();
        DEPLOYMENTS.reset();
    }

    @Bean
    @Primary
    SchedulerClient fakeScheduler() {
        return SCHEDULER;
    }

    @Bean
    @Primary
    TrainerClient fakeTrainer() {
        return TRAINER;
    }

    @Bean
    @Primary
    LifecycleClient fakeLifecycle() {
        return LIFECYCLE;
    }

    @Bean
    @Primary
    Deployments fakeDeployments() {
        return DEPLOYMENTS;
    }

    @Bean
    @Primary
    Clock testClock() {
        return CLOCK;
    }
}
