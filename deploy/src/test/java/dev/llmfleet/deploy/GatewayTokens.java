package dev.llmfleet.deploy;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Tokens from the fleet's gateway, the way a client gets them: client credentials, named scopes. */
public final class GatewayTokens {

    private GatewayTokens() {}

    public static String token(RestClient gateway, String clientId, String secret, String scopes) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", scopes);
        JsonNode answer = gateway.post()
                .uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, secret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(JsonNode.class);
        return answer.get("access_token").asString();
    }
}
