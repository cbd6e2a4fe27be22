package dev.llmfleet.api.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What an instance tells the registry about itself when it starts.
 *
 * @param serviceName the logical name others resolve it by, e.g. {@code resource-scheduler}
 * @param instanceId unique per running instance; re-registering the same id replaces it
 * @param host the host name or address other services reach it at
 * @param port the HTTP port
 * @param scheme {@code http} or {@code https}
 * @param hostRole the role of the machine it runs on (training, inference, control)
 * @param metadata free-form labels (version, GPU count, ...)
 */
public record RegisterInstanceRequest(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and dashes")
        String serviceName,

        @NotBlank @Size(max = 200) String instanceId,
        @NotBlank @Size(max = 255) String host,
        @NotNull @Min(1) @Max(65535) Integer port,

        @Pattern(regexp = "https?", message = "must be http or https")
        String scheme,

        @Size(max = 50) String hostRole,
        Map<@Size(max = 100) String, @Size(max = 1000) String> metadata) {

    public RegisterInstanceRequest {
        scheme = scheme == null || scheme.isBlank() ? "http" : scheme;
        hostRole = hostRole == null || hostRole.isBlank() ? "control" : hostRole;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
