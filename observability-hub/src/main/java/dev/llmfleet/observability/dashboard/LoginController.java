package dev.llmfleet.observability.dashboard;

import dev.llmfleet.starter.registry.FleetHttpClients;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The dashboard's sign-in with a client's credentials: the browser knows only the hub, so the hub
 * asks the security-gateway's standard OAuth2 token endpoint ({@code client_credentials}) for it
 * and hands the token back. Nothing is stored here; the page keeps the token for its session.
 */
@RestController
@RequestMapping("/api/observability/dashboard")
class LoginController {

    private static final String GATEWAY = "security-gateway";

    private final RestClient gateway;

    LoginController(FleetHttpClients clients) {
        this.gateway = clients.restClient(GATEWAY);
    }

    @PostMapping("/token")
    Map<?, ?> token(@Valid @RequestBody Credentials credentials) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", "fleet:read");
        return gateway.post()
                .uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(credentials.clientId(), credentials.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(Map.class);
    }

    record Credentials(
            @NotBlank @Size(max = 200) String clientId,
            @NotBlank @Size(max = 500) String clientSecret) {}
}
