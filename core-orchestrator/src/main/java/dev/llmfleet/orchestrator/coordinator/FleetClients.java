package dev.llmfleet.orchestrator.coordinator;

import dev.llmfleet.api.inference.InferenceClient;
import dev.llmfleet.api.lifecycle.LifecycleClient;
import dev.llmfleet.api.observability.ObservabilityClient;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.api.trainer.TrainerClient;
import dev.llmfleet.starter.registry.FleetHttpClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The other services' clients, reached by name through the registry. Call them through the
 * {@link RequestCoordinator}, never directly.
 */
@Configuration(proxyBeanMethods = false)
class FleetClients {

    static final String TRAINER = "trainer-service";
    static final String SCHEDULER = "resource-scheduler";
    static final String INFERENCE = "inference-service";
    static final String OBSERVABILITY = "observability-hub";

    @Bean
    TrainerClient trainerClient(FleetHttpClients clients) {
        return clients.client(TRAINER, TrainerClient.class);
    }

    @Bean
    LifecycleClient lifecycleClient(FleetHttpClients clients) {
        return clients.client(TRAINER, LifecycleClient.class);
    }

    @Bean
    SchedulerClient schedulerClient(FleetHttpClients clients) {
        return clients.client(SCHEDULER, SchedulerClient.class);
    }

    /** Any UP inference host; per-host calls (deployments) go to each instance's own URL. */
    @Bean
    InferenceClient inferenceClient(FleetHttpClients clients) {
        return clients.client(INFERENCE, InferenceClient.class);
    }

    @Bean
    ObservabilityClient observabilityClient(FleetHttpClients clients) {
        return clients.client(OBSERVABILITY, ObservabilityClient.class);
    }
}
