package dev.llmfleet.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running gateway (random port, its own data folder) shared by the integration tests, so that
 * the first-start admin is created once and its credentials file is where the tests look.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "fleet.registry.enabled=false",
            "fleet.gateway.keys.publish-lead=0s",
            "fleet.gateway.rate-limit.tokens-per-period=1000"
        })
public abstract class GatewayIntegrationTest {

    protected static final Path DATA_DIR = createDataDir();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fleet.data-dir", DATA_DIR::toString);
    }

    protected GatewayHttp http() {
        return new GatewayHttp("http://localhost:" + port);
    }

    protected static Map<String, String> adminCredentials() {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(DATA_DIR.resolve("admin-credentials"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "client_id",
                properties.getProperty("client_id"),
                "client_secret",
                properties.getProperty("client_secret"));
    }

    protected String adminToken() {
        Map<String, String> admin = adminCredentials();
        return http().token(admin.get("client_id"), admin.get("client_secret"), "fleet:admin fleet:read fleet:operate")
                .accessToken();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("gateway-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
