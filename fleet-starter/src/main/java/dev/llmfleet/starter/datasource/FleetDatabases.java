package dev.llmfleet.starter.datasource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Decides where a service's database comes from, in the order DESIGN.md gives.
 *
 * <ol>
 *   <li>{@code spring.datasource.url} when set (compose, CI). Under tests
 *       ({@code fleet.datasource.test-isolation=true}) each test JVM gets a fresh database on that
 *       server so that runs never see each other's rows.
 *   <li>Under tests without a URL: Testcontainers when a Docker engine answers.
 *   <li>Otherwise an embedded PostgreSQL: its data in {@code <fleet.data-dir>/postgres}, kept across
 *       restarts; under tests in a temporary folder, one per test JVM like the isolated database
 *       above, so that a test restarting a context finds its rows again.
 * </ol>
 *
 * <p>Every service in one JVM shares the one server chosen here.
 */
public final class FleetDatabases {

    static final String SOURCE = "fleetDatabase";
    private static final Log log = LogFactory.getLog(FleetDatabases.class);
    private static final Object lock = new Object();
    private static volatile String isolatedUrl;
    private static volatile Path isolatedDirectory;

    private FleetDatabases() {}

    public static void configure(ConfigurableEnvironment environment) {
        if (environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        boolean testIsolation =
                Boolean.parseBoolean(environment.getProperty("fleet.datasource.test-isolation", "false"));
        String url = environment.getProperty("spring.datasource.url");
        String user = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "");
        Map<String, Object> chosen = new HashMap<>();
        if (url != null && !url.isBlank()) {
            if (!testIsolation) {
                return;
            }
            chosen.put("spring.datasource.url", isolatedDatabase(url, user, password));
        } else if (testIsolation && TestcontainersDatabase.available()) {
            TestcontainersDatabase.Connection connection = TestcontainersDatabase.shared();
            chosen.put("spring.datasource.url", connection.url());
            user = connection.user();
            password = connection.password();
        } else {
            Path dir = testIsolation
                    ? isolatedDirectory()
                    : Path.of(environment.getProperty("fleet.data-dir", "./fleet-data"))
                            .resolve("postgres");
            chosen.put("spring.datasource.url", EmbeddedDatabase.start(dir, !testIsolation));
            user = "postgres";
            password = "";
        }
        chosen.put("spring.datasource.username", user);
        chosen.put("spring.datasource.password", password);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, chosen));
    }

    private static String isolatedDatabase(String url, String user, String password) {
        synchronized (lock) {
            if (isolatedUrl == null) {
                isolatedUrl = IsolatedTestDatabase.create(url, user, password);
                log.info("Tests use their own database " + isolatedUrl);
            }
            return isolatedUrl;
        }
    }

    private static Path isolatedDirectory() {
        synchronized (lock) {
            if (isolatedDirectory == null) {
                isolatedDirectory = EmbeddedDatabase.temporaryDirectory();
            }
            return isolatedDirectory;
        }
    }

    static boolean testcontainersOnClasspath() {
        return ClassUtils.isPresent(
                "org.testcontainers.postgresql.PostgreSQLContainer", FleetDatabases.class.getClassLoader());
    }

    static Path ensureDirectory(Path dir) {
        try {
            return Files.createDirectories(dir.toAbsolutePath().normalize());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the database folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
