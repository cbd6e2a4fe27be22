package dev.llmfleet.security.apikey;

import dev.llmfleet.api.security.ApiKeyResponse;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** An API key, known by its SHA-256 only. Revocation is final. */
@Entity
@Table(name = "api_key")
class ApiKey {

    /** Last-used times closer together than this are not written again. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "key_hash", nullable = false, unique = true)
    private String keyHash;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {}

    ApiKey(
            String name,
            String prefix,
            String keyHash,
            String clientId,
            Set<String> scopes,
            Instant now,
            Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.clientId = clientId;
        this.scopes = String.join(" ", new TreeSet<>(scopes));
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    void revoke(Instant now) {
        if (revokedAt != null) {
            throw ApiKeyException.alreadyRevoked(id);
        }
        revokedAt = now;
    }

    boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** Notes a use; returns whether the stored time changed (writes are coarse on purpose). */
    boolean markUsed(Instant now) {
        if (lastUsedAt != null && lastUsedAt.plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    UUID id() {
        return id;
    }

    String clientId() {
        return clientId;
    }

    Set<String> scopes() {
        return Arrays.stream(scopes.split(" "))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    ApiKeyResponse toApi() {
        return new ApiKeyResponse(id, name, prefix, clientId, scopes(), createdAt, expiresAt, lastUsedAt, revokedAt);
    }
}
