package dev.llmfleet.starter.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Gets this service's token from the gateway with the client-credentials grant and keeps it until
 * {@code refreshSkew} before it expires. One request at a time refreshes it.
 */
public class ClientCredentialsTokenSource implements ServiceTokenSource {

    private static final Log log = LogFactory.getLog(ClientCredentialsTokenSource.class);

    private record Token(String value, Instant renewAt) {}

    private final Supplier<RestClient> gateway;
    private final ServiceCredentials credentials;
    private final List<String> scopes;
    private final Duration refreshSkew;
    private final Clock clock;
    private volatile Token token;

    public ClientCredentialsTokenSource(
            Supplier<RestClient> gateway,
            ServiceCredentials credentials,
            List<String> scopes,
            Duration refreshSkew,
            Clock clock) {
        this.gateway = gateway;
        this.credentials = credentials;
        this.scopes = List.copyOf(scopes);
        this.refreshSkew = refreshSkew;
        this.clock = clock;
    }

    @Override
    public Optional<String> token() {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return Optional.of(current.value());
        }
        return Optional.ofNullable(renew(current)).map(Token::value);
    }

    private synchronized Token renew(Token seen) {
        if (token != seen && token != null && clock.instant().isBefore(token.renewAt())) {
            return token;
        }
        Optional<ServiceCredentials.Credentials> creds = credentials.current();
        if (creds.isEmpty()) {
            log.debug("No client secret for " + credentials.clientId() + " yet; calling without a token");
            return null;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", String.join(" ", scopes));
        try {
            Map<?, ?> answer = gateway.get()
                    .post()
                    .uri("/oauth2/token")
                    .headers(h ->
                            h.setBasicAuth(creds.get().clientId(), creds.get().clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(Map.class);
            String value = (String) answer.get("access_token");
            long expiresIn = ((Number) answer.get("expires_in")).longValue();
            Duration life = Duration.ofSeconds(expiresIn);
            Duration keep =
                    life.compareTo(refreshSkew.multipliedBy(2)) > 0 ? life.minus(refreshSkew) : life.dividedBy(2);
            token = new Token(value, clock.instant().plus(keep));
            return token;
        } catch (RestClientException | ClassCastException | NullPointerException e) {
            log.warn("Cannot get a token for " + credentials.clientId() + ": " + e.getMessage());
            return null;
        }
    }
}
