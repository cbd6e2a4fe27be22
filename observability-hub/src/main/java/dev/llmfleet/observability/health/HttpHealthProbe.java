package dev.llmfleet.observability.health;

import dev.llmfleet.observability.ObservabilityProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Reads one instance's {@code /actuator/health}; anything but an answer is {@code UNREACHABLE}. */
@Component
class HttpHealthProbe implements HealthProbe {

    private final RestClient http;

    HttpHealthProbe(RestClient.Builder builder, ObservabilityProperties properties) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.health().timeout())
                .build());
        factory.setReadTimeout(properties.health().timeout());
        this.http = builder.clone().requestFactory(factory).build();
    }

    @Override
    public String status(URI baseUri) {
        try {
            Map<?, ?> body = http.get()
                    .uri(baseUri.resolve("/actuator/health"))
                    .exchange((request, response) -> response.bodyTo(Map.class));
            Object status = body == null ? null : body.get("status");
            return status == null ? "UNKNOWN" : status.toString();
        } catch (RestClientException e) {
            return "UNREACHABLE";
        }
    }
}
