package dev.llmfleet.security.client;

import dev.llmfleet.api.security.ClientCredentials;
import dev.llmfleet.api.security.ClientResponse;
import dev.llmfleet.api.security.CreateClientRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/security/clients")
class ClientController {

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientCredentials create(@Valid @RequestBody CreateClientRequest request) {
        return clients.create(request);
    }

    @GetMapping
    List<ClientResponse> list() {
        return clients.list();
    }

    @GetMapping("/{clientId}")
    ClientResponse get(@PathVariable String clientId) {
        return clients.get(clientId);
    }

    @PostMapping("/{clientId}/disable")
    ClientResponse disable(@PathVariable String clientId) {
        return clients.disable(clientId);
    }

    @PostMapping("/{clientId}/enable")
    ClientResponse enable(@PathVariable String clientId) {
        return clients.enable(clientId);
    }

    @PostMapping("/{clientId}/secret")
    ClientCredentials rotateSecret(@PathVariable String clientId) {
        return clients.rotateSecret(clientId);
    }
}
