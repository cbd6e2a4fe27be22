package dev.llmfleet.starter.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * This service's client id and secret: {@code fleet.security.client-secret} when set, otherwise
 * the file {@code <fleet.data-dir>/service-credentials/<client-id>} that the gateway writes for the
 * fleet's own services. Read when needed, so a file that appears after start-up is found.
 */
public class ServiceCredentials {

    /** A client id and secret pair. */
    public record Credentials(String clientId, String clientSecret) {}

    private final String clientId;
    private final String configuredSecret;
    private final Path file;

    public ServiceCredentials(String clientId, String configuredSecret, Path dataDir) {
        this.clientId = clientId;
        this.configuredSecret = configuredSecret;
        this.file = credentialsFile(dataDir, clientId);
    }

    /** Where the gateway writes the secret of {@code clientId}. */
    public static Path credentialsFile(Path dataDir, String clientId) {
        return dataDir.resolve("service-credentials").resolve(clientId);
    }

    public String clientId() {
        return clientId;
    }

    /** The credentials, or empty while there is no secret yet. */
    public Optional<Credentials> current() {
        if (configuredSecret != null && !configuredSecret.isBlank()) {
            return Optional.of(new Credentials(clientId, configuredSecret));
        }
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String secret = properties.getProperty("client_secret");
        return secret == null || secret.isBlank()
                ? Optional.empty()
                : Optional.of(new Credentials(properties.getProperty("client_id", clientId), secret));
    }
}
