package dev.llmfleet.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmfleet.api.security.FleetScopes;
import dev.llmfleet.starter.security.testing.FleetTestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The resource server every service gets, as a {@code @WebMvcTest} slice sees it. */
@WebMvcTest(SecuredTestApplication.Endpoints.class)
@Import(FleetTestTokens.Decoder.class)
class ResourceServerSliceTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void refusesARequestWithoutTokenWithAProblemDetail() {
        assertThat(mvc.get().uri("/api/things"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .containsHeader(HttpHeaders.WWW_AUTHENTICATE)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("unauthenticated");
    }

    @Test
    void readsNeedFleetRead() {
        assertThat(mvc.get()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.READ)))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.INFERENCE)))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("insufficient-scope");
    }

    @Test
    void changesNeedFleetOperate() {
        assertThat(mvc.post()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.READ)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/things")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.OPERATE)))
                .hasStatusOk();
    }

    @Test
    void adminEndpointsNeedFleetAdmin() {
        assertThat(mvc.get()
                        .uri("/api/things/admin/settings")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.READ)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/things/admin/settings")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.ADMIN)))
                .hasStatusOk();
    }

    @Test
    void inferenceNeedsInferenceUse() {
        assertThat(mvc.post()
                        .uri("/v1/chat/completions")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.OPERATE)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/v1/chat/completions")
                        .header(HttpHeaders.AUTHORIZATION, FleetTestTokens.bearer(FleetScopes.INFERENCE)))
                .hasStatusOk();
    }

    @Test
    void refusesATamperedSignature() {
        String token = FleetTestTokens.token("test-client", java.util.List.of(FleetScopes.READ));
        assertThat(mvc.get().uri("/api/things").header(HttpHeaders.AUTHORIZATION, "Bearer " + token + "x"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }
}
