package dev.llmfleet.security.apikey;

import dev.llmfleet.api.security.ApiKeyResponse;
import dev.llmfleet.api.security.CreateApiKeyRequest;
import dev.llmfleet.api.security.CreatedApiKey;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/security/api-keys")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiKey create(@Valid @RequestBody CreateApiKeyRequest request, Principal caller) {
        return keys.create(request, caller.getName());
    }

    @GetMapping
    List<ApiKeyResponse> list() {
        return keys.list();
    }

    @DeleteMapping("/{id}")
    ApiKeyResponse revoke(@PathVariable UUID id) {
        return keys.revoke(id);
    }
}
