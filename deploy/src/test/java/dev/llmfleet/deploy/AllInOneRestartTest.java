package dev.llmfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.registry.RegisterInstanceRequest;
import dev.llmfleet.api.registry.RegistryClient;
import dev.llmfleet.api.registry.ServiceSummary;
import dev.llmfleet.orchestrator.CoreOrchestratorApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** The all-in-one fleet keeps its data in its data folder, on the embedded PostgreSQL, across restarts. */
class AllInOneRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsRegistrationsInTheDataFolderAcrossARestart() {
        String[] args = {
            "--server.port=0",
            "--fleet.data-dir=" + dataDir,
            // the fleet's own default: no URL means the embedded PostgreSQL in the data folder
            "--spring.datasource.url=",
            "--fleet.datasource.test-isolation=false",
            "--fleet.orchestrator.registry.ttl=1h",
            "--spring.main.banner-mode=off"
        };
        List<Class<?>> registryOnly = List.of(CoreOrchestratorApplication.class);

        try (AllInOneFleet first = AllInOneFleet.start(registryOnly, args)) {
            registry(first)
                    .register(new RegisterInstanceRequest(
                            "gpu-box", "gpu-box-1", "10.0.0.9", 7010, "http", "training", Map.of()));
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (AllInOneFleet second = AllInOneFleet.start(registryOnly, args)) {
            assertThat(registry(second).services())
                    .extracting(ServiceSummary::serviceName)
                    .contains("gpu-box");
        }
        assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
    }

    private static RegistryClient registry(AllInOneFleet fleet) {
        return HttpServiceProxyFactory.builderFor(
                        RestClientAdapter.create(RestClient.create(fleet.baseUrl("core-orchestrator"))))
                .build()
                .createClient(RegistryClient.class);
    }
}
