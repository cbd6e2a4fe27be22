package dev.llmfleet.deploy;

import dev.llmfleet.errorbus.ErrorBusApplication;
import dev.llmfleet.inference.InferenceServiceApplication;
import dev.llmfleet.observability.ObservabilityHubApplication;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import dev.llmfleet.scheduler.ResourceSchedulerApplication;
import dev.llmfleet.security.SecurityGatewayApplication;
import dev.llmfleet.starter.FleetService;
import java.util.List;

/** The seven services of the fleet, in the order the all-in-one fleet starts them. */
public final class FleetServices {

    /** The registry first, then the gateway whose keys everyone checks, then the rest. */
    public static final List<Class<?>> ALL = List.of(
            CoreOrchestratorApplication.class,
            SecurityGatewayApplication.class,
            ErrorBusApplication.class,
            ResourceSchedulerApplication.class,
            ObservabilityHubApplication.class,
            dev.llmfleet.trainer.TrainerServiceApplication.class,
            InferenceServiceApplication.class);

    private FleetServices() {}

    public static FleetService describe(Class<?> application) {
        FleetService service = application.getAnnotation(FleetService.class);
        if (service == null) {
            throw new IllegalArgumentException(application.getName() + " is not a @FleetService");
        }
        return service;
    }

    public static List<String> names() {
        return ALL.stream().map(app -> describe(app).name()).toList();
    }
}
