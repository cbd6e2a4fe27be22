package dev.llmfleet.security.apikey;

import dev.llmfleet.api.security.ApiKeyResponse;
import dev.llmfleet.api.security.ClientResponse;
import dev.llmfleet.api.security.CreateApiKeyRequest;
import dev.llmfleet.api.security.CreatedApiKey;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.audit.AuditOutcome;
import dev.llmfleet.security.client.ClientNotFoundException;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.client.Secrets;
import dev.llmfleet.security.client.UnknownScopeException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for clients that send a static {@code Authorization: Bearer <key>} (OpenAI SDKs). A key
 * is shown once; only its SHA-256 is stored (a 256-bit random key needs no slow hash).
 */
@Service
public class ApiKeyService {

    /** Every key starts with this, so services can tell a key from a JWT without asking. */
    public static final String KEY_PREFIX = "flk_";

    private static final int SHOWN_PREFIX_LENGTH = KEY_PREFIX.length() + 8;

    private final ApiKeyRepository keys;
    private final ClientService clients;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, ClientService clients, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** A key that introspection calls active, with what it may do. */
    public record ActiveKey(UUID id, String clientId, Set<String> scopes, Instant issuedAt, Instant expiresAt) {}

    @Transactional
    public CreatedApiKey create(CreateApiKeyRequest request, String caller) {
        String owner = request.clientId() == null || request.clientId().isBlank() ? caller : request.clientId();
        ClientResponse client = clients.get(owner);
        Set<String> notHeld = new HashSet<>(request.scopes());
        notHeld.removeAll(client.scopes());
        if (!notHeld.isEmpty()) {
            audit.record("api-key.create", owner, AuditOutcome.FAILURE, "scopes not held " + notHeld);
            throw UnknownScopeException.notHeldBy(owner, notHeld);
        }
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ApiKeyException.expiryInPast();
        }
        String key = KEY_PREFIX + Secrets.generate();
        ApiKey saved = keys.save(new ApiKey(
                request.name(),
                key.substring(0, SHOWN_PREFIX_LENGTH),
                sha256(key),
                owner,
                request.scopes(),
                now,
                request.expiresAt()));
        audit.record(
                "api-key.create", owner, AuditOutcome.SUCCESS, "key " + saved.id() + " scopes " + request.scopes());
        return new CreatedApiKey(key, saved.toApi());
    }

    @Transactional(readOnly = true)
    public List<ApiKeyResponse> list() {
        return keys.findAllByOrderByCreatedAtDesc().stream().map(ApiKey::toApi).toList();
    }

    @Transactional
    public ApiKeyResponse revoke(UUID id) {
        ApiKey key = keys.findById(id).orElseThrow(() -> ApiKeyException.notFound(id));
        key.revoke(clock.instant());
        audit.record("api-key.revoke", key.clientId(), AuditOutcome.SUCCESS, "key " + id);
        return key.toApi();
    }

    /**
     * The key's grant when it is known, not revoked, not expired, and its client is enabled and
     * trusted; empty otherwise.
     */
    @Transactional
    public Optional<ActiveKey> introspect(String presented) {
        if (presented == null || !presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return keys.findByKeyHash(sha256(presented))
                .filter(key -> key.isActiveAt(now))
                .filter(key -> clientInGoodStanding(key.clientId()))
                .map(key -> {
                    key.markUsed(now);
                    return new ActiveKey(key.id(), key.clientId(), key.scopes(), key.createdAt(), key.expiresAt());
                });
    }

    private boolean clientInGoodStanding(String clientId) {
        try {
            ClientResponse client = clients.get(clientId);
            return client.enabled() && client.trusted();
        } catch (ClientNotFoundException e) {
            return false;
        }
    }

    static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
