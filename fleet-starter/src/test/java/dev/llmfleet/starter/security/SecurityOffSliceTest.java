package dev.llmfleet.starter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** {@code fleet.security.enabled=false}: the one-line switch for tests that are not about security. */
@WebMvcTest(controllers = SecuredTestApplication.Endpoints.class, properties = "fleet.security.enabled=false")
class SecurityOffSliceTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void opensEveryEndpoint() {
        assertThat(mvc.get().uri("/api/things")).hasStatusOk();
        assertThat(mvc.post().uri("/api/things")).hasStatusOk();
    }
}
