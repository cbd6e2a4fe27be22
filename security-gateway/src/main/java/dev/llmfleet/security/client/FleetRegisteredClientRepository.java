package dev.llmfleet.security.client;

import dev.llmfleet.security.GatewayProperties;
import java.time.Duration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authorization server's view of our clients: client-credentials only, secret by Basic or
 * form post, self-contained JWTs. A disabled client is unknown to it, so it cannot authenticate.
 */
@Component
class FleetRegisteredClientRepository implements RegisteredClientRepository {

    private final FleetClientRepository clients;
    private final Duration tokenTtl;

    FleetRegisteredClientRepository(FleetClientRepository clients, GatewayProperties properties) {
        this.clients = clients;
        this.tokenTtl = properties.tokenTtl();
    }

    /** Only re-hashing of a secret in a newer format reaches here; clients are made by {@link ClientService}. */
    @Override
    @Transactional
    public void save(RegisteredClient registeredClient) {
        clients.findById(registeredClient.getClientId())
                .ifPresent(c -> c.rotateSecret(registeredClient.getClientSecret(), c.secretRotatedAtOrNow()));
    }

    @Override
    @Transactional(readOnly = true)
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    @Transactional(readOnly = true)
    public RegisteredClient findByClientId(String clientId) {
        return clients.findById(clientId)
                .filter(FleetClient::enabled)
                .map(this::toRegisteredClient)
                .orElse(null);
    }

    private RegisteredClient toRegisteredClient(FleetClient client) {
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientSecret(client.secretHash())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(tokenTtl)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .build())
                .build();
    }
}
