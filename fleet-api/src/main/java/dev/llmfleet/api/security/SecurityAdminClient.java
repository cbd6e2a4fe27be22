package dev.llmfleet.api.security;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The admin API of security-gateway (every call needs {@code fleet:admin}, except reports). */
@HttpExchange("/api/security")
public interface SecurityAdminClient {

    @PostExchange("/clients")
    ClientCredentials createClient(@RequestBody CreateClientRequest request);

    @GetExchange("/clients")
    List<ClientResponse> clients();

    @PostExchange("/clients/{clientId}/disable")
    ClientResponse disableClient(@PathVariable String clientId);

    @PostExchange("/clients/{clientId}/enable")
    ClientResponse enableClient(@PathVariable String clientId);

    @PostExchange("/clients/{clientId}/secret")
    ClientCredentials rotateSecret(@PathVariable String clientId);

    @GetExchange("/clients/{clientId}/trust")
    TrustScoreResponse trust(@PathVariable String clientId);

    @PostExchange("/clients/{clientId}/trust/reset")
    TrustScoreResponse resetTrust(@PathVariable String clientId);

    /** Reports misbehaviour of a client (needs {@code fleet:operate}). */
    @PostExchange("/trust/reports")
    TrustScoreResponse report(@RequestBody TrustReport report);

    @PostExchange("/api-keys")
    CreatedApiKey createApiKey(@RequestBody CreateApiKeyRequest request);

    @GetExchange("/api-keys")
    List<ApiKeyResponse> apiKeys();

    @DeleteExchange("/api-keys/{id}")
    ApiKeyResponse revokeApiKey(@PathVariable UUID id);

    @GetExchange("/keys")
    List<SigningKeyResponse> signingKeys();

    @PostExchange("/keys/rotate")
    SigningKeyResponse rotateSigningKey();

    @GetExchange("/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit);
}
