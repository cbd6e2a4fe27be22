package dev.llmfleet.trainer;

import dev.llmfleet.api.observability.ObservabilityClient;
import dev.llmfleet.api.orchestrator.EvaluationClient;
import dev.llmfleet.api.orchestrator.OrchestratorClient;
import dev.llmfleet.api.scheduler.HostLeaseClient;
import dev.llmfleet.api.scheduler.SchedulerClient;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.gpu.DeviceProbe;
import dev.llmfleet.starter.gpu.FleetGpuProperties;
import dev.llmfleet.starter.registry.FleetHttpClients;
import dev.llmfleet.trainer.control.PausableDeviceProbe;
import dev.llmfleet.trainer.control.TrainerControlService;
import dev.llmfleet.trainer.storage.TrainerPaths;
import jakarta.servlet.MultipartConfigElement;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FleetGpuProperties.class)
class TrainerConfiguration {

    /** The starter reports this host's devices through this probe; paused, it offers no memory. */
    @Bean
    DeviceProbe fleetDeviceProbe(FleetGpuProperties gpu, FleetStarterProperties fleet, TrainerControlService control) {
        return new PausableDeviceProbe(gpu, fleet.instance().host(), control);
    }

    @Bean
    TrainerPaths trainerPaths(FleetStarterProperties fleet) {
        return new TrainerPaths(fleet.dataDir().resolve("trainer"));
    }

    @Bean
    SchedulerClient schedulerClient(FleetHttpClients clients, TrainerProperties properties) {
        return schedulerClients(clients, properties).createClient(SchedulerClient.class);
    }

    /** The worker's per-device polls and its restart announcement. */
    @Bean
    HostLeaseClient hostLeaseClient(FleetHttpClients clients, TrainerProperties properties) {
        return schedulerClients(clients, properties).createClient(HostLeaseClient.class);
    }

    /** Their read timeout outlasts the long-poll for leases, so a poll that waits its full time is no error. */
    private static HttpServiceProxyFactory schedulerClients(FleetHttpClients clients, TrainerProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(properties.worker().pollWait().plusSeconds(15));
        RestClient rest = clients.restClient("resource-scheduler")
                .mutate()
                .requestFactory(factory)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest))
                .build();
    }

    /** The core-orchestrator's evaluation endpoints, reached by name with this service's token. */
    @Bean
    EvaluationClient evaluationClient(FleetHttpClients clients) {
        return clients.client("core-orchestrator", EvaluationClient.class);
    }

    /** The core-orchestrator's twin, asked which version is deployed when a run's base is {@code deployed}. */
    @Bean
    OrchestratorClient orchestratorClient(FleetHttpClients clients) {
        return clients.client("core-orchestrator", OrchestratorClient.class);
    }

    @Bean
    ObservabilityClient observabilityClient(FleetHttpClients clients) {
        return clients.client("observability-hub", ObservabilityClient.class);
    }

    /** Uploads are limited by {@code fleet.trainer.upload.max-size}, not by Boot's 1 MB default. */
    @Bean
    MultipartConfigElement multipartConfigElement(TrainerProperties properties) {
        long max = properties.upload().maxSize().toBytes();
        return new MultipartConfigElement(
                null, max, max + DataSize.ofMegabytes(1).toBytes(), (int)
                        DataSize.ofMegabytes(1).toBytes());
    }
}
