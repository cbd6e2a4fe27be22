package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.orchestrator.DeployRequest;
import dev.llmfleet.api.orchestrator.DeploymentView;
import dev.llmfleet.api.orchestrator.RollbackRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orchestrator/deployments")
class DeploymentController {

    private final DeploymentService deployments;

    DeploymentController(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @GetMapping
    List<DeploymentView> deployments(@RequestParam(defaultValue = "50") int limit) {
        return deployments.recent(limit);
    }

    @GetMapping("/{id}")
    DeploymentView deployment(@PathVariable UUID id) {
        return deployments.find(id).orElseThrow(() -> DeploymentNotFoundException.forId(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeploymentView deploy(@Valid @RequestBody DeployRequest request, Principal caller) {
        return deployments.request(request.version(), request.reason(), nameOf(caller));
    }

    @PostMapping("/rollback")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeploymentView rollback(@Valid @RequestBody(required = false) RollbackRequest request, Principal caller) {
        return deployments.rollback(request == null ? null : request.reason(), nameOf(caller));
    }

    private static String nameOf(Principal caller) {
        return caller == null || caller.getName() == null ? "anonymous" : caller.getName();
    }
}
