package dev.llmfleet.security.bootstrap;

import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.signing.SigningKeyService;
import dev.llmfleet.starter.config.FleetStarterProperties;
import dev.llmfleet.starter.security.ServiceCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * First start: a signing key, an admin client with every scope whose credentials go to
 * {@code <fleet.data-dir>/admin-credentials}, and one client per fleet service whose secret goes to
 * {@code <fleet.data-dir>/service-credentials/<service>}, all owner-only. The log names the files,
 * never the secrets. A service client whose file is gone gets a new secret and a new file.
 */
@Component
class FleetBootstrap implements SmartInitializingSingleton {

    static final String ADMIN_CLIENT = "fleet-admin";
    private static final Log log = LogFactory.getLog(FleetBootstrap.class);
    private static final Set<String> SERVICE_SCOPES =
            Set.of(FleetScopes.READ, FleetScopes.OPERATE, FleetScopes.INFERENCE);

    private final ClientService clients;
    private final SigningKeyService keys;
    private final GatewayProperties gateway;
    private final Path dataDir;

    FleetBootstrap(
            ClientService clients, SigningKeyService keys, GatewayProperties gateway, FleetStarterProperties fleet) {
        this.clients = clients;
        this.keys = keys;
        this.gateway = gateway;
        this.dataDir = fleet.dataDir();
    }

    @Override
    public void afterSingletonsInstantiated() {
        keys.ensureSigningKey();
        if (clients.count() == 0) {
            createAdmin();
        }
        gateway.serviceClients().forEach(this::provisionService);
    }

    private void createAdmin() {
        ClientCredentials admin = clients.create(new CreateClientRequest(ADMIN_CLIENT, Set.copyOf(FleetScopes.ALL)));
        Path file = dataDir.resolve("admin-credentials").toAbsolutePath().normalize();
        CredentialsFile.write(file, admin);
        log.warn("Created the admin client '" + ADMIN_CLIENT + "'; its credentials are in " + file
                + " (readable by this user only)");
    }

    private void provisionService(String service) {
        Path file = ServiceCredentials.credentialsFile(dataDir, service)
                .toAbsolutePath()
                .normalize();
        ClientCredentials credentials;
        if (!clients.exists(service)) {
            credentials = clients.create(new CreateClientRequest(service, SERVICE_SCOPES));
        } else if (!Files.exists(file)) {
            credentials = clients.rotateSecret(service);
        } else {
            return;
        }
        CredentialsFile.write(file, credentials);
        log.info("Provisioned the service client '" + service + "'; its credentials are in " + file);
    }
}
