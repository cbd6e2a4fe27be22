package dev.llmfleet.security.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.llmfleet.security.GatewayProperties;
import dev.llmfleet.security.audit.AuditLog;
import dev.llmfleet.security.client.ClientService;
import dev.llmfleet.security.trust.TrustReason;
import dev.llmfleet.security.trust.TrustService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class TokenRateLimitFilterTest {

    ClientService clients = mock(ClientService.class);
    TrustService trust = mock(TrustService.class);
    AuditLog audit = mock(AuditLog.class);
    TokenRateLimitFilter filter =
            new TokenRateLimitFilter(new GatewayProperties.RateLimit(2, Duration.ofHours(1)), clients, trust, audit);

    @Test
    void refusesTheRequestOverTheLimitWith429AndLowersTrust() throws Exception {
        when(clients.exists("busy-bot")).thenReturn(true);

        assertThat(tokenRequest("busy-bot").getStatus()).isEqualTo(200);
        assertThat(tokenRequest("busy-bot").getStatus()).isEqualTo(200);
        MockHttpServletResponse third = tokenRequest("busy-bot");

        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getContentAsString()).contains("rate_limited");
        verify(trust).penalize(eq("busy-bot"), eq(TrustReason.RATE_LIMITED), any());
    }

    @Test
    void countsEachClientSeparately() throws Exception {
        when(clients.exists(any())).thenReturn(true);
        tokenRequest("a");
        tokenRequest("a");

        assertThat(tokenRequest("b").getStatus()).isEqualTo(200);
    }

    @Test
    void leavesUnknownClientsToAuthentication() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(tokenRequest("nobody").getStatus()).isEqualTo(200);
        }
        verify(trust, never()).penalize(any(), any(), any());
    }

    private MockHttpServletResponse tokenRequest(String clientId) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setServletPath("/oauth2/token");
        request.addHeader(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((clientId + ":x").getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
