package dev.llmfleet.cli;

import dev.llmfleet.api.security.FleetScopes;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;

/**
 * What {@code fleetctl login} stored: where the fleet is and how to authenticate. Kept in
 * {@code ~/.config/fleetctl/credentials} (or {@code $FLEETCTL_CONFIG_DIR}), readable by the owner only.
 *
 * @param url the registry (core-orchestrator) URL every other service is found through
 * @param scopes what a client asks the gateway for (the gateway grants none unless asked)
 */
public record CliConfig(String url, String clientId, String clientSecret, String apiKey, List<String> scopes) {

    static final String DEFAULT_URL = "http://localhost:7000";
    static final String FILE = "credentials";

    /** What fleetctl's commands need: reading, operating, and chat. */
    public static final List<String> DEFAULT_SCOPES =
            List.of(FleetScopes.READ, FleetScopes.OPERATE, FleetScopes.INFERENCE);

    public CliConfig {
        scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
    }

    public CliConfig(String url, String clientId, String clientSecret, String apiKey) {
        this(url, clientId, clientSecret, apiKey, DEFAULT_SCOPES);
    }

    public boolean hasCredentials() {
        return apiKey != null || (clientId != null && clientSecret != null);
    }

    public CliConfig withUrl(String newUrl) {
        return new CliConfig(newUrl, clientId, clientSecret, apiKey, scopes);
    }

    public static Path directory() {
        String override = System.getProperty("fleetctl.config-dir", System.getenv("FLEETCTL_CONFIG_DIR"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("fleetctl");
    }

    public static CliConfig load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new CliConfig(DEFAULT_URL, null, null, null, null);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot read " + file + ": " + e.getMessage());
        }
        return new CliConfig(
                properties.getProperty("url", DEFAULT_URL),
                properties.getProperty("client_id"),
                properties.getProperty("client_secret"),
                properties.getProperty("api_key"),
                scopes(properties.getProperty("scopes")));
    }

    /** Writes the file owner-only, atomically: a temporary file made private first, then renamed. */
    public void save(Path dir) {
        Properties properties = new Properties();
        properties.setProperty("url", url);
        if (clientId != null) {
            properties.setProperty("client_id", clientId);
            properties.setProperty("client_secret", clientSecret);
            properties.setProperty("scopes", String.join(" ", scopes));
        }
        if (apiKey != null) {
            properties.setProperty("api_key", apiKey);
        }
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, FILE, ".tmp");
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            try (Writer writer = Files.newBufferedWriter(temp)) {
                properties.store(writer, "fleetctl credentials: keep private");
            }
            Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(FILE), e);
        }
    }

    private static List<String> scopes(String stored) {
        return stored == null || stored.isBlank()
                ? null
                : List.of(stored.strip().split("\\s+"));
    }

    public static void delete(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
