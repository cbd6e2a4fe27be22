package dev.llmfleet.security.client;

import dev.llmfleet.api.security.ClientResponse;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A registered client with its hashed secret, scopes and trust score.
 *
 * <p>The score moves only through {@link #adjustTrust} and {@link #resetTrust}, which keep it in
 * 0..100; a disabled client cannot authenticate at all.
 */
@Entity
@Table(name = "client")
class FleetClient {

    static final int MAX_TRUST = 100;

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "secret_hash", nullable = false)
    private String secretHash;

    @Column(nullable = false)
    private String scopes;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "trust_score", nullable = false)
    private int trustScore;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "secret_rotated_at", nullable = false)
    private Instant secretRotatedAt;

    @Version
    private long version;

    protected FleetClient() {}

    FleetClient(String clientId, String secretHash, Set<String> scopes, int trustScore, Instant now) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.scopes = String.join(" ", new TreeSet<>(scopes));
        this.enabled = true;
        this.trustScore = Math.clamp(trustScore, 0, MAX_TRUST);
        this.createdAt = now;
        this.secretRotatedAt = now;
    }

    String clientId() {
        return clientId;
    }

    String secretHash() {
        return secretHash;
    }

    Set<String> scopes() {
        return Arrays.stream(scopes.split(" "))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    boolean enabled() {
        return enabled;
    }

    int trustScore() {
        return trustScore;
    }

    void rotateSecret(String newHash, Instant now) {
        this.secretHash = newHash;
        this.secretRotatedAt = now;
    }

    Instant secretRotatedAtOrNow() {
        return secretRotatedAt == null ? Instant.now() : secretRotatedAt;
    }

    void disable() {
        if (!enabled) {
            throw ClientStateException.alreadyDisabled(clientId);
        }
        enabled = false;
    }

    void enable() {
        if (enabled) {
            throw ClientStateException.alreadyEnabled(clientId);
        }
        enabled = true;
    }

    /** Moves the score by {@code delta}, clamped to 0..{@code ceiling}; returns the change applied. */
    int adjustTrust(int delta, int ceiling) {
        int before = trustScore;
        int limit = Math.max(Math.min(ceiling, MAX_TRUST), 0);
        int after = delta >= 0 ? Math.min(before + delta, Math.max(limit, before)) : Math.max(before + delta, 0);
        trustScore = after;
        return after - before;
    }

    /** Sets the score back to {@code initial}; returns the change applied. */
    int resetTrust(int initial) {
        int before = trustScore;
        trustScore = Math.clamp(initial, 0, MAX_TRUST);
        return trustScore - before;
    }

    ClientResponse toApi(int threshold) {
        return new ClientResponse(clientId, scopes(), enabled, trustScore, trustScore >= threshold, createdAt);
    }
}
