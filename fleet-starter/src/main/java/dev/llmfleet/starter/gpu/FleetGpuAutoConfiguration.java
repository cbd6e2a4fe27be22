package dev.llmfleet.starter.gpu;

import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.starter.config.FleetStarterAutoConfiguration;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Gives training and inference hosts a {@link DeviceReporter}: their GPUs (or CPU) reported to
 * the resource-scheduler on a heartbeat. Control services (the host role {@code control}, the
 * default) get none.
 */
@AutoConfiguration(after = FleetStarterAutoConfiguration.class)
@Conditional(FleetGpuAutoConfiguration.OnWorkerHost.class)
@ConditionalOnProperty(name = "fleet.gpu.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({FleetGpuProperties.class, FleetStarterProperties.class})
public class FleetGpuAutoConfiguration {

    /** The scheduler's registry name. */
    public static final String SCHEDULER = "resource-scheduler";

    @Bean
    @ConditionalOnMissingBean
    DeviceProbe fleetDeviceProbe(FleetGpuProperties gpu, FleetStarterProperties fleet) {
        return new DeviceProbe(gpu, fleet.instance().host());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(FleetHttpClients.class)
    DeviceReporter fleetDeviceReporter(
            DeviceProbe probe, FleetHttpClients clients, FleetGpuProperties gpu, FleetStarterProperties fleet) {
        return new DeviceReporter(
                probe,
                clients.client(SCHEDULER, SchedulerClient.class),
                fleet.instance().host(),
                gpu.reportInterval());
    }

    /** Matches when this instance's host role ({@code fleet.instance.role}, else the service's) is training or inference. */
    static class OnWorkerHost extends SpringBootCondition {

        private static final Set<String> WORKER_ROLES = Set.of("training", "inference");

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String role = context.getEnvironment().getProperty("fleet.instance.role");
            if (role == null || role.isBlank()) {
                role = context.getEnvironment().getProperty("fleet.service.host-role", "control");
            }
            return WORKER_ROLES.contains(role)
                    ? ConditionOutcome.match("host role " + role + " runs jobs")
                    : ConditionOutcome.noMatch("host role " + role + " runs no jobs");
        }
    }
}
