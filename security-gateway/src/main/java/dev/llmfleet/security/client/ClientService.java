package dev.llmfleet.security.client;

import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.ClientResponse;
import dev.llmfleet.api.security.CreateClientRequest;
import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registered clients: create, list, disable and enable, rotate secrets; every change audited. */
@Service
public class ClientService {

    private final FleetClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final GatewayProperties.Trust trust;
    private final Clock clock;

    ClientService(
            FleetClientRepository clients,
            PasswordEncoder passwords,
            AuditLog audit,
            GatewayProperties properties,
            Clock clock) {
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
        this.trust = properties.trust();
        this.clock = clock;
    }

    /** Creates a client and returns its secret, which is not kept anywhere in clear. */
    @Transactional
    public ClientCredentials create(CreateClientRequest request) {
        requireKnownScopes(request.scopes());
        if (clients.existsById(request.clientId())) {
            audit.record("client.create", request.clientId(), AuditOutcome.FAILURE, "already exists");
            throw ClientStateException.alreadyExists(request.clientId());
        }
        String secret = Secrets.generate();
        clients.save(new FleetClient(
                request.clientId(), passwords.encode(secret), request.scopes(), trust.initial(), clock.instant()));
        audit.record("client.create", request.clientId(), AuditOutcome.SUCCESS, "scopes " + request.scopes());
        return new ClientCredentials(request.clientId(), secret);
    }

    @Transactional(readOnly = true)
    public List<ClientResponse> list() {
        return clients.findAllByOrderByClientId().stream()
                .map(c -> c.toApi(trust.threshold()))
                .toList();
    }

    @Transactional(readOnly = true)
    public ClientResponse get(String clientId) {
        return find(clientId).toApi(trust.threshold());
    }

    @Transactional(readOnly = true)
    public boolean exists(String clientId) {
        return clients.existsById(clientId);
    }

    @Transactional(readOnly = true)
    public long count() {
        return clients.count();
    }

    @Transactional
    public ClientResponse disable(String clientId) {
        FleetClient client = find(clientId);
        client.disable();
        audit.record("client.disable", clientId, AuditOutcome.SUCCESS, null);
        return client.toApi(trust.threshold());
    }

    @Transactional
    public ClientResponse enable(String clientId) {
        FleetClient client = find(clientId);
        client.enable();
        audit.record("client.enable", clientId, AuditOutcome.SUCCESS, null);
        return client.toApi(trust.threshold());
    }

    /** Replaces the client's secret; the old one stops working at once. */
    @Transactional
    public ClientCredentials rotateSecret(String clientId) {
        FleetClient client = find(clientId);
        String secret = Secrets.generate();
        client.rotateSecret(passwords.encode(secret), clock.instant());
        audit.record("client.rotate-secret", clientId, AuditOutcome.SUCCESS, null);
        return new ClientCredentials(clientId, secret);
    }

    /** Moves a client's trust score; {@code ceiling} caps recovery. */
    @Transactional
    public TrustAdjustment adjustTrust(String clientId, int delta, int ceiling) {
        FleetClient client = find(clientId);
        int applied = client.adjustTrust(delta, ceiling);
        return new TrustAdjustment(applied, client.trustScore());
    }

    @Transactional
    public TrustAdjustment resetTrust(String clientId) {
        FleetClient client = find(clientId);
        int applied = client.resetTrust(trust.initial());
        return new TrustAdjustment(applied, client.trustScore());
    }

    /** The stored client, for the authorization server; empty when unknown. */
    Optional<FleetClient> lookup(String clientId) {
        return clients.findById(clientId);
    }

    static void requireKnownScopes(Set<String> scopes) {
        Set<String> unknown = new HashSet<>(scopes);
        unknown.removeAll(FleetScopes.ALL);
        if (!unknown.isEmpty()) {
            throw UnknownScopeException.of(unknown);
        }
    }

    private FleetClient find(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> ClientNotFoundException.forId(clientId));
    }

    /** What a trust change did: the points actually applied and the score after it. */
    public record TrustAdjustment(int delta, int scoreAfter) {}
}
