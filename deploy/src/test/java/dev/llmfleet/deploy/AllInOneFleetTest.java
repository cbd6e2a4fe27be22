package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llmfleet.api.registry.PrometheusTargetGroup;
import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceInstance;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.starter.registry.FleetHttpClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** Boots the whole fleet in one JVM, as the README's first command does, and checks the registry holds it together. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllInOneFleetTest {

    @TempDir
    static Path dataDir;

    static AllInOneFleet fleet;
    static RegistryClient registry;

    @BeforeAll
    static void startFleet() {
        fleet = AllInOneFleet.start(FleetTestArgs.fastRegistry(dataDir));
        System.out.printf(
                "All-in-one fleet started in %d ms%n%s", fleet.startupTime().toMillis(), fleet.describe());
        RestClient client = RestClient.create(fleet.baseUrl("core-orchestrator"));
        registry = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
                .build()
                .createClient(RegistryClient.class);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    @Order(1)
    void registersAllSevenServicesAsUp() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(registry.services())
                        .filteredOn(s -> s.up() == 1)
                        .extracting(ServiceSummary::serviceName)
                        .containsExactlyInAnyOrderElementsOf(FleetServices.names()));
    }

    @Test
    @Order(2)
    void everyServiceAnswersHealthMetricsAndItsApiDocument() {
        for (String name : FleetServices.names()) {
            String base = fleet.baseUrl(name);
            assertThat(get(base + "/actuator/health")).as(name + " health").contains("\"status\":\"UP\"");
            assertThat(get(base + "/actuator/health/liveness"))
                    .as(name + " liveness")
                    .contains("UP");
            if (!name.equals("inference-service")) {
                // inference is ready only once a model is loaded and has generated (issue 8)
                assertThat(get(base + "/actuator/health/readiness"))
                        .as(name + " readiness")
                        .contains("UP");
            }
            assertThat(get(base + "/actuator/prometheus")).as(name + " metrics").contains("service=\"" + name + "\"");
            assertThat(get(base + "/v3/api-docs")).as(name + " OpenAPI").contains("\"openapi\"");
        }
    }

    /** The body whatever the status, so that a failure names the service and shows what it said. */
    private static String get(String url) {
        return RestClient.create()
                .get()
                .uri(url)
                .exchange(
                        (request, response) -> response.getStatusCode().value() + " " + response.bodyTo(String.class));
    }

    @Test
    @Order(3)
    void oneServiceResolvesAnotherByNameAndCallsIt() {
        FleetHttpClients clients = fleet.context("trainer-service").getBean(FleetHttpClients.class);

        String health = clients.restClient("resource-scheduler")
                .get()
                .uri("/actuator/health")
                .retrieve()
                .body(String.class);
        List<ServiceSummary> services =
                clients.client("core-orchestrator", RegistryClient.class).services();

        assertThat(health).contains("\"status\":\"UP\"");
        assertThat(services).extracting(ServiceSummary::serviceName).contains("trainer-service");
    }

    @Test
    @Order(4)
    void listsEveryUpInstanceForPrometheus() {
        List<PrometheusTargetGroup> targets = registry.prometheusTargets();

        assertThat(targets).hasSize(FleetServices.names().size());
        for (String name : FleetServices.names()) {
            assertThat(targets)
                    .filteredOn(t -> name.equals(t.labels().get("service")))
                    .singleElement()
                    .satisfies(t -> assertThat(t.targets()).containsExactly("localhost:" + fleet.port(name)));
        }
    }

    @Test
    @Order(5)
    void aCrashedInstanceThatStopsBeatingLeavesTheUpListWithinItsTtl() {
        registry.register(new RegisterInstanceRequest(
                "crashed-service", "crashed-1", "localhost", 1, "http", "control", Map.of()));
        assertThat(registry.upInstances("crashed-service")).hasSize(1);

        await().atMost(FleetTestArgs.TTL.plusSeconds(2))
                .untilAsserted(() ->
                        assertThat(registry.upInstances("crashed-service")).isEmpty());
        await().atMost(FleetTestArgs.TTL.multipliedBy(2).plusSeconds(2))
                .untilAsserted(() -> assertThat(registry.services())
                        .extracting(ServiceSummary::serviceName)
                        .doesNotContain("crashed-service"));
    }

    @Test
    @Order(6)
    void aServiceStoppedWithinTheFleetDisappearsFromTheRegistry() {
        fleet.stop("observability-hub");

        await().atMost(FleetTestArgs.TTL)
                .untilAsserted(() -> assertThat(registry.upInstances("observability-hub"))
                        .extracting(ServiceInstance::serviceName)
                        .isEmpty());
        assertThat(registry.upInstances("resource-scheduler")).hasSize(1);
    }
}
